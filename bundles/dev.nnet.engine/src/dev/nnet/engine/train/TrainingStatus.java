package dev.nnet.engine.train;

/** How training ended. */
public enum TrainingStatus {
    /** A target (loss or accuracy) was reached. */
    CONVERGED,
    /** No target was set and training ran to the epoch cap, or early stopping ended it. */
    COMPLETED,
    /** A target was set but not reached within the epoch cap. */
    NOT_CONVERGED,
    /** The loss or a gradient became NaN or infinite. */
    DIVERGED,
    /** The cancellation token was triggered. */
    CANCELLED
}

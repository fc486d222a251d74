package dev.nnet.engine.train;

/** Receives training progress; all methods default to doing nothing. Called on the training thread. */
public interface TrainingListener {
    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * @param event sizes of the run
     */
    default void onTrainingBegin(TrainingBegin event) {
    }

    /**
     * Called after each optimizer step (primitive arguments: no allocation per batch).
     *
     * @param epoch epoch number, from 1
     * @param batch batch number within the epoch, from 1
     * @param loss mean loss of the batch before the step
     */
    default void onBatchEnd(int epoch, int batch, double loss) {
    }

    /**
     * @param event metrics of the finished epoch
     */
    default void onEpochEnd(EpochEnd event) {
    }

    /**
     * @param result the final result
     */
    default void onTrainingEnd(TrainingResult result) {
    }

    /**
     * A checkpoint: after every {@link TrainingConfig#checkpointEvery()} epochs and when the training is cancelled.
     * The network holds the weights that belong to the state; write both now (on the training thread).
     *
     * @param state where the training stands
     */
    default void onCheckpoint(TrainingState state) {
    }
}

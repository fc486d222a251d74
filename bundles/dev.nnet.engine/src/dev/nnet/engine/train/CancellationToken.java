package dev.nnet.engine.train;

/** A thread-safe flag the trainer checks before every batch. */
public final class CancellationToken {
    private volatile boolean cancelled;

    /** Requests cancellation; training stops before its next batch with {@link TrainingStatus#CANCELLED}. */
    public void cancel() {
        cancelled = true;
    }

    /** @return true once {@link #cancel()} was called */
    public boolean isCancelled() {
        return cancelled;
    }
}

package dev.nnet.engine.matrix;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * A fixed set of daemon worker threads that run a {@link RangeTask} over {@code [0, n)} split into
 * equal contiguous chunks, one per thread. Work is split by output rows only, so every output element
 * is computed by the same sequence of operations whatever the thread count: results do not depend on it.
 */
public final class ParallelFor implements AutoCloseable {

    /** A task over a half-open index range. */
    public interface RangeTask {
        /**
         * @param from first index (inclusive)
         * @param to last index (exclusive)
         */
        void run(int from, int to);
    }

    /** A single-threaded instance (runs everything in the caller). */
    public static final ParallelFor SEQUENTIAL = new ParallelFor(1);

    private final int threads;
    private final CyclicBarrier start;
    private final CyclicBarrier end;
    private volatile RangeTask task;
    private volatile int count;
    private volatile boolean closed;
    private volatile Throwable failure;

    /**
     * @param threads number of threads including the caller (at least 1)
     */
    public ParallelFor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            start = null;
            end = null;
            return;
        }
        start = new CyclicBarrier(threads);
        end = new CyclicBarrier(threads);
        for (int t = 1; t < threads; t++) {
            final int index = t;
            Thread worker = new Thread(() -> workerLoop(index), "nnet-worker-" + t);
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** @return the number of threads including the caller */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task} over {@code [0, n)}; returns when all chunks are done.
     *
     * @param task the task
     * @param n the range size
     * @param parallel false to run everything in the caller (for small work)
     */
    public void run(RangeTask task, int n, boolean parallel) {
        if (threads == 1 || !parallel || n < threads) {
            task.run(0, n);
            return;
        }
        if (closed) {
            throw new IllegalStateException("ParallelFor is closed");
        }
        this.task = task;
        this.count = n;
        this.failure = null;
        await(start);
        task.run(0, chunkEnd(0, n));
        await(end);
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException("worker failed: " + f, f);
        }
    }

    private int chunkEnd(int index, int n) {
        return (int) ((long) n * (index + 1) / threads);
    }

    private void workerLoop(int index) {
        while (true) {
            await(start);
            if (closed) {
                return;
            }
            int n = count;
            try {
                task.run(chunkEnd(index - 1, n), chunkEnd(index, n));
            } catch (Throwable t) {
                failure = t;
            }
            await(end);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("worker barrier broken", e);
        }
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        if (threads == 1 || closed) {
            return;
        }
        closed = true;
        await(start);
    }
}

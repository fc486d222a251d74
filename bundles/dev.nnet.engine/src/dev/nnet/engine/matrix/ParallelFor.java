package dev.nnet.engine.matrix;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon worker threads that run a {@link RangeTask} over {@code [0, n)} split into
 * equal contiguous chunks, one per thread. Kernels split outputs only (rows, or column panels), so every output element
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

    /** Spin iterations (about tens of microseconds) before a waiting thread parks. */
    private static final int SPINS = 1 << 14;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Thread caller;
    private volatile RangeTask task;
    private volatile int count;
    private volatile int generation;
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
        this.workers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            final int index = t;
            Thread worker = new Thread(() -> workerLoop(index), "nnet-worker-" + t);
            worker.setDaemon(true);
            workers[t - 1] = worker;
            worker.start();
        }
    }

    /** @return the number of threads including the caller */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task} over {@code [0, n)}; returns when all chunks are done. Workers wait for work by spinning
     * briefly and then parking, so back-to-back products (a training step) hand over in microseconds.
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
        this.caller = Thread.currentThread();
        this.task = task;
        this.count = n;
        this.failure = null;
        pending.set(threads - 1);
        generation++;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        task.run(0, chunkEnd(0, n));
        int spins = 0;
        while (pending.get() != 0) {
            if (++spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException("worker failed: " + f, f);
        }
    }

    private int chunkEnd(int index, int n) {
        return (int) ((long) n * (index + 1) / threads);
    }

    private void workerLoop(int index) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = generation;
            if (closed) {
                return;
            }
            int n = count;
            try {
                task.run(chunkEnd(index - 1, n), chunkEnd(index, n));
            } catch (Throwable t) {
                failure = t;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        if (threads == 1 || closed) {
            return;
        }
        closed = true;
        generation++;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}

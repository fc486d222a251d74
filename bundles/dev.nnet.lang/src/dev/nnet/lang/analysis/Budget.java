package dev.nnet.lang.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.BooleanSupplier;

/**
 * A time budget with an external cancel request (the editor's {@code CancelIndicator}); checked between pivots.
 * The budget counts the CPU time of the calling thread, so that the same problem gets the same answer on a busy
 * machine; wall-clock time is capped at {@link #WALL_FACTOR} times the budget all the same.
 */
public final class Budget {
	/** Wall-clock cap, in multiples of the CPU budget. */
	public static final int WALL_FACTOR = 10;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final long cpuDeadline;
	private final long wallDeadline;
	private final BooleanSupplier cancelled;

	/**
	 * @param millis    CPU time allowed to the calling thread
	 * @param cancelled true when the caller no longer wants the answer (may be null)
	 */
	public Budget(long millis, BooleanSupplier cancelled) {
		long nanos = millis * 1_000_000L;
		long cpu = cpuNow();
		this.cpuDeadline = cpu < 0 ? -1 : cpu + nanos;
		this.wallDeadline = System.nanoTime() + (cpu < 0 ? nanos : WALL_FACTOR * nanos);
		this.cancelled = cancelled == null ? () -> false : cancelled;
	}

	private static long cpuNow() {
		try {
			return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
		} catch (UnsupportedOperationException e) {
			return -1;
		}
	}

	/** @return true when time is up or the caller cancelled */
	public boolean exhausted() {
		return (cpuDeadline >= 0 && cpuNow() - cpuDeadline > 0) || System.nanoTime() - wallDeadline > 0
				|| cancelled.getAsBoolean();
	}
}

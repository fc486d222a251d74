package dev.nnet.lang.analysis;

import java.util.function.BooleanSupplier;

/**
 * A time budget with an external cancel request (the editor's {@code CancelIndicator}); checked between pivots.
 */
public final class Budget {
	private final long deadline;
	private final BooleanSupplier cancelled;

	/**
	 * @param millis    wall-clock time allowed
	 * @param cancelled true when the caller no longer wants the answer (may be null)
	 */
	public Budget(long millis, BooleanSupplier cancelled) {
		this.deadline = System.nanoTime() + millis * 1_000_000L;
		this.cancelled = cancelled == null ? () -> false : cancelled;
	}

	/** @return true when time is up or the caller cancelled */
	public boolean exhausted() {
		return System.nanoTime() - deadline > 0 || cancelled.getAsBoolean();
	}
}

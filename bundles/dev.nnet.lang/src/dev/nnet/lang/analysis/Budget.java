package dev.nnet.lang.analysis;

import java.util.function.BooleanSupplier;

/**
 * A work budget counted in arithmetic operations, with an external cancel request (the editor's
 * {@code CancelIndicator}). An operation is one floating-point multiply-add of the simplex or the least-squares
 * solve, one 64-bit word product of the exact arithmetic ({@link #bigProduct}), or an eighth of a multiply-reduce
 * modulo a prime ({@link #MOD_PRODUCT}); the weights make an operation of each kind cost about the same time
 * (0.2-0.4 ns warm on this machine, docs/performance.md). Counting work instead of time
 * makes the verdict a function of the input alone: the same file gets the same answer on a busy or a quiet machine,
 * in the editor and in {@code ./nnet check}. Only cancellation depends on the caller.
 */
public final class Budget {
	/**
	 * Cost, in operations, of one word product of a {@link java.math.BigInteger} multiplication or division: the
	 * exact elimination's steps, measured against the simplex's multiply-adds (docs/performance.md).
	 */
	static final int WORD_PRODUCT = 32;
	/** Fixed cost, in operations, of one {@link java.math.BigInteger} operation (allocation, sign and length). */
	static final int BIG_OPERATION = 320;
	/** Cost, in operations, of one multiply-and-reduce modulo a 31-bit prime ({@link Modular}). */
	static final int MOD_PRODUCT = 8;

	private final long limit;
	private final BooleanSupplier cancelled;
	private long spent;
	private boolean stopped;

	/**
	 * @param operations operations allowed
	 * @param cancelled  true when the caller no longer wants the answer (may be null)
	 */
	public Budget(long operations, BooleanSupplier cancelled) {
		this.limit = operations;
		this.cancelled = cancelled == null ? () -> false : cancelled;
	}

	/**
	 * Records work about to be done.
	 *
	 * @param operations its cost
	 * @return false when the work would pass the budget or the caller cancelled: the caller stops then
	 */
	public boolean spend(long operations) {
		if (stopped) {
			return false;
		}
		if (operations > limit - spent || cancelled.getAsBoolean()) {
			stopped = true;
			return false;
		}
		spent += operations;
		return true;
	}

	/** @return whether work of that cost still fits (nothing is recorded) */
	public boolean affords(long operations) {
		return !stopped && operations <= limit - spent;
	}

	/** @return true once a {@link #spend} was refused (budget used up or cancelled) */
	public boolean exhausted() {
		return stopped;
	}

	/** @return the operations recorded so far */
	public long spent() {
		return spent;
	}

	/** @return the budget this was created with */
	public long limit() {
		return limit;
	}

	/** @return the cost of multiplying (or dividing) numbers of these bit lengths */
	static long bigProduct(int bitsA, int bitsB) {
		return BIG_OPERATION + WORD_PRODUCT * (long) (bitsA / 64 + 1) * (bitsB / 64 + 1);
	}
}

package dev.nnet.lang.analysis;

import java.math.BigInteger;

/**
 * Exact confirmation of a non-separability certificate proposed by {@link FloatGordan}: some {@code v >= 0}, not
 * all zero, with {@code Σ v_j a_j = 0}. Only the candidate's support (at most one row more than there are variables)
 * is used. Its rows are scaled column by column to integers (each number the decimal it was written as; a positive
 * factor per column keeps every certificate), giving the integer matrix {@code M} with the support's rows as
 * columns. The null vector is the column of cofactors of {@code Q = [M_R; 1 ... 1]}, where {@code R} are k-1 rows
 * of {@code M} independent modulo a prime: {@code det(Q) Q^-1 e_k}, computed by elimination modulo enough 31-bit
 * primes to pass twice Hadamard's bound on those cofactors and recombined by the Chinese remainder theorem. None
 * of that is trusted: the vector is accepted only when it is nonzero, of one sign, and {@code M v = 0} holds in
 * {@link BigInteger} arithmetic.
 */
final class FarkasCertificate {
	private FarkasCertificate() {
	}

	/**
	 * @param a      the rows
	 * @param lambda a floating-point solution of {@code Σ λ_j a_j = 0, Σ λ_j = 1, λ >= 0}
	 * @return true when an exact nonnegative nonzero solution exists on the support of {@code lambda}
	 */
	static boolean confirms(double[][] a, double[] lambda, Budget budget) {
		int[] support = support(lambda);
		int n = a[0].length;
		int k = support.length;
		if (k == 0 || k > n + 1 || !budget.spend(3L * n * k * Budget.BIG_OPERATION)) {
			return false;
		}
		BigInteger[][] e = integerColumns(a, support);
		if (k == 1) {
			return verify(e, new BigInteger[] {BigInteger.ONE}, budget); // a zero row
		}
		double bits = hadamardBits(e);
		Modular first = new Modular(Modular.prime(0));
		if (!budget.spend(Budget.MOD_PRODUCT * ((long) n * k * k + (long) n * k))) {
			return false;
		}
		int[] rows = independentRows(reduce(e, first), first, k - 1);
		if (rows == null) {
			return false;
		}
		BigInteger[] v = MultiModular.cofactors(e, rows, bits, budget);
		if (v == null) {
			return false;
		}
		int sign = 0;
		for (BigInteger x : v) {
			int s = x.signum();
			if (s != 0 && sign != 0 && s != sign) {
				return false; // not of one sign
			}
			sign = s == 0 ? sign : s;
		}
		if (sign == 0) {
			return false;
		}
		for (int j = 0; sign < 0 && j < k; j++) {
			v[j] = v[j].negate();
		}
		return verify(e, v, budget);
	}

	private static int[] support(double[] lambda) {
		double max = 0;
		for (double l : lambda) {
			max = Math.max(max, l);
		}
		int count = 0;
		for (double l : lambda) {
			count += l > 1e-12 * max ? 1 : 0;
		}
		int[] support = new int[count];
		count = 0;
		for (int j = 0; j < lambda.length; j++) {
			if (lambda[j] > 1e-12 * max) {
				support[count++] = j;
			}
		}
		return support;
	}

	/** @return e[c][j] = a[support[j]][c] times the power of ten that makes column c integer on the support */
	private static BigInteger[][] integerColumns(double[][] a, int[] support) {
		int n = a[0].length;
		int k = support.length;
		BigInteger[][] e = new BigInteger[n][k];
		long[] unscaled = new long[k];
		int[] scales = new int[k];
		for (int c = 0; c < n; c++) {
			int scale = Integer.MIN_VALUE;
			for (int j = 0; j < k; j++) {
				scales[j] = decimal(a[support[j]][c], unscaled, j);
				scale = unscaled[j] == 0 ? scale : Math.max(scale, scales[j]);
			}
			for (int j = 0; j < k; j++) {
				int shift = scale - scales[j];
				e[c][j] = unscaled[j] == 0 ? BigInteger.ZERO
						: shift < POWERS.length && Math.abs(unscaled[j]) < Long.MAX_VALUE / POWERS[shift]
								? BigInteger.valueOf(unscaled[j] * POWERS[shift])
								: BigInteger.valueOf(unscaled[j]).multiply(BigInteger.TEN.pow(shift));
			}
		}
		return e;
	}

	private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
			100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};

	/**
	 * The shortest decimal that reads back to v (as {@link ExactCertificates#decimal}), without BigDecimal: it has
	 * at most 17 significant digits, so its unscaled value fits a long.
	 *
	 * @return the scale (v = unscaled[at] / 10^scale), with trailing zeros stripped
	 */
	static int decimal(double v, long[] unscaled, int at) {
		if (v == 0) {
			unscaled[at] = 0;
			return 0;
		}
		String s = Double.toString(Math.abs(v)); // "123.45" or "1.2345E-7"
		int e = s.indexOf('E');
		int exponent = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10);
		int end = e < 0 ? s.length() : e;
		int dot = s.indexOf('.');
		long u = 0;
		for (int i = 0; i < end; i++) {
			char ch = s.charAt(i);
			if (ch != '.') {
				u = 10 * u + (ch - '0');
			}
		}
		int scale = end - dot - 1 - exponent;
		while (u % 10 == 0) {
			u /= 10;
			scale--;
		}
		unscaled[at] = v < 0 ? -u : u;
		return scale;
	}

	/** @return an upper bound on log2 of every cofactor of Q: the sum of log2 of Q's column norms (each >= 1) */
	private static double hadamardBits(BigInteger[][] e) {
		double bits = 0;
		for (int j = 0; j < e[0].length; j++) {
			int top = 0;
			for (BigInteger[] row : e) {
				top = Math.max(top, row[j].bitLength());
			}
			double squares = Math.scalb(1.0, -2 * top); // the row of ones
			for (BigInteger[] row : e) {
				BigInteger v = row[j];
				int shift = Math.max(0, v.bitLength() - 60);
				double x = Math.scalb(shift == 0 ? (double) v.longValue() : v.shiftRight(shift).doubleValue(), shift - top);
				squares += x * x;
			}
			bits += top + 0.5 * Math.log(squares) / Math.log(2) + 1e-9 * (top + 1);
		}
		return bits;
	}

	static long[][] reduce(BigInteger[][] e, Modular m) {
		long[][] r = new long[e.length][e[0].length];
		for (int c = 0; c < e.length; c++) {
			for (int j = 0; j < e[0].length; j++) {
				r[c][j] = m.of(e[c][j]);
			}
		}
		return r;
	}

	/** @return indices of `want` rows of r independent modulo m, or null when r has fewer (or more: no null vector) */
	private static int[] independentRows(long[][] r, Modular m, int want) {
		int k = r[0].length;
		long[][] basis = new long[k][];
		int[] pivot = new int[k];
		int[] chosen = new int[want + 1];
		int count = 0;
		for (int c = 0; c < r.length && count <= want; c++) {
			long[] v = r[c].clone();
			for (int b = 0; b < count; b++) {
				long f = v[pivot[b]];
				if (f != 0) {
					MultiModular.axpy(v, basis[b], m.p - f, 0, m.p, m.barrett);
				}
			}
			int lead = 0;
			while (lead < k && v[lead] == 0) {
				lead++;
			}
			if (lead < k) {
				long inv = m.inverse(v[lead]);
				for (int j = 0; j < k; j++) {
					v[j] = m.mul(v[j], inv);
				}
				basis[count] = v;
				pivot[count] = lead;
				chosen[count++] = c;
			}
		}
		return count == want ? java.util.Arrays.copyOf(chosen, want) : null;
	}

	/** @return true when e v = 0 exactly (v nonnegative and nonzero: the caller's part) */
	private static boolean verify(BigInteger[][] e, BigInteger[] v, Budget budget) {
		for (BigInteger[] row : e) {
			BigInteger s = BigInteger.ZERO;
			long cost = 0;
			for (int j = 0; j < v.length; j++) {
				cost += Budget.bigProduct(row[j].bitLength(), v[j].bitLength()) + Budget.BIG_OPERATION;
			}
			if (!budget.spend(cost)) {
				return false;
			}
			for (int j = 0; j < v.length; j++) {
				if (row[j].signum() != 0 && v[j].signum() != 0) {
					s = s.add(row[j].multiply(v[j]));
				}
			}
			if (s.signum() != 0) {
				return false;
			}
		}
		return true;
	}
}

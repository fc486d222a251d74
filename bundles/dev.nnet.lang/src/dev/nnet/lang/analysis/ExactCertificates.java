package dev.nnet.lang.analysis;

import java.math.BigDecimal;

/**
 * Exact confirmation of a floating-point answer of {@link FloatGordan}. The input numbers are taken as the decimals
 * they were written as (the shortest decimal that reads back to each double), which keeps the integers small. A
 * separator {@code z} is confirmed by checking {@code a_i·z > 0} for every row (in double precision with a rigorous
 * rounding-error bound, in {@link BigDecimal} where that bound is not enough). A Farkas vector is confirmed by
 * {@link FarkasCertificate} (an exact null vector on its support, computed modulo primes, checked in integers).
 */
final class ExactCertificates {
	private static final double UNIT = Math.ulp(1.0);

	private ExactCertificates() {
	}

	/** @return true when {@code a_i·z > 0} holds exactly for every row (false when the budget runs out first) */
	static boolean separates(double[][] a, double[] z, Budget budget) {
		for (double v : z) {
			if (!Double.isFinite(v)) {
				return false;
			}
		}
		if (!budget.spend(2L * a.length * z.length)) {
			return false;
		}
		for (double[] row : a) {
			double sum = 0;
			double magnitude = 0;
			for (int k = 0; k < z.length; k++) {
				double p = row[k] * z[k];
				sum += p;
				magnitude += Math.abs(p);
			}
			// rounding of the sum plus the distance between each double and its decimal (half an ulp)
			double bound = (z.length + 3) * UNIT * magnitude + (z.length + 2) * Double.MIN_NORMAL;
			if (!(sum > bound)
					&& (!budget.spend(4L * z.length * Budget.BIG_OPERATION) || exactDot(row, z).signum() <= 0)) {
				return false;
			}
		}
		return true;
	}

	private static BigDecimal exactDot(double[] row, double[] z) {
		BigDecimal s = BigDecimal.ZERO;
		for (int k = 0; k < z.length; k++) {
			if (row[k] != 0 && z[k] != 0) {
				s = s.add(decimal(row[k]).multiply(new BigDecimal(z[k])));
			}
		}
		return s;
	}

	/**
	 * @param a      the rows
	 * @param lambda a floating-point solution of {@code Σ λ_j a_j = 0, Σ λ_j = 1, λ >= 0}
	 * @return true when an exact nonnegative nonzero solution exists on the support of {@code lambda}
	 */
	static boolean confirmsFarkas(double[][] a, double[] lambda, Budget budget) {
		return FarkasCertificate.confirms(a, lambda, budget);
	}

	/** @return the shortest decimal that reads back to v */
	static BigDecimal decimal(double v) {
		return v == 0 ? BigDecimal.ZERO : new BigDecimal(Double.toString(v)).stripTrailingZeros();
	}
}

package dev.nnet.lang.analysis;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact confirmation of a floating-point answer of {@link FloatGordan}. The input numbers are taken as the decimals
 * they were written as (the shortest decimal that reads back to each double), which keeps the integers small. A separator {@code z} is confirmed by checking {@code a_i·z > 0} for every row (in double
 * precision with a rigorous rounding-error bound, in {@link BigDecimal} where that bound is not enough). A Farkas
 * vector is confirmed by solving {@code Σ λ_j a_j = 0, Σ λ_j = 1} on its support exactly (fraction-free
 * Gauss-Jordan elimination over the integers) and checking {@code λ >= 0} by substitution.
 */
final class ExactCertificates {
	private static final double UNIT = Math.ulp(1.0);

	private ExactCertificates() {
	}

	/** @return true when {@code a_i·z > 0} holds exactly for every row (false when the budget runs out first) */
	static boolean separates(double[][] a, double[] z, Budget budget) {
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
	 * @return true when an exact nonnegative solution exists on the support of {@code lambda}
	 */
	static boolean confirmsFarkas(double[][] a, double[] lambda, Budget budget) {
		double max = 0;
		for (double l : lambda) {
			max = Math.max(max, l);
		}
		List<Integer> support = new ArrayList<>();
		for (int j = 0; j < lambda.length; j++) {
			if (lambda[j] > 1e-12 * max) {
				support.add(j);
			}
		}
		int n = a[0].length;
		int c = support.size();
		if (c == 0 || c > n + 1) {
			return false;
		}
		int rows = n + 1;
		BigInteger[][] e = new BigInteger[rows][c + 1];
		for (int k = 0; k < n; k++) {
			BigDecimal[] values = new BigDecimal[c];
			int scale = 0;
			for (int col = 0; col < c; col++) {
				values[col] = decimal(a[support.get(col)][k]);
				scale = Math.max(scale, values[col].scale());
			}
			for (int col = 0; col < c; col++) {
				e[k][col] = values[col].setScale(scale).unscaledValue();
			}
			e[k][c] = BigInteger.ZERO;
		}
		for (int col = 0; col < c; col++) {
			e[n][col] = BigInteger.ONE;
		}
		e[n][c] = BigInteger.ONE;
		BigInteger[][] m = new BigInteger[rows][];
		for (int r = 0; r < rows; r++) {
			m[r] = e[r].clone();
		}
		int[] pivotColumn = new int[rows];
		int pivots = 0;
		BigInteger prev = BigInteger.ONE;
		if (!budget.spend((long) rows * c * Budget.BIG_OPERATION)) { // the integer matrix
			return false;
		}
		for (int col = 0; col < c && pivots < rows; col++) {
			int r = pivots;
			while (r < rows && m[r][col].signum() == 0) {
				r++;
			}
			if (r == rows) {
				continue; // free variable: left at 0
			}
			BigInteger[] tmp = m[r];
			m[r] = m[pivots];
			m[pivots] = tmp;
			BigInteger[] pr = m[pivots];
			BigInteger p = pr[col];
			for (int i = 0; i < rows; i++) {
				if (i == pivots) {
					continue;
				}
				BigInteger[] row = m[i];
				BigInteger f = row[col];
				if (!budget.spend(eliminationCost(row, pr, f, p, prev, col))) {
					return false;
				}
				for (int j = col; j <= c; j++) { // earlier pivot columns stay unit columns (times the pivot)
					BigInteger v = row[j].multiply(p);
					if (f.signum() != 0 && pr[j].signum() != 0) {
						v = v.subtract(f.multiply(pr[j]));
					}
					row[j] = v.divide(prev); // exact in Bareiss' elimination; the substitution below confirms
				}
			}
			for (int q = 0; q < pivots; q++) {
				m[q][pivotColumn[q]] = p;
			}
			prev = p;
			pivotColumn[pivots++] = col;
		}
		for (int r = pivots; r < rows; r++) {
			if (m[r][c].signum() != 0) {
				return false; // inconsistent on this support
			}
		}
		// lambda_col = num[col] / prev (all pivots equal prev after Gauss-Jordan), free ones 0
		BigInteger d = prev;
		BigInteger[] num = new BigInteger[c];
		java.util.Arrays.fill(num, BigInteger.ZERO);
		for (int r = 0; r < pivots; r++) {
			if (!m[r][pivotColumn[r]].equals(d)) {
				return false;
			}
			num[pivotColumn[r]] = m[r][c];
		}
		for (BigInteger v : num) {
			if (v.signum() * d.signum() < 0) {
				return false;
			}
		}
		for (int k = 0; k < rows; k++) {
			BigInteger s = BigInteger.ZERO;
			for (int col = 0; col < c; col++) {
				if (num[col].signum() != 0 && !budget.spend(Budget.bigProduct(e[k][col].bitLength(),
						num[col].bitLength()))) {
					return false;
				}
				if (num[col].signum() != 0) {
					s = s.add(e[k][col].multiply(num[col]));
				}
			}
			if (!s.equals(e[k][c].multiply(d))) {
				return false;
			}
		}
		return true;
	}

	/** @return the cost of {@code row[j] = (row[j]·p - f·pr[j]) / prev} for the columns from col on */
	private static long eliminationCost(BigInteger[] row, BigInteger[] pr, BigInteger f, BigInteger p,
			BigInteger prev, int col) {
		long cost = 0;
		int pBits = p.bitLength();
		int fBits = f.bitLength();
		int prevBits = prev.bitLength();
		for (int j = col; j < row.length; j++) {
			int bits = row[j].bitLength();
			cost += Budget.bigProduct(bits, pBits) + Budget.bigProduct(fBits, pr[j].bitLength())
					+ Budget.bigProduct(bits + pBits, prevBits);
		}
		return cost;
	}

	/** @return the shortest decimal that reads back to v */
	private static BigDecimal decimal(double v) {
		return v == 0 ? BigDecimal.ZERO : new BigDecimal(Double.toString(v)).stripTrailingZeros();
	}
}

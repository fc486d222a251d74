package dev.nnet.lang.tests.analysis;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An exact, slow and independent answer to Gordan's question for tiny problems: is 0 a convex combination of the
 * rows? By Carathéodory, if it is, it is one of a minimal set S of rows, and on a minimal set the null space of
 * the rows (as columns) is one-dimensional and spanned by a vector with every component of one strict sign. So
 * every subset of at most (variables + 1) rows is tried, with Gaussian elimination over exact fractions.
 * Numbers are the decimals the doubles print as (the rule's documented reading).
 */
final class GordanReference {

	private GordanReference() {
	}

	/** @return true when some nonnegative nonzero combination of the rows is zero (not separable) */
	static boolean zeroInHull(List<double[]> rows) {
		int n = rows.get(0).length;
		int m = rows.size();
		BigInteger[][] a = integers(rows);
		List<Integer> subset = new ArrayList<>();
		return search(a, n, m, 0, subset);
	}

	private static boolean search(BigInteger[][] a, int n, int m, int from, List<Integer> subset) {
		if (!subset.isEmpty() && strictlyPositiveKernel(a, subset, n)) {
			return true;
		}
		if (subset.size() == n + 1) {
			return false;
		}
		for (int i = from; i < m; i++) {
			subset.add(i);
			if (search(a, n, m, i + 1, subset)) {
				return true;
			}
			subset.remove(subset.size() - 1);
		}
		return false;
	}

	/** Rows scaled column by column by a common power of ten to integers. */
	private static BigInteger[][] integers(List<double[]> rows) {
		int n = rows.get(0).length;
		BigInteger[][] a = new BigInteger[rows.size()][n];
		for (int k = 0; k < n; k++) {
			int scale = 0;
			for (double[] row : rows) {
				scale = Math.max(scale, new BigDecimal(Double.toString(row[k])).stripTrailingZeros().scale());
			}
			for (int i = 0; i < rows.size(); i++) {
				a[i][k] = new BigDecimal(Double.toString(rows.get(i)[k])).setScale(scale).unscaledValue();
			}
		}
		return a;
	}

	/** @return whether the columns a_s (s in subset) have a one-dimensional kernel spanned by a positive vector */
	private static boolean strictlyPositiveKernel(BigInteger[][] a, List<Integer> subset, int n) {
		int c = subset.size();
		// reduced row echelon form of the n x c matrix, entries as fractions num/den (den > 0)
		BigInteger[][] num = new BigInteger[n][c];
		BigInteger[][] den = new BigInteger[n][c];
		for (int k = 0; k < n; k++) {
			for (int j = 0; j < c; j++) {
				num[k][j] = a[subset.get(j)][k];
				den[k][j] = BigInteger.ONE;
			}
		}
		int[] pivotOf = new int[c];
		java.util.Arrays.fill(pivotOf, -1);
		int rank = 0;
		for (int col = 0; col < c && rank < n; col++) {
			int p = rank;
			while (p < n && num[p][col].signum() == 0) {
				p++;
			}
			if (p == n) {
				continue;
			}
			swap(num, p, rank);
			swap(den, p, rank);
			BigInteger pn = num[rank][col];
			BigInteger pd = den[rank][col];
			for (int j = 0; j < c; j++) { // divide the pivot row by the pivot
				set(num, den, rank, j, num[rank][j].multiply(pd), den[rank][j].multiply(pn));
			}
			for (int i = 0; i < n; i++) {
				if (i != rank && num[i][col].signum() != 0) {
					BigInteger fn = num[i][col];
					BigInteger fd = den[i][col];
					for (int j = 0; j < c; j++) {
						// x_ij - f * x_rj
						BigInteger sn = num[i][j].multiply(fd).multiply(den[rank][j])
								.subtract(fn.multiply(num[rank][j]).multiply(den[i][j]));
						set(num, den, i, j, sn, den[i][j].multiply(fd).multiply(den[rank][j]));
					}
				}
			}
			pivotOf[col] = rank++;
		}
		if (rank != c - 1) {
			return false;
		}
		int free = 0;
		while (pivotOf[free] >= 0) {
			free++;
		}
		// kernel: x_free = 1, x_pivot = -entry(pivot row, free)
		for (int j = 0; j < c; j++) {
			if (j != free && num[pivotOf[j]][free].signum() >= 0) {
				return false;
			}
		}
		return true;
	}

	private static void set(BigInteger[][] num, BigInteger[][] den, int i, int j, BigInteger n, BigInteger d) {
		if (d.signum() < 0) {
			n = n.negate();
			d = d.negate();
		}
		BigInteger g = n.gcd(d);
		num[i][j] = n.divide(g);
		den[i][j] = d.divide(g);
	}

	private static void swap(Object[] m, int i, int j) {
		Object t = m[i];
		m[i] = m[j];
		m[j] = t;
	}
}

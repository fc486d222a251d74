package dev.nnet.lang.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Decides exactly whether labelled points can be classified without error by a linear model. Each question is a
 * linear feasibility problem ({@code A x >= b}, x free), solved by phase 1 of the simplex method in exact rational
 * arithmetic with Bland's rule (so it terminates and has no rounding error). Problems larger than
 * {@link #MAX_CELLS} tableau cells are not attempted ({@link Result#UNKNOWN}).
 */
public final class LinearSeparability {

	/** The answer. */
	public enum Result {
		SEPARABLE, NOT_SEPARABLE, UNKNOWN
	}

	/** Largest tableau (rows × columns) that is solved. */
	public static final int MAX_CELLS = 60_000;

	private LinearSeparability() {
	}

	/**
	 * Two classes: is there {@code w, b} with {@code w·x + b > 0} exactly for the positive points?
	 *
	 * @param points   feature vectors of equal length
	 * @param positive the class of each point
	 */
	public static Result binary(List<double[]> points, List<Boolean> positive) {
		int d = points.get(0).length;
		Rational[][] a = new Rational[points.size()][d + 1];
		Rational[] b = new Rational[points.size()];
		for (int i = 0; i < points.size(); i++) {
			Rational sign = positive.get(i) ? Rational.ONE : Rational.ONE.negate();
			for (int j = 0; j < d; j++) {
				a[i][j] = sign.multiply(Rational.of(points.get(i)[j]));
			}
			a[i][d] = sign;
			b[i] = Rational.ONE;
		}
		return feasible(a, b);
	}

	/**
	 * One-vs-rest: is every class linearly separable from all the others?
	 *
	 * @return NOT_SEPARABLE as soon as one class is not
	 */
	public static Result oneVsRest(List<double[]> points, List<Double> labels) {
		Result overall = Result.SEPARABLE;
		for (Double c : new TreeSet<>(labels)) {
			List<Boolean> positive = new ArrayList<>();
			for (Double l : labels) {
				positive.add(l.equals(c));
			}
			Result r = binary(points, positive);
			if (r == Result.NOT_SEPARABLE) {
				return r;
			}
			if (r == Result.UNKNOWN) {
				overall = Result.UNKNOWN;
			}
		}
		return overall;
	}

	/**
	 * Several classes decided by the largest of k linear scores (softmax, arg-max): is there {@code W, b} with
	 * {@code (w_y - w_c)·x + (b_y - b_c) > 0} for every point of class y and every other class c?
	 */
	public static Result multiClass(List<double[]> points, List<Double> labels) {
		List<Double> classes = new ArrayList<>(new TreeSet<>(labels));
		int k = classes.size();
		if (k < 2) {
			return Result.SEPARABLE;
		}
		int d = points.get(0).length;
		int vars = k * (d + 1);
		List<Rational[]> rows = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			int y = classes.indexOf(labels.get(i));
			for (int c = 0; c < k; c++) {
				if (c == y) {
					continue;
				}
				Rational[] row = new Rational[vars];
				java.util.Arrays.fill(row, Rational.ZERO);
				for (int j = 0; j <= d; j++) {
					Rational x = j < d ? Rational.of(points.get(i)[j]) : Rational.ONE;
					row[y * (d + 1) + j] = x;
					row[c * (d + 1) + j] = x.negate();
				}
				rows.add(row);
			}
		}
		Rational[] b = new Rational[rows.size()];
		java.util.Arrays.fill(b, Rational.ONE);
		return feasible(rows.toArray(new Rational[0][]), b);
	}

	/**
	 * Phase 1 simplex: is {@code A x >= b} feasible for some free x?
	 *
	 * @return SEPARABLE when feasible, NOT_SEPARABLE when not, UNKNOWN when too large
	 */
	static Result feasible(Rational[][] a, Rational[] b) {
		int m = a.length;
		if (m == 0) {
			return Result.SEPARABLE;
		}
		int n = a[0].length;
		// columns: x+ (n), x- (n), surplus (m), artificial (m), then the right-hand side
		int cols = 2 * n + 2 * m;
		if ((long) m * (cols + 1) > MAX_CELLS) {
			return Result.UNKNOWN;
		}
		Rational[][] t = new Rational[m][cols + 1];
		int[] basis = new int[m];
		for (int i = 0; i < m; i++) {
			boolean flip = b[i].signum() < 0;
			for (int j = 0; j < cols + 1; j++) {
				t[i][j] = Rational.ZERO;
			}
			for (int j = 0; j < n; j++) {
				Rational v = flip ? a[i][j].negate() : a[i][j];
				t[i][j] = v;
				t[i][n + j] = v.negate();
			}
			t[i][2 * n + i] = flip ? Rational.ONE : Rational.ONE.negate();
			t[i][2 * n + m + i] = Rational.ONE;
			t[i][cols] = flip ? b[i].negate() : b[i];
			basis[i] = 2 * n + m + i;
		}
		// reduced costs of "minimise the sum of the artificials"
		Rational[] cost = new Rational[cols + 1];
		for (int j = 0; j < cols + 1; j++) {
			Rational s = Rational.ZERO;
			if (j < 2 * n + m || j == cols) {
				for (int i = 0; i < m; i++) {
					s = s.subtract(t[i][j]);
				}
			}
			cost[j] = s;
		}
		while (true) {
			int enter = -1;
			for (int j = 0; j < cols; j++) {
				if (cost[j].signum() < 0) {
					enter = j;
					break;
				}
			}
			if (enter < 0) {
				break;
			}
			int leave = -1;
			Rational best = null;
			for (int i = 0; i < m; i++) {
				if (t[i][enter].signum() > 0) {
					Rational ratio = t[i][cols].divide(t[i][enter]);
					int c = best == null ? -1 : ratio.compareTo(best);
					if (best == null || c < 0 || (c == 0 && basis[i] < basis[leave])) {
						best = ratio;
						leave = i;
					}
				}
			}
			if (leave < 0) {
				break; // unbounded cannot happen for phase 1 (objective >= 0); be safe
			}
			pivot(t, cost, leave, enter);
			basis[leave] = enter;
		}
		// -cost[rhs] is the remaining sum of the artificials
		return cost[cols].signum() == 0 ? Result.SEPARABLE : Result.NOT_SEPARABLE;
	}

	private static void pivot(Rational[][] t, Rational[] cost, int row, int col) {
		int width = t[row].length;
		Rational p = t[row][col];
		for (int j = 0; j < width; j++) {
			t[row][j] = t[row][j].divide(p);
		}
		for (int i = 0; i < t.length; i++) {
			if (i != row && t[i][col].signum() != 0) {
				Rational f = t[i][col];
				for (int j = 0; j < width; j++) {
					if (t[row][j].signum() != 0) {
						t[i][j] = t[i][j].subtract(f.multiply(t[row][j]));
					}
				}
			}
		}
		Rational f = cost[col];
		if (f.signum() != 0) {
			for (int j = 0; j < width; j++) {
				if (t[row][j].signum() != 0) {
					cost[j] = cost[j].subtract(f.multiply(t[row][j]));
				}
			}
		}
	}
}

package dev.nnet.lang.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Decides whether labelled points can be classified without error by a linear model, within a fixed work budget.
 * Each question is Gordan's alternative for constraint rows {@code a_i} ("is there z with every {@code a_i·z > 0}?"):
 * a floating-point simplex ({@link FloatGordan}) proposes an answer and {@link ExactCertificates} confirms it exactly
 * (a separator checked point by point, or a convex combination of the rows equal to zero). An answer that is not
 * confirmed, or not found within the budget or before the caller cancels, is {@link Result#UNKNOWN}: callers report
 * nothing then.
 */
public final class LinearSeparability {

	/** The answer. */
	public enum Result {
		SEPARABLE, NOT_SEPARABLE, UNKNOWN
	}

	/**
	 * Operations ({@link Budget}) allowed for one rule when the caller gives no budget: about 100 ms on one core
	 * of a quiet machine, cold JIT included (docs/performance.md).
	 */
	public static final long DEFAULT_BUDGET_OPERATIONS = 100_000_000;

	/** Largest problem attempted (constraint rows × variables); larger ones are {@link Result#UNKNOWN}. */
	public static final long MAX_CELLS = 2_000_000;

	private LinearSeparability() {
	}

	/** {@link #binary(List, List, Budget)} with the default budget. */
	public static Result binary(List<double[]> points, List<Boolean> positive) {
		return binary(points, positive, new Budget(DEFAULT_BUDGET_OPERATIONS, null));
	}

	/**
	 * Two classes: is there {@code w, b} with {@code w·x + b > 0} exactly for the positive points?
	 *
	 * @param points   feature vectors of equal length
	 * @param positive the class of each point
	 * @param budget   work and cancellation
	 */
	public static Result binary(List<double[]> points, List<Boolean> positive, Budget budget) {
		int d = points.get(0).length;
		double[][] a = new double[points.size()][d + 1];
		for (int i = 0; i < points.size(); i++) {
			double sign = positive.get(i) ? 1 : -1;
			for (int j = 0; j < d; j++) {
				a[i][j] = sign * points.get(i)[j];
			}
			a[i][d] = sign;
		}
		return decide(a, budget);
	}

	/** {@link #oneVsRest(List, List, Budget)} with the default budget. */
	public static Result oneVsRest(List<double[]> points, List<Double> labels) {
		return oneVsRest(points, labels, new Budget(DEFAULT_BUDGET_OPERATIONS, null));
	}

	/**
	 * One-vs-rest: is every class linearly separable from all the others?
	 *
	 * @return NOT_SEPARABLE as soon as one class is not
	 */
	public static Result oneVsRest(List<double[]> points, List<Double> labels, Budget budget) {
		Result overall = Result.SEPARABLE;
		for (Double c : new TreeSet<>(labels)) {
			List<Boolean> positive = new ArrayList<>();
			for (Double l : labels) {
				positive.add(l.equals(c));
			}
			Result r = binary(points, positive, budget);
			if (r == Result.NOT_SEPARABLE) {
				return r;
			}
			if (r == Result.UNKNOWN) {
				overall = Result.UNKNOWN;
			}
		}
		return overall;
	}

	/** {@link #multiClass(List, List, Budget)} with the default budget. */
	public static Result multiClass(List<double[]> points, List<Double> labels) {
		return multiClass(points, labels, new Budget(DEFAULT_BUDGET_OPERATIONS, null));
	}

	/**
	 * Several classes decided by the largest of k linear scores (softmax, arg-max): is there {@code W, b} with
	 * {@code (w_y - w_c)·x + (b_y - b_c) > 0} for every point of class y and every other class c?
	 */
	public static Result multiClass(List<double[]> points, List<Double> labels, Budget budget) {
		List<Double> classes = new ArrayList<>(new TreeSet<>(labels));
		int k = classes.size();
		if (k < 2) {
			return Result.SEPARABLE;
		}
		int d = points.get(0).length;
		int vars = k * (d + 1);
		if ((long) points.size() * (k - 1) * vars > MAX_CELLS) {
			return Result.UNKNOWN;
		}
		List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			int y = classes.indexOf(labels.get(i));
			for (int c = 0; c < k; c++) {
				if (c == y) {
					continue;
				}
				double[] row = new double[vars];
				for (int j = 0; j <= d; j++) {
					double x = j < d ? points.get(i)[j] : 1;
					row[y * (d + 1) + j] = x;
					row[c * (d + 1) + j] = -x;
				}
				rows.add(row);
			}
		}
		return decide(rows.toArray(new double[0][]), budget);
	}

	/**
	 * @param a      constraint rows of equal length
	 * @param budget work and cancellation
	 * @return SEPARABLE when some z has {@code a_i·z > 0} for every row (confirmed exactly), NOT_SEPARABLE when
	 *         none has (confirmed exactly), UNKNOWN otherwise
	 */
	static Result decide(double[][] a, Budget budget) {
		if (a.length == 0) {
			return Result.SEPARABLE;
		}
		if ((long) a.length * a[0].length > MAX_CELLS) {
			return Result.UNKNOWN;
		}
		for (double[] row : a) {
			for (double v : row) {
				if (!Double.isFinite(v)) {
					return Result.UNKNOWN;
				}
			}
			if (Arrays.stream(row).allMatch(v -> v == 0)) {
				return Result.NOT_SEPARABLE; // λ = that row alone: a_i·z = 0 for every z
			}
		}
		double[] guess = FloatGordan.leastSquares(a, budget);
		if (guess != null && FloatGordan.looksSeparating(a, guess)
				&& ExactCertificates.separates(a, guess, budget)) {
			return Result.SEPARABLE;
		}
		for (double perturbation : new double[] {FloatGordan.PERTURBATION, 0}) {
			FloatGordan.Candidate candidate = FloatGordan.solve(a, budget, perturbation);
			if (candidate.lambda() != null && ExactCertificates.confirmsFarkas(a, candidate.lambda(), budget)) {
				return Result.NOT_SEPARABLE;
			}
			if (candidate.z() != null && ExactCertificates.separates(a, candidate.z(), budget)) {
				return Result.SEPARABLE;
			}
			if (budget.exhausted()) {
				break;
			}
		}
		return Result.UNKNOWN;
	}
}

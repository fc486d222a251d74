package dev.nnet.lang.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.nnet.lang.analysis.Budget;
import dev.nnet.lang.analysis.LinearSeparability;
import dev.nnet.lang.analysis.LinearSeparability.Result;

/**
 * The rule's verdicts against {@link GordanReference} (exact enumeration of minimal certificates) on seeded random
 * tiny problems, drawn from a coarse grid so that duplicates, collinear points and points on the boundary are
 * common, and on degenerate cases written out.
 */
public class SeparabilityReferenceTest {
	private static final long GENEROUS = 10_000_000_000L;

	private static Result reference(List<double[]> rows) {
		return GordanReference.zeroInHull(rows) ? Result.NOT_SEPARABLE : Result.SEPARABLE;
	}

	/** Gordan rows of the binary question, built here independently of LinearSeparability. */
	private static List<double[]> binaryRows(List<double[]> points, List<Boolean> positive) {
		List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			double[] x = points.get(i);
			double[] row = new double[x.length + 1];
			double s = positive.get(i) ? 1 : -1;
			for (int j = 0; j < x.length; j++) {
				row[j] = x[j] == 0 ? 0 : s * x[j];
			}
			row[x.length] = s;
			rows.add(row);
		}
		return rows;
	}

	/** Rows of the arg-max question: (e_y - e_c) ⊗ (x, 1) for every point and every other class. */
	private static List<double[]> multiClassRows(List<double[]> points, List<Double> labels) {
		List<Double> classes = new ArrayList<>(new TreeSet<>(labels));
		int d = points.get(0).length;
		List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			int y = classes.indexOf(labels.get(i));
			for (int c = 0; c < classes.size(); c++) {
				if (c != y) {
					double[] row = new double[classes.size() * (d + 1)];
					for (int j = 0; j <= d; j++) {
						double x = j < d ? points.get(i)[j] : 1;
						row[y * (d + 1) + j] = x;
						row[c * (d + 1) + j] = x == 0 ? 0 : -x;
					}
					rows.add(row);
				}
			}
		}
		return rows;
	}

	/** Points whose coordinates are the decimals -2 step, ..., 2 step, exactly as written. */
	private static List<double[]> gridPoints(Random r, int n, int d, String step) {
		List<double[]> points = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double[] x = new double[d];
			for (int j = 0; j < d; j++) {
				x[j] = new BigDecimal(r.nextInt(5) - 2).multiply(new BigDecimal(step)).doubleValue();
			}
			points.add(x);
		}
		return points;
	}

	@Test
	public void binaryVerdictsMatchTheExactReference() {
		Random r = new Random(20261202);
		int[] count = new int[3];
		for (int trial = 0; trial < 600; trial++) {
			int d = 1 + r.nextInt(3);
			int n = 1 + r.nextInt(8);
			String step = new String[] {"1", "0.1", "0.25", "0.001", "7"}[r.nextInt(5)];
			List<double[]> points = gridPoints(r, n, d, step);
			List<Boolean> positive = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				positive.add(r.nextBoolean());
			}
			Result expected = reference(binaryRows(points, positive));
			Result got = LinearSeparability.binary(points, positive, new Budget(GENEROUS, null));
			assertEquals(expected, got, "trial " + trial + ": " + describe(points, positive));
			count[expected.ordinal()]++;
		}
		// both verdicts are exercised, not just one
		assertTrue(count[Result.SEPARABLE.ordinal()] > 100 && count[Result.NOT_SEPARABLE.ordinal()] > 100,
				count[0] + " separable, " + count[1] + " not");
	}

	@Test
	public void multiClassAndOneVsRestVerdictsMatchTheExactReference() {
		Random r = new Random(7);
		int[] count = new int[3];
		for (int trial = 0; trial < 150; trial++) {
			int d = 1 + r.nextInt(2);
			int n = 2 + r.nextInt(4);
			List<double[]> points = gridPoints(r, n, d, "0.5");
			List<Double> labels = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				labels.add((double) r.nextInt(3));
			}
			Result expected = new TreeSet<>(labels).size() < 2 ? Result.SEPARABLE
					: reference(multiClassRows(points, labels));
			assertEquals(expected, LinearSeparability.multiClass(points, labels, new Budget(GENEROUS, null)),
					"multi-class trial " + trial + ": " + points.stream().map(java.util.Arrays::toString).toList()
							+ " " + labels);
			count[expected.ordinal()]++;
			Result oneVsRest = Result.SEPARABLE;
			for (Double c : new TreeSet<>(labels)) {
				List<Boolean> positive = labels.stream().map(c::equals).toList();
				if (reference(binaryRows(points, positive)) == Result.NOT_SEPARABLE) {
					oneVsRest = Result.NOT_SEPARABLE;
				}
			}
			assertEquals(oneVsRest, LinearSeparability.oneVsRest(points, labels, new Budget(GENEROUS, null)),
					"one-vs-rest trial " + trial);
		}
		assertTrue(count[Result.SEPARABLE.ordinal()] > 20 && count[Result.NOT_SEPARABLE.ordinal()] > 20,
				count[0] + " separable, " + count[1] + " not");
	}

	private static String describe(List<double[]> points, List<Boolean> positive) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < points.size(); i++) {
			s.append(java.util.Arrays.toString(points.get(i))).append(positive.get(i) ? "+ " : "- ");
		}
		return s.toString();
	}

	private static Result binary(List<Boolean> positive, double[]... points) {
		return LinearSeparability.binary(List.of(points), positive, new Budget(GENEROUS, null));
	}

	@Test
	public void degenerateCases() {
		// the same point with both labels
		assertEquals(Result.NOT_SEPARABLE, binary(List.of(true, false), new double[] {0.3, 0.7}, new double[] {0.3, 0.7}));
		// collinear, alternating and not
		assertEquals(Result.NOT_SEPARABLE, binary(List.of(true, false, true), new double[] {0, 0},
				new double[] {1, 1}, new double[] {2, 2}));
		assertEquals(Result.SEPARABLE, binary(List.of(true, true, false), new double[] {0, 0}, new double[] {1, 1},
				new double[] {2, 2}));
		// one class only, a single sample
		assertEquals(Result.SEPARABLE, binary(List.of(false, false, false), new double[] {0, 1}, new double[] {1, 0},
				new double[] {0.5, 0.5}));
		assertEquals(Result.SEPARABLE, binary(List.of(true), new double[] {0.1, 0.2, 0.3}));
		// no feature varies: one point repeated with both labels; all features zero with one label
		assertEquals(Result.NOT_SEPARABLE, binary(List.of(true, false, true), new double[] {2, 2}, new double[] {2, 2},
				new double[] {2, 2}));
		assertEquals(Result.SEPARABLE, binary(List.of(true, true), new double[] {0, 0}, new double[] {0, 0}));
		// one constant feature beside a separating one
		assertEquals(Result.SEPARABLE, binary(List.of(true, false, false), new double[] {5, 1}, new double[] {5, 0},
				new double[] {5, -1}));
	}

	@Test
	public void hugeAndTinyDecimals() {
		for (double scale : new double[] {1e300, 1e-300, 123456789.123456789}) {
			double[][] square = {{0, 0}, {0, scale}, {scale, 0}, {scale, scale}};
			assertEquals(Result.NOT_SEPARABLE, binary(List.of(false, true, true, false), square), "xor at " + scale);
			assertEquals(Result.SEPARABLE, binary(List.of(false, false, false, true), square), "and at " + scale);
		}
		// subnormal features: a separator needs a bias 1e310 times its weights, beyond a double: not decided, never
		// the wrong verdict
		double[][] subnormal = {{0, 0}, {0, 1e-310}, {1e-310, 0}, {1e-310, 1e-310}};
		assertEquals(Result.NOT_SEPARABLE, binary(List.of(false, true, true, false), subnormal));
		assertTrue(binary(List.of(false, false, false, true), subnormal) != Result.NOT_SEPARABLE);
		// one feature tiny, the other huge, in the same problem
		double[][] mixed = {{0, 0}, {0, 1e300}, {1e-300, 0}, {1e-300, 1e300}};
		assertEquals(Result.NOT_SEPARABLE, binary(List.of(false, true, true, false), mixed));
		assertEquals(Result.SEPARABLE, binary(List.of(false, false, false, true), mixed));
		// a point a tiny distance off the segment between two others
		assertEquals(Result.NOT_SEPARABLE, binary(List.of(true, false, false), new double[] {0.5, 0.5},
				new double[] {0, 0}, new double[] {1, 1}));
		assertEquals(Result.SEPARABLE, binary(List.of(true, false, false), new double[] {0.5, 0.5000001},
				new double[] {0, 0}, new double[] {1, 1}));
		// a margin below the floating-point LP's resolution: not decided, never the wrong verdict
		assertTrue(binary(List.of(true, false, false), new double[] {0.5, 0.5000000000001}, new double[] {0, 0},
				new double[] {1, 1}) != Result.NOT_SEPARABLE);
	}
}

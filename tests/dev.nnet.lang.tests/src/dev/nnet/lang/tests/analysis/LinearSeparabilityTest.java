package dev.nnet.lang.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.nnet.lang.analysis.Budget;
import dev.nnet.lang.analysis.LinearSeparability;
import dev.nnet.lang.analysis.LinearSeparability.Result;

/** The separability rule: exact verdicts on small cases, a bounded answer on large ones, cancellation honoured. */
public class LinearSeparabilityTest {

	private static final List<double[]> SQUARE = List.of(new double[] {0, 0}, new double[] {0, 1},
			new double[] {1, 0}, new double[] {1, 1});

	@Test
	public void xorIsNotSeparableAndAndIs() {
		assertEquals(Result.NOT_SEPARABLE, LinearSeparability.binary(SQUARE, List.of(false, true, true, false)));
		assertEquals(Result.SEPARABLE, LinearSeparability.binary(SQUARE, List.of(false, false, false, true)));
	}

	@Test
	public void pointsOnTheBoundaryAreDecidedExactly() {
		// positive (0.1, 0.2) lies exactly on the segment between the negatives: written decimals, not doubles
		List<double[]> p = List.of(new double[] {0.1, 0.2}, new double[] {0.0, 0.0}, new double[] {0.2, 0.4});
		assertEquals(Result.NOT_SEPARABLE, LinearSeparability.binary(p, List.of(true, false, false)));
		List<double[]> q = List.of(new double[] {0.1, 0.2000001}, new double[] {0.0, 0.0}, new double[] {0.2, 0.4});
		assertEquals(Result.SEPARABLE, LinearSeparability.binary(q, List.of(true, false, false)));
	}

	@Test
	public void multiClassOnALine() {
		List<double[]> line = List.of(new double[] {0}, new double[] {1}, new double[] {2}, new double[] {5});
		assertEquals(Result.NOT_SEPARABLE, LinearSeparability.multiClass(line, List.of(1.0, 0.0, 1.0, 2.0)));
		assertEquals(Result.SEPARABLE, LinearSeparability.multiClass(line, List.of(0.0, 0.0, 1.0, 2.0)));
	}

	private static List<double[]> points(Random r, int n, int d) {
		List<double[]> points = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double[] x = new double[d];
			for (int j = 0; j < d; j++) {
				x[j] = Math.round(r.nextDouble() * 1e6) / 1e6;
			}
			points.add(x);
		}
		return points;
	}

	@Test
	public void plantedSeparatorsAreFoundAndRandomLabelsRefuted() {
		Random r = new Random(3);
		for (int[] size : new int[][] {{40, 10}, {160, 10}, {90, 200}}) {
			List<double[]> points = points(r, size[0], size[1]);
			double[] w = new double[size[1]];
			for (int j = 0; j < w.length; j++) {
				w[j] = r.nextGaussian();
			}
			List<Boolean> planted = new ArrayList<>();
			List<Boolean> random = new ArrayList<>();
			for (double[] x : points) {
				double s = 0;
				for (int j = 0; j < w.length; j++) {
					s += w[j] * (x[j] - 0.5);
				}
				planted.add(s > 0);
				random.add(r.nextBoolean());
			}
			Budget generous = new Budget(20_000, null);
			assertEquals(Result.SEPARABLE, LinearSeparability.binary(points, planted, generous), size[0] + "x" + size[1]);
			Result expected = size[0] > 2 * (size[1] + 1) ? Result.NOT_SEPARABLE : Result.SEPARABLE;
			assertEquals(expected, LinearSeparability.binary(points, random, generous), size[0] + "x" + size[1]);
		}
	}

	@Test
	public void largeProblemsAnswerWithinTheBudget() {
		Random r = new Random(11);
		List<double[]> points = points(r, 500, 50);
		List<Boolean> labels = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			labels.add(r.nextBoolean());
		}
		LinearSeparability.binary(points, labels); // warm up
		long start = System.nanoTime();
		Result result = LinearSeparability.binary(points, labels);
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertNotEquals(Result.SEPARABLE, result, "500 random points in 50 dimensions are not separable");
		assertTrue(millis < 1000, "took " + millis + " ms (budget " + LinearSeparability.DEFAULT_BUDGET_MILLIS + ")");
	}

	@Test
	public void cancellationIsHonoured() {
		assertEquals(Result.UNKNOWN,
				LinearSeparability.binary(SQUARE, List.of(false, true, true, false), new Budget(10_000, () -> true)));
	}
}

package dev.nnet.lang.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

	private static final long GENEROUS = 20_000_000_000L;

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
			Budget generous = new Budget(GENEROUS, null);
			assertEquals(Result.SEPARABLE, LinearSeparability.binary(points, planted, generous), size[0] + "x" + size[1]);
			Result expected = size[0] > 2 * (size[1] + 1) ? Result.NOT_SEPARABLE : Result.SEPARABLE;
			assertEquals(expected, LinearSeparability.binary(points, random, generous), size[0] + "x" + size[1]);
		}
	}

	private static final List<double[]> RANDOM_500X50 = points(new Random(11), 500, 50);

	private static List<Boolean> randomLabels(int n) {
		Random r = new Random(12);
		List<Boolean> labels = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			labels.add(r.nextBoolean());
		}
		return labels;
	}

	@Test
	public void largeProblemsAreDecidedWithinTheDefaultBudget() {
		// 500 x 50 with random labels: the worst case of bench/separability (a 52-point Farkas certificate)
		Budget budget = new Budget(LinearSeparability.DEFAULT_BUDGET_OPERATIONS, null);
		assertEquals(Result.NOT_SEPARABLE, LinearSeparability.binary(RANDOM_500X50, randomLabels(500), budget));
		assertTrue(!budget.exhausted());
		assertTrue(budget.spent() <= budget.limit());
	}

	@Test
	public void theVerdictDependsOnTheInputAloneNotOnTime() throws InterruptedException {
		List<Boolean> labels = randomLabels(500);
		Budget first = new Budget(LinearSeparability.DEFAULT_BUDGET_OPERATIONS, null);
		Result r1 = LinearSeparability.binary(RANDOM_500X50, labels, first);
		// a busy thread beside the second run: an operation count does not notice
		Thread busy = new Thread(() -> {
			long end = System.nanoTime() + 300_000_000L;
			double x = 0;
			while (System.nanoTime() < end) {
				x += Math.sqrt(x + 1);
			}
		});
		busy.start();
		Budget second = new Budget(LinearSeparability.DEFAULT_BUDGET_OPERATIONS, null);
		Result r2 = LinearSeparability.binary(RANDOM_500X50, labels, second);
		busy.join();
		assertEquals(r1, r2);
		assertEquals(first.spent(), second.spent());
	}

	@Test
	public void oneOperationShortOfWhatItNeedsIsNotDecided() {
		Budget enough = new Budget(GENEROUS, null);
		assertEquals(Result.NOT_SEPARABLE, LinearSeparability.binary(RANDOM_500X50, randomLabels(500), enough));
		Budget exact = new Budget(enough.spent(), null);
		assertEquals(Result.NOT_SEPARABLE, LinearSeparability.binary(RANDOM_500X50, randomLabels(500), exact));
		Budget short1 = new Budget(enough.spent() - 1, null);
		assertEquals(Result.UNKNOWN, LinearSeparability.binary(RANDOM_500X50, randomLabels(500), short1));
		assertTrue(short1.exhausted());
		assertTrue(short1.spent() < enough.spent());
	}

	@Test
	public void aTinyBudgetIsNotDecidedInsteadOfGuessed() {
		// XOR needs the simplex and the exact certificate: 100 operations are not enough for either
		Budget budget = new Budget(100, null);
		assertEquals(Result.UNKNOWN, LinearSeparability.binary(SQUARE, List.of(false, true, true, false), budget));
		assertTrue(budget.exhausted());
		assertTrue(budget.spent() <= 100);
		// and the same question with enough operations is answered
		assertEquals(Result.NOT_SEPARABLE,
				LinearSeparability.binary(SQUARE, List.of(false, true, true, false), new Budget(1_000_000, null)));
	}

	@Test
	public void cancellationIsHonoured() {
		assertEquals(Result.UNKNOWN,
				LinearSeparability.binary(SQUARE, List.of(false, true, true, false), new Budget(GENEROUS, () -> true)));
	}

	@Test
	public void cancellationDuringALongRunStopsIt() {
		int[] polls = {0};
		Budget budget = new Budget(GENEROUS, () -> ++polls[0] > 50);
		assertEquals(Result.UNKNOWN, LinearSeparability.binary(RANDOM_500X50, randomLabels(500), budget));
		assertTrue(budget.exhausted());
		assertEquals(51, polls[0], "no work after the cancel request was seen");
	}
}

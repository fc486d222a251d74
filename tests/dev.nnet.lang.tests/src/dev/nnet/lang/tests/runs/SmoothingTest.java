package dev.nnet.lang.tests.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.nnet.lang.runs.Smoothing;

/** TensorBoard's debiased exponential moving average. */
public class SmoothingTest {

	@Test
	public void weightZeroIsTheCurveAndTheStartIsNotPulledToZero() {
		double[] y = { 4, 2, Double.NaN, 6 };
		assertArrayEquals(y, Smoothing.exponential(y, 0));
		double[] s = Smoothing.exponential(y, 0.5);
		assertEquals(4, s[0], 1e-12, "debiased: the first value is itself");
		assertEquals((0.5 * 0.5 * 4 + 0.5 * 2) / 0.75, s[1], 1e-12);
		assertTrue(Double.isNaN(s[2]), "gaps stay gaps");
		double last = 0.5 * (0.5 * 0.5 * 4 + 0.5 * 2) + 0.5 * 6;
		assertEquals(last / (1 - 0.125), s[3], 1e-12);
	}

	@Test
	public void logSmoothingAveragesExponents() {
		double[] s = Smoothing.exponentialLog(new double[] { 1e-2, 1e-4 }, 0.5);
		assertEquals(1e-2, s[0], 1e-15);
		assertEquals(Math.pow(10, (0.25 * -2 + 0.5 * -4) / 0.75), s[1], 1e-12);
	}
}

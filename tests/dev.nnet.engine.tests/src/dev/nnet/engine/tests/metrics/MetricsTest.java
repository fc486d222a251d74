package dev.nnet.engine.tests.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnet.engine.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** Accuracy, confusion matrix, MSE. */
class MetricsTest {
    @Test
    void accuracyAndConfusionMatrix() {
        int[] predicted = {0, 1, 2, 2, 1};
        int[] actual = {0, 1, 1, 2, 0};
        assertEquals(0.6, Metrics.accuracy(predicted, actual), 1e-15);
        int[][] cm = Metrics.confusionMatrix(predicted, actual, 3);
        assertArrayEquals(new int[] {1, 1, 0}, cm[0]);
        assertArrayEquals(new int[] {0, 1, 1}, cm[1]);
        assertArrayEquals(new int[] {0, 0, 1}, cm[2]);
        assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(new int[] {1}, new int[] {1, 2}));
    }

    @Test
    void meanSquaredError() {
        assertEquals((1 + 4) / 2.0, Metrics.meanSquaredError(new double[] {1, 2}, new double[] {0, 4}), 1e-15);
    }
}

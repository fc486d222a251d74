package dev.nnet.engine.tests.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.perceptron.Perceptron;
import dev.nnet.engine.train.TrainingStatus;
import org.junit.jupiter.api.Test;

/** Rosenblatt's perceptron on the Boolean functions. */
class PerceptronTest {
    private static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private static void assertLearns(int[] labels) {
        Perceptron p = new Perceptron(2);
        assertArrayEquals(new double[] {0, 0}, p.weights());
        assertEquals(0, p.bias());
        Perceptron.Result r = p.train(INPUTS, labels, Perceptron.DEFAULT_LEARNING_RATE, 100);
        assertEquals(TrainingStatus.CONVERGED, r.status(), r.message());
        assertEquals(0, r.errors());
        for (int i = 0; i < INPUTS.length; i++) {
            assertEquals(labels[i], p.predict(INPUTS[i]), "sample " + i);
        }
    }

    @Test
    void learnsAnd() {
        assertLearns(new int[] {-1, -1, -1, 1});
    }

    @Test
    void learnsOr() {
        assertLearns(new int[] {-1, 1, 1, 1});
    }

    @Test
    void firstUpdateFollowsTheRule() {
        Perceptron p = new Perceptron(2);
        // one epoch on a single sample x=(1,0), y=-1: zero weights misclassify it, so w = -x, b = -1
        p.train(new double[][] {{1, 0}}, new int[] {-1}, 1.0, 1);
        assertArrayEquals(new double[] {-1, 0}, p.weights());
        assertEquals(-1, p.bias());
        Perceptron q = new Perceptron(2);
        q.train(new double[][] {{2, 3}}, new int[] {1}, 0.5, 1);
        assertArrayEquals(new double[] {1, 1.5}, q.weights());
        assertEquals(0.5, q.bias());
    }

    @Test
    void xorIsReportedNotConverged() {
        Perceptron p = new Perceptron(2);
        Perceptron.Result r = p.train(INPUTS, new int[] {-1, 1, 1, -1}, 1.0, 50);
        assertEquals(TrainingStatus.NOT_CONVERGED, r.status());
        assertEquals(50, r.epochs());
        assertTrue(r.errors() > 0, r.message());
        assertTrue(r.message().contains("not be linearly separable"), r.message());
    }

    @Test
    void rejectsLabelsOtherThanPlusMinusOne() {
        assertThrows(IllegalArgumentException.class, () -> new Perceptron(2).train(INPUTS, new int[] {0, 1, 1, 1}, 1, 5));
    }
}

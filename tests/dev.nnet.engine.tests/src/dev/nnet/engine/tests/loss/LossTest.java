package dev.nnet.engine.tests.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import org.junit.jupiter.api.Test;

/** Loss values against hand computation (PyTorch's mean reduction) and numerical stability. */
class LossTest {
    private static Matrix m(int rows, double... v) {
        Matrix x = Matrix.zeros(Precision.FLOAT64, rows, v.length / rows);
        for (int i = 0; i < v.length; i++) {
            x.set(i, v[i]);
        }
        return x;
    }

    @Test
    void crossEntropyIsMeanOverRowsAndStable() {
        Matrix z = m(2, 1, 2, 3, 0, 0, 0);
        Matrix t = m(2, 0, 0, 1, 1, 0, 0);
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double expected = ((lse - 3) + Math.log(3)) / 2;
        assertEquals(expected, Losses.softmaxCrossEntropy().value(z, z, t), 1e-12);
        Matrix big = m(1, 1000, -1000);
        assertEquals(0, Losses.softmaxCrossEntropy().value(big, big, m(1, 1, 0)), 1e-12);
        assertEquals(2000, Losses.softmaxCrossEntropy().value(big, big, m(1, 0, 1)), 1e-9);
    }

    @Test
    void binaryCrossEntropyOnLogits() {
        Matrix z = m(2, 0.5, -1);
        Matrix t = m(2, 1, 0);
        double s1 = 1 / (1 + Math.exp(-0.5));
        double s2 = 1 / (1 + Math.exp(1));
        double expected = (-Math.log(s1) - Math.log(1 - s2)) / 2;
        assertEquals(expected, Losses.binaryCrossEntropy().value(z, z, t), 1e-12);
        Matrix huge = m(1, -800);
        assertEquals(800, Losses.binaryCrossEntropy().value(huge, huge, m(1, 1)), 1e-9);
    }

    @Test
    void mseHingePerceptronAreMeansOverAllElements() {
        Matrix y = m(2, 1, 2, 3, 4);
        Matrix t = m(2, 0, 2, 1, 1);
        assertEquals((1 + 0 + 4 + 9) / 4.0, Losses.meanSquaredError().value(y, y, t), 1e-15);
        Matrix s = m(3, 0.5, -2, 2);
        Matrix st = m(3, 1, 1, -1);
        assertEquals((0.5 + 3 + 3) / 3, Losses.hinge().value(s, s, st), 1e-15);
        assertEquals((0 + 2 + 2) / 3.0, Losses.perceptron().value(s, s, st), 1e-15);
    }

    @Test
    void compatibilityRules() {
        Loss ce = Losses.softmaxCrossEntropy();
        ce.checkCompatible(Activations.softmax(), 3);
        ce.checkCompatible(Activations.identity(), 3);
        assertThrows(IllegalArgumentException.class, () -> ce.checkCompatible(Activations.sigmoid(), 3));
        assertThrows(IllegalArgumentException.class, () -> ce.checkCompatible(Activations.softmax(), 1));
        assertThrows(IllegalArgumentException.class, () -> Losses.binaryCrossEntropy().checkCompatible(Activations.tanh(), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.meanSquaredError().checkCompatible(Activations.sign(), 1));
        assertTrue(e.getMessage().contains("sign"));
        assertEquals("hinge", Losses.byName("hinge").name());
        assertThrows(IllegalArgumentException.class, () -> Losses.byName("nll"));
    }
}

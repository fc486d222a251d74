package dev.nnet.engine.tests.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values and derivatives of the activations at known points. */
class ActivationTest {
    private static void check(Activation a, double z, double value, double derivative) {
        assertEquals(value, a.value(z), 1e-12, a + " value at " + z);
        assertEquals(derivative, a.derivative(z, a.value(z)), 1e-12, a + " derivative at " + z);
    }

    @Test
    void elementwiseValuesAndDerivatives() {
        check(Activations.identity(), -3, -3, 1);
        check(Activations.sigmoid(), 0, 0.5, 0.25);
        check(Activations.sigmoid(), -800, 0, 0);
        check(Activations.tanh(), 0.5, Math.tanh(0.5), 1 - Math.tanh(0.5) * Math.tanh(0.5));
        check(Activations.relu(), 2, 2, 1);
        check(Activations.relu(), -2, 0, 0);
        check(Activations.relu(), 0, 0, 0);
        check(Activations.leakyRelu(), -2, -0.02, 0.01);
        check(Activations.leakyRelu(0.2), 3, 3, 1);
        check(Activations.abs(), -2, 2, -1);
        check(Activations.elu(), -1, Math.exp(-1) - 1, Math.exp(-1));
        check(Activations.elu(2), 1, 1, 1);
        check(Activations.softplus(), 0, Math.log(2), 0.5);
        check(Activations.softplus(), 1000, 1000, 1);
        assertEquals(-1, Activations.sign().value(-0.3));
        assertEquals(1, Activations.sign().value(4));
    }

    @Test
    void softmaxRowsSumToOneAndAreStable() {
        Matrix z = Matrix.zeros(Precision.FLOAT64, 2, 3);
        double[] v = {1, 2, 3, 1000, 1000, 1000};
        for (int i = 0; i < 6; i++) {
            z.set(i, v[i]);
        }
        Matrix y = Matrix.zeros(Precision.FLOAT64, 2, 3);
        Activations.softmax().forward(z, y);
        double e = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(3) / e, y.get(0, 2), 1e-15);
        assertEquals(1.0 / 3, y.get(1, 0), 1e-15);
    }

    @Test
    void signRefusesBackprop() {
        Matrix m = Matrix.zeros(Precision.FLOAT32, 1, 1);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Activations.sign().backward(m, m, m, m));
        assertTrue(e.getMessage().contains("'sign' has no gradient"), e.getMessage());
    }

    @Test
    void lookupByName() {
        assertEquals(-0.3, Activations.byName("leaky_relu", Map.of("alpha", 0.3)).value(-1), 1e-15);
        assertEquals(0.01, Activations.byName("leaky_relu", Map.of()).parameters().get("alpha"));
        assertEquals("elu", Activations.byName("elu", Map.of()).name());
        assertThrows(IllegalArgumentException.class, () -> Activations.byName("swish", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Activations.byName("relu", Map.of("alpha", 1.0)));
    }
}

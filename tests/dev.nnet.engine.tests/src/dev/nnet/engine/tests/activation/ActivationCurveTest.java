package dev.nnet.engine.tests.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.activation.ActivationCurve;
import dev.nnet.engine.activation.Activations;
import org.junit.jupiter.api.Test;

/** f and f' over a range, from the activations' own forward and backward passes. */
class ActivationCurveTest {

    @Test
    void sigmoidDerivativeNeverExceedsAQuarter() {
        ActivationCurve c = ActivationCurve.sample(Activations.sigmoid(), -6, 6, 121);
        assertEquals(121, c.z().length);
        assertEquals(-6, c.z()[0]);
        assertEquals(6, c.z()[120], 1e-12);
        assertEquals(0.5, c.value()[60], 1e-12);
        assertEquals(0.25, c.derivative()[60], 1e-12);
        assertEquals(0.25, c.maxDerivative(), 1e-12);
        double s = 1 / (1 + Math.exp(-2.0));
        assertEquals(s, c.value()[80], 1e-12);
        assertEquals(s * (1 - s), c.derivative()[80], 1e-12);
    }

    @Test
    void reluTanhSoftmaxAndSign() {
        ActivationCurve relu = ActivationCurve.sample(Activations.relu(), -1, 1, 3);
        assertEquals(0, relu.value()[0]);
        assertEquals(1, relu.value()[2]);
        assertEquals(0, relu.derivative()[0]);
        assertEquals(1, relu.derivative()[2]);
        assertEquals(1, ActivationCurve.sample(Activations.tanh(), -3, 3, 61).maxDerivative(), 1e-12);
        ActivationCurve softmax = ActivationCurve.sample(Activations.softmax(), -2, 2, 5);
        assertEquals(0.5, softmax.value()[2], 1e-12, "against a unit at 0");
        assertEquals(0.25, softmax.derivative()[2], 1e-12);
        ActivationCurve sign = ActivationCurve.sample(Activations.sign(), -1, 1, 3);
        assertEquals(-1, sign.value()[0]);
        assertTrue(Double.isNaN(sign.derivative()[0]), "sign has no gradient");
    }
}

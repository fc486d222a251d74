package dev.nnet.engine.tests.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.perceptron.Perceptron;
import org.junit.jupiter.api.Test;

/** sign(0) is +1 everywhere: the activation, a network of sign units and the perceptron (docs/language.md). */
class SignAtZeroTest {
    @Test
    void activationNetworkAndPerceptronAgreeOnTheBoundary() {
        assertEquals(1.0, Activations.sign().value(0.0));
        assertEquals(1.0, Activations.sign().value(-0.0));
        assertEquals(-1.0, Activations.sign().value(-Double.MIN_VALUE));
        assertTrue(Double.isNaN(Activations.sign().value(Double.NaN)));
        Network n = NetworkSpec.builder(2).dense("p", 1, Activations.sign()).build().build();
        n.layers().get(0).weights().set(0, 1);
        n.layers().get(0).weights().set(1, -1);
        n.layers().get(0).bias().set(0, 0);
        assertEquals(1.0, n.predict(new double[][] {{0.5, 0.5}})[0][0], "a point on the boundary");
        Perceptron p = new Perceptron(2);
        assertEquals(1, p.predict(new double[] {3, 4}), "zero weights: every point is on the boundary");
    }
}

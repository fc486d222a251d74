package dev.nnet.engine.tests.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.layer.Kernels;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.layer.LayerBuffers;
import dev.nnet.engine.layer.Padding;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.ParallelFor;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.optim.Adam;
import dev.nnet.engine.optim.Optimizer;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A network built to predict holds no gradient storage: the parameters' gradients and the layers' dL/dy, dL/dz
 * buffers (and dropout's mask) are allocated by the first backward pass, not when the network is built or read, and
 * training gives the same numbers either way.
 */
class LazyGradientTest {
    /** conv2d, max pool, batch norm, flatten, dropout and dense: every layer type with parameters or state. */
    private static Network network(Precision precision) {
        return NetworkSpec.builder(Shape.image(1, 6, 6)).conv2d("c", 3, 3, 1, Padding.SAME, Activations.relu())
                .maxPool("p", 2, 2).batchNorm("bn").flatten("f").dropout("d", 0.25)
                .dense("h", 7, Activations.tanh()).dense("out", 4, Activations.softmax()).build().build(precision, 3);
    }

    private static Matrix random(Precision precision, int rows, int cols, long seed) {
        SeededRandom r = new SeededRandom(seed);
        Matrix m = Matrix.zeros(precision, rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.set(i, r.nextGaussian());
        }
        return m;
    }

    private static Matrix oneHot(Precision precision, int rows, int classes) {
        Matrix t = Matrix.zeros(precision, rows, classes);
        for (int r = 0; r < rows; r++) {
            t.set(r, r % classes, 1);
        }
        return t;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aNetworkReadToPredictAllocatesNoGradientsUntilTheFirstBackwardPass(Precision precision, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("m.json");
        ModelIO.save(network(precision), file);
        Network net = ModelIO.loadModel(file).network();
        Matrix x = random(precision, 5, 36, 1);
        net.forward(x);
        net.forward(random(precision, 2, 36, 2));
        assertEquals(8, net.parameters().size());
        for (Parameter p : net.parameters()) {
            assertTrue(p.trainable(), p.toString());
            assertFalse(p.hasGradient(), p + " has a gradient after predicting");
        }
        assertEquals(2, net.state().size());
        for (Parameter p : net.state()) {
            assertFalse(p.trainable(), p.toString());
            assertNull(p.gradient(), p.toString());
            assertFalse(p.hasGradient(), p.toString());
        }

        net.computeGradients(x, oneHot(precision, 5, 4), Losses.softmaxCrossEntropy());
        for (Parameter p : net.parameters()) {
            assertTrue(p.hasGradient(), p + " has no gradient after computeGradients");
            assertEquals(p.value().rows(), p.gradient().rows(), p.toString());
            assertEquals(p.value().cols(), p.gradient().cols(), p.toString());
            assertEquals(precision, p.gradient().precision(), p.toString());
            assertNotEquals(0, p.gradient().sumOfSquares(), p + " gradient is still all zeros");
        }
        for (Parameter p : net.state()) {
            assertFalse(p.hasGradient(), p.toString());
        }
    }

    /** Each layer's per-batch buffers: forward (training or not) leaves dy/dz unallocated; backward allocates them. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void forwardBuffersHoldNoGradientBuffers(Precision precision) {
        Network net = network(precision);
        Kernels k = new Kernels(precision, ParallelFor.SEQUENTIAL);
        Matrix x = random(precision, 3, 36, 4);
        for (Layer layer : net.allLayers()) {
            LayerBuffers b = layer.buffers(precision, 3);
            layer.forward(k, x, b, false);
            layer.forward(k, x, b, true);
            assertFalse(b.hasGradients(), layer.name() + " allocated gradient buffers in forward");
            b.dy().fill(0.5);
            layer.activationBackward(b);
            layer.backward(k, x, b, Matrix.zeros(precision, 3, x.cols()));
            assertTrue(b.hasGradients(), layer.name());
            assertEquals(b.y.cols(), b.dz().cols(), layer.name());
            x = b.y;
        }
    }

    /**
     * Steps of Adam with gradients allocated lazily by backward and with every gradient (and buffer) touched first:
     * bit-identical weights, so lazily allocated storage starts exactly as the eagerly allocated one did.
     */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void trainingIsBitIdenticalWhetherGradientsExistBeforeOrNot(Precision precision) {
        Network lazy = network(precision);
        Network eager = network(precision);
        for (Parameter p : eager.parameters()) {
            assertEquals(0, p.gradient().sumOfSquares());
        }
        Optimizer a = new Adam(0.01);
        Optimizer b = new Adam(0.01);
        for (int step = 0; step < 4; step++) {
            Matrix x = random(precision, 6, 36, 10 + step);
            Matrix t = oneHot(precision, 6, 4);
            eager.forward(x); // buffers for this batch size made by an evaluation pass first
            double la = lazy.computeGradients(x, t, Losses.softmaxCrossEntropy());
            double lb = eager.computeGradients(x, t, Losses.softmaxCrossEntropy());
            assertEquals(Double.doubleToLongBits(la), Double.doubleToLongBits(lb), "loss of step " + step);
            a.step(lazy);
            b.step(eager);
        }
        for (int i = 0; i < lazy.parameters().size(); i++) {
            assertArrayEquals(eager.parameters().get(i).value().toDoubleArray(),
                    lazy.parameters().get(i).value().toDoubleArray(), lazy.parameters().get(i).toString());
        }
    }

    /** Dropout's mask is made by its first training pass; an evaluation-mode backward passes dy through exactly. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void evaluationModeGradientsThroughDropoutAreTheIdentity(Precision precision) {
        Network net = NetworkSpec.builder(5).dense("h", 6, Activations.tanh()).dropout("d", 0.5)
                .dense("out", 3, Activations.softmax()).build().build(precision, 9);
        Network none = NetworkSpec.builder(5).dense("h", 6, Activations.tanh()).dropout("d", 0)
                .dense("out", 3, Activations.softmax()).build().build(precision, 9);
        Matrix x = random(precision, 4, 5, 5);
        Matrix t = oneHot(precision, 4, 3);
        double l1 = net.computeGradients(x, t, Losses.softmaxCrossEntropy(), false);
        double l2 = none.computeGradients(x, t, Losses.softmaxCrossEntropy(), true);
        assertEquals(Double.doubleToLongBits(l2), Double.doubleToLongBits(l1));
        for (int i = 0; i < net.parameters().size(); i++) {
            assertArrayEquals(none.parameters().get(i).gradient().toDoubleArray(),
                    net.parameters().get(i).gradient().toDoubleArray());
        }
    }
}

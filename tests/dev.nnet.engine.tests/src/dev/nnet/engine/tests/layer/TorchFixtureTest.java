package dev.nnet.engine.tests.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.nnet.engine.LayerSpec;
import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.layer.BatchNormSpec;
import dev.nnet.engine.layer.Conv2dSpec;
import dev.nnet.engine.layer.Padding;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.optim.Adam;
import dev.nnet.engine.optim.Optimizer;
import dev.nnet.engine.optim.Sgd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agreement with PyTorch in float64 to 1e-9: forward outputs, gradients, three Adam steps and running statistics of
 * a batch-norm network, a dropout network in evaluation mode, and convolutional networks (three SGD and Adam
 * steps in training mode with batch norm on images; dropout in evaluation mode). The fixtures are written by
 * {@code fixtures/make_torch_fixtures.py} (python3-torch) and committed; this test never needs torch.
 */
class TorchFixtureTest {
    private static final double TOLERANCE = 1e-9;

    private static Map<String, double[]> fixture(String name) throws IOException {
        Path dir = Paths.get("fixtures", "torch");
        Path here = Paths.get("").toAbsolutePath();
        while (!Files.isDirectory(dir) && here != null) {
            dir = here.resolve("tests/dev.nnet.engine.tests/fixtures/torch");
            here = here.getParent();
        }
        Map<String, double[]> values = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve(name))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(" ");
            double[] v = new double[Integer.parseInt(f[1])];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(f[i + 2]);
            }
            values.put(f[0], v);
        }
        return values;
    }

    private static double[] get(Map<String, double[]> fixture, String key) {
        double[] v = fixture.get(key);
        assertNotNull(v, "fixture has no " + key);
        return v;
    }

    private static Matrix matrix(double[] values, int cols) {
        Matrix m = Matrix.zeros(Precision.FLOAT64, values.length / cols, cols);
        for (int i = 0; i < values.length; i++) {
            m.set(i, values[i]);
        }
        return m;
    }

    private static void assertClose(double[] expected, Matrix actual, String what) {
        assertEquals(expected.length, actual.size(), what + " size");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(i), TOLERANCE, what + "[" + i + "]");
        }
    }

    private static void load(Network net, Map<String, double[]> f) {
        for (Parameter p : net.parameters()) {
            double[] v = get(f, "init." + p.layer() + "." + p.name());
            for (int i = 0; i < v.length; i++) {
                p.value().set(i, v[i]);
            }
        }
    }

    private static LayerSpec dense(String name, int units, dev.nnet.engine.activation.Activation a) {
        return new LayerSpec(name, units, a, Initializers.zeros(), Initializers.zeros());
    }

    @Test
    void batchNormNetworkMatchesPyTorchInTrainingThroughThreeAdamStepsAndInEvaluation() throws IOException {
        Map<String, double[]> f = fixture("batchnorm.txt");
        Network net = NetworkSpec.builder(4).layer(dense("h", 5, Activations.tanh())).add(new BatchNormSpec("bn", 0.1, 1e-5))
                .layer(dense("out", 3, Activations.softmax())).build().build(Precision.FLOAT64, 0);
        load(net, f);
        assertThreeSteps(net, f, 4, new Adam(0.01), "Adam");
    }

    /**
     * Training-mode loss, probabilities and gradients, then three optimizer steps with cross-entropy: parameters,
     * running statistics (of the first batch-norm layer) and evaluation-mode probabilities against the fixture.
     */
    private static void assertThreeSteps(Network net, Map<String, double[]> f, int inputs, Optimizer opt, String what) {
        Matrix x = matrix(get(f, "x"), inputs);
        Matrix t = matrix(get(f, "t"), 3);
        double loss = net.computeGradients(x, t, Losses.softmaxCrossEntropy());
        assertEquals(get(f, "train.loss")[0], loss, TOLERANCE, "training-mode loss");
        assertClose(get(f, "train.y"), net.lastActivations(net.allLayers().size() - 1), "training-mode probabilities");
        assertGradients(net, f);
        opt.step(net);
        for (int step = 2; step <= 3; step++) {
            net.computeGradients(x, t, Losses.softmaxCrossEntropy());
            opt.step(net);
        }
        for (Parameter p : net.parameters()) {
            assertClose(get(f, "step3." + p.layer() + "." + p.name()), p.value(), "after 3 " + what + " steps, "
                    + p.layer() + "." + p.name());
        }
        List<Parameter> state = net.state();
        assertClose(get(f, "step3.bn.running_mean"), state.get(0).value(), "running mean");
        assertClose(get(f, "step3.bn.running_var"), state.get(1).value(), "running variance");
        assertClose(get(f, "eval.y"), net.forward(x), "evaluation-mode probabilities");
    }

    private static void assertGradients(Network net, Map<String, double[]> f) {
        for (Parameter p : net.parameters()) {
            assertClose(get(f, "grad." + p.layer() + "." + p.name()), p.gradient(), "gradient of " + p.layer() + "."
                    + p.name());
        }
    }

    @Test
    void dropoutNetworkInEvaluationModeMatchesPyTorch() throws IOException {
        Map<String, double[]> f = fixture("dropout_eval.txt");
        Network net = NetworkSpec.builder(4).layer(dense("h", 6, Activations.relu())).dropout("drop", 0.3)
                .layer(dense("out", 2, Activations.identity())).build().build(Precision.FLOAT64, 0);
        load(net, f);
        Matrix x = matrix(get(f, "x"), 4);
        Matrix t = matrix(get(f, "t"), 2);
        assertClose(get(f, "eval.y"), net.forward(x), "evaluation-mode outputs");
        double loss = net.computeGradients(x, t, Losses.meanSquaredError(), false);
        assertEquals(get(f, "eval.loss")[0], loss, TOLERANCE, "evaluation-mode mse");
        assertGradients(net, f);
    }

    private static Conv2dSpec conv(String name, int filters, int kernel, int stride, Padding padding,
            dev.nnet.engine.activation.Activation a) {
        return new Conv2dSpec(name, filters, kernel, stride, padding, a, Initializers.zeros(), Initializers.zeros());
    }

    /** Conv same/valid, stride 1/2, overlapping max pool, batch norm on images in training, avg pool, flatten. */
    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam"})
    void cnnMatchesPyTorchInTrainingThroughThreeOptimizerStepsAndInEvaluation(String optimizer) throws IOException {
        Map<String, double[]> f = fixture("cnn_" + optimizer + ".txt");
        Network net = NetworkSpec.builder(Shape.image(2, 7, 7)).add(conv("c1", 3, 3, 1, Padding.SAME, Activations.relu()))
                .maxPool("pool1", 2, 1).add(conv("c2", 4, 3, 2, Padding.VALID, Activations.tanh()))
                .add(new BatchNormSpec("bn", 0.1, 1e-5)).avgPool("pool2", 1, 1).flatten("flat")
                .layer(dense("out", 3, Activations.softmax())).build().build(Precision.FLOAT64, 0);
        load(net, f);
        assertThreeSteps(net, f, 98, optimizer.equals("sgd") ? new Sgd(0.1) : new Adam(0.01), optimizer);
    }

    /** 5x5 same at stride 2, avg pool, dropout (the identity) and a 1x1 convolution, in evaluation mode. */
    @Test
    void cnnWithDropoutInEvaluationModeMatchesPyTorch() throws IOException {
        Map<String, double[]> f = fixture("cnn_eval.txt");
        Network net = NetworkSpec.builder(Shape.image(1, 6, 6))
                .add(conv("c1", 2, 5, 2, Padding.SAME, Activations.sigmoid())).avgPool("pool", 2, 1)
                .dropout("drop", 0.3).add(conv("c2", 3, 1, 1, Padding.VALID, Activations.identity())).flatten("flat")
                .layer(dense("out", 2, Activations.identity())).build().build(Precision.FLOAT64, 0);
        load(net, f);
        Matrix x = matrix(get(f, "x"), 36);
        Matrix t = matrix(get(f, "t"), 2);
        assertClose(get(f, "eval.y"), net.forward(x), "evaluation-mode outputs");
        double loss = net.computeGradients(x, t, Losses.meanSquaredError(), false);
        assertEquals(get(f, "eval.loss")[0], loss, TOLERANCE, "evaluation-mode mse");
        assertGradients(net, f);
    }
}

package dev.nnet.engine.tests.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.LayerSpec;
import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.check.GradientCheck;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backprop gradients equal central differences for every legal activation × loss pair. */
class GradientCheckTest {
    private static final double TOLERANCE = 1e-6;

    private static List<Activation> differentiable() {
        return List.of(Activations.identity(), Activations.sigmoid(), Activations.tanh(), Activations.relu(),
                Activations.leakyRelu(), Activations.leakyRelu(0.2), Activations.abs(), Activations.elu(),
                Activations.elu(0.5), Activations.softplus(), Activations.softmax());
    }

    private static List<Loss> losses() {
        return List.of(Losses.softmaxCrossEntropy(), Losses.binaryCrossEntropy(), Losses.meanSquaredError(),
                Losses.hinge(), Losses.perceptron());
    }

    private static boolean legal(Loss loss, Activation output, int outputs) {
        try {
            loss.checkCompatible(output, outputs);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Every legal (output activation, loss) pair with 1, 2 and 3 hidden layers. */
    static Stream<Arguments> legalPairs() {
        List<Arguments> out = new ArrayList<>();
        List<Activation> acts = differentiable();
        int index = 0;
        for (Loss loss : losses()) {
            for (Activation output : acts) {
                if (!legal(loss, output, 3)) {
                    continue;
                }
                for (int hidden = 1; hidden <= 3; hidden++) {
                    List<Activation> hiddenActs = new ArrayList<>();
                    for (int h = 0; h < hidden; h++) {
                        hiddenActs.add(acts.get((index + 3 * h) % acts.size()));
                    }
                    out.add(Arguments.of(loss, output, hiddenActs));
                    index++;
                }
            }
        }
        return out.stream();
    }

    /** Every differentiable activation in every hidden position of a 3-hidden-layer net. */
    static Stream<Arguments> hiddenActivations() {
        List<Arguments> out = new ArrayList<>();
        for (Activation a : differentiable()) {
            out.add(Arguments.of(a));
        }
        return out.stream();
    }

    static DataSet randomData(Loss loss, int inputs, int outputs, int rows, long seed) {
        SeededRandom r = new SeededRandom(seed);
        double[][] x = new double[rows][inputs];
        double[][] t = new double[rows][outputs];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < inputs; j++) {
                x[i][j] = r.nextGaussian();
            }
            int cls = r.nextInt(outputs);
            for (int j = 0; j < outputs; j++) {
                switch (loss.name()) {
                    case "cross_entropy": t[i][j] = j == cls ? 1 : 0; break;
                    case "binary_cross_entropy": t[i][j] = r.nextDouble(); break;
                    case "mse": t[i][j] = r.nextGaussian(); break;
                    default: t[i][j] = r.nextDouble() < 0.5 ? -1 : 1; break;
                }
            }
        }
        return DataSet.of(x, t);
    }

    static Network network(List<Activation> hidden, Activation output, int inputs, int outputs, long seed) {
        // non-zero biases: with zero biases a dead ReLU row feeds exactly 0 into the next layer, a kink
        NetworkSpec.Builder b = NetworkSpec.builder(inputs);
        for (int i = 0; i < hidden.size(); i++) {
            b.layer(layer("hidden" + (i + 1), 4 + i, hidden.get(i)));
        }
        return b.layer(layer("output", outputs, output)).build().build(Precision.FLOAT64, seed);
    }

    private static LayerSpec layer(String name, int units, Activation activation) {
        return new LayerSpec(name, units, activation, NetworkSpec.defaultWeightInit(activation),
                Initializers.uniform(-0.5, 0.5));
    }

    @ParameterizedTest(name = "{0} with {1} output, hidden {2}")
    @MethodSource("legalPairs")
    void legalPairPassesGradientCheck(Loss loss, Activation output, List<Activation> hidden) {
        Network net = network(hidden, output, 3, 3, 17 + hidden.size());
        DataSet data = randomData(loss, 3, 3, 5, 99 + hidden.size());
        GradientCheck.Result result = GradientCheck.check(net, loss, data);
        assertEquals(net.parameterCount(), result.parametersChecked());
        assertTrue(result.passed(TOLERANCE), result.toString());
    }

    @ParameterizedTest(name = "hidden {0}")
    @MethodSource("hiddenActivations")
    void everyHiddenActivationPassesWithThreeHiddenLayers(Activation hidden) {
        Loss loss = Losses.meanSquaredError();
        Network net = network(List.of(hidden, hidden, hidden), Activations.identity(), 3, 2, 5);
        GradientCheck.Result result = GradientCheck.check(net, loss, randomData(loss, 3, 2, 6, 8));
        assertTrue(result.passed(TOLERANCE), result.toString());
    }

    /** tanh with a derivative that is 10% too large. */
    private static final class BrokenTanh extends Activation {
        BrokenTanh() {
            super("broken_tanh");
        }

        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z, double y) {
            double t = Math.tanh(z);
            return 1.1 * (1 - t * t);
        }
    }

    @Test
    void brokenDerivativeFailsTheCheck() {
        Loss loss = Losses.meanSquaredError();
        DataSet data = randomData(loss, 3, 2, 5, 3);
        Network broken = network(List.of(new BrokenTanh()), Activations.identity(), 3, 2, 4);
        GradientCheck.Result result = GradientCheck.check(broken, loss, data);
        assertFalse(result.passed(TOLERANCE), result.toString());
        assertTrue(result.maxRelativeError() > 0.01, result.toString());
        assertEquals("hidden1", result.layer(), "the broken derivative only affects the first layer's gradient");
        Network correct = network(List.of(Activations.tanh()), Activations.identity(), 3, 2, 4);
        assertTrue(GradientCheck.check(correct, loss, data).passed(TOLERANCE));
    }

    @Test
    void checkWorksOnAFloat32NetworkThroughAFloat64Copy() {
        Loss loss = Losses.softmaxCrossEntropy();
        Network net = NetworkSpec.builder(3).dense(5, Activations.relu()).dense(3, Activations.softmax()).build()
                .build(Precision.FLOAT32, 1);
        double before = net.layers().get(0).weights().get(0);
        assertTrue(GradientCheck.check(net, loss, randomData(loss, 3, 3, 4, 2)).passed(TOLERANCE));
        assertEquals(before, net.layers().get(0).weights().get(0), "the checked network is not modified");
    }

    @Test
    void signActivationIsRefusedByBackprop() {
        Loss loss = Losses.meanSquaredError();
        Network net = network(List.of(Activations.sign()), Activations.identity(), 3, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.check(net, loss, randomData(loss, 3, 1, 3, 1)));
        assertTrue(e.getMessage().contains("'sign'") && e.getMessage().contains("hidden1"), e.getMessage());
    }
}

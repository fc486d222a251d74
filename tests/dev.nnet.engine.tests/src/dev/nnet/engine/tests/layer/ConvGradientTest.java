package dev.nnet.engine.tests.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.check.GradientCheck;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.layer.Conv2dSpec;
import dev.nnet.engine.layer.Padding;
import dev.nnet.engine.layer.PoolSpec;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradients of convolution, pooling and flatten against central differences. Each tested layer sits behind a
 * 1x1 convolution, so that its dL/dx is checked too (through that layer's parameters). The check runs on a
 * float64 copy; the float32 engine is compared with the float64 one.
 */
class ConvGradientTest {
    private static final double TOLERANCE = 1e-6;

    private static Conv2dSpec conv(String name, int filters, int kernel, int stride, Padding padding, Activation a) {
        return new Conv2dSpec(name, filters, kernel, stride, padding, a, Initializers.uniform(-0.7, 0.7),
                Initializers.uniform(-0.3, 0.3));
    }

    static Stream<Arguments> convolutions() {
        List<Arguments> all = new ArrayList<>();
        for (int kernel : new int[] {1, 3, 5}) {
            for (int stride : new int[] {1, 2}) {
                for (Padding padding : Padding.values()) {
                    all.add(Arguments.of(kernel, stride, padding));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "kernel {0} stride {1} {2}")
    @MethodSource("convolutions")
    void convolutionGradientsMatchCentralDifferences(int kernel, int stride, Padding padding) {
        Network net = NetworkSpec.builder(Shape.image(2, 7, 6)).add(conv("mix", 3, 1, 1, Padding.VALID, Activations.tanh()))
                .add(conv("c", 2, kernel, stride, padding, Activations.tanh())).flatten("f")
                .dense("out", 3, Activations.softmax()).build().build(Precision.FLOAT64, kernel * 10 + stride);
        GradientCheck.Result r = GradientCheck.check(net, Losses.softmaxCrossEntropy(),
                ConvLayersTest.images(3, 84, 3, kernel + stride));
        assertEquals(net.parameterCount(), r.parametersChecked());
        assertTrue(r.passed(TOLERANCE), r.toString());
    }

    static Stream<Arguments> poolings() {
        return Stream.of(Arguments.of(PoolSpec.Kind.MAX, 2, 2, "tanh"), Arguments.of(PoolSpec.Kind.MAX, 3, 1, "tanh"),
                Arguments.of(PoolSpec.Kind.MAX, 2, 1, "relu"), Arguments.of(PoolSpec.Kind.AVG, 3, 2, "tanh"),
                Arguments.of(PoolSpec.Kind.AVG, 2, 1, "relu"));
    }

    /** Overlapping windows (stride below size) add their gradients; relu before max pool makes ties of zeros. */
    @ParameterizedTest(name = "{0} size {1} stride {2} after {3}")
    @MethodSource("poolings")
    void poolingGradientsMatchCentralDifferences(PoolSpec.Kind kind, int size, int stride, String activation) {
        Activation a = activation.equals("relu") ? Activations.relu() : Activations.tanh();
        Network net = NetworkSpec.builder(Shape.image(2, 6, 6)).add(conv("mix", 3, 1, 1, Padding.VALID, a))
                .add(new PoolSpec("pool", kind, size, stride)).flatten("f").dense("out", 2, Activations.softmax())
                .build().build(Precision.FLOAT64, size * 3 + stride);
        GradientCheck.Result r = GradientCheck.check(net, Losses.softmaxCrossEntropy(),
                ConvLayersTest.images(4, 72, 2, size));
        assertTrue(r.passed(TOLERANCE), r.toString());
    }

    /** conv-relu-pool-batch_norm (training mode, per channel)-conv-flatten-dense-softmax. */
    private static Network cnn(Precision precision) {
        return NetworkSpec.builder(Shape.image(2, 8, 8)).add(conv("c1", 4, 3, 1, Padding.SAME, Activations.relu()))
                .maxPool("p1", 2, 2).batchNorm("bn").add(conv("c2", 3, 3, 2, Padding.SAME, Activations.tanh()))
                .avgPool("p2", 2, 1).flatten("flat").dense("hidden", 5, Activations.tanh())
                .dense("out", 3, Activations.softmax()).build().build(precision, 17);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aWholeCnnWithBatchNormInTrainingModePassesTheGradientCheck(Precision precision) {
        Network net = cnn(precision);
        GradientCheck.Result r = GradientCheck.check(net, Losses.softmaxCrossEntropy(),
                ConvLayersTest.images(6, 128, 3, 8));
        assertEquals(net.parameterCount(), r.parametersChecked());
        assertTrue(r.passed(TOLERANCE), r.toString());
    }

    /** The float32 layers (their flat-array paths) compute the float64 gradients to float rounding. */
    @org.junit.jupiter.api.Test
    void float32AndFloat64CnnGradientsAgree() {
        Network f64 = cnn(Precision.FLOAT64);
        Network f32 = f64.copy(Precision.FLOAT32);
        Matrix x64 = ConvLayersTest.random(Precision.FLOAT64, 6, 128, 3);
        Matrix x32 = Matrix.zeros(Precision.FLOAT32, 6, 128);
        x32.copyFrom(x64);
        DataSet d = ConvLayersTest.images(6, 128, 3, 8);
        Matrix t64 = Matrix.zeros(Precision.FLOAT64, 6, 3);
        Matrix t32 = Matrix.zeros(Precision.FLOAT32, 6, 3);
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 3; c++) {
                t64.set(r, c, d.target(r, c));
                t32.set(r, c, d.target(r, c));
            }
        }
        double l64 = f64.computeGradients(x64, t64, Losses.softmaxCrossEntropy());
        double l32 = f32.computeGradients(x32, t32, Losses.softmaxCrossEntropy());
        assertEquals(l64, l32, 1e-5);
        DropoutBatchNormTest.assertSameGradients(f64, f32, 2e-4);
    }
}

package dev.nnet.engine.tests.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.check.GradientCheck;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.layer.Conv2dSpec;
import dev.nnet.engine.layer.Kernels;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.layer.LayerBuffers;
import dev.nnet.engine.layer.Padding;
import dev.nnet.engine.layer.PoolSpec;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.ParallelFor;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.train.SaveRule;
import dev.nnet.engine.train.TrainingStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Convolution, pooling and flatten: shapes, forward values against direct loops, ties, errors. */
class ConvLayersTest {
    static DataSet images(int rows, int values, int classes, long seed) {
        SeededRandom r = new SeededRandom(seed);
        double[][] x = new double[rows][values];
        double[][] t = new double[rows][classes];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < values; j++) {
                x[i][j] = r.nextGaussian();
            }
            t[i][r.nextInt(classes)] = 1;
        }
        return DataSet.of(x, t);
    }

    static Matrix random(Precision precision, int rows, int cols, long seed) {
        SeededRandom r = new SeededRandom(seed);
        Matrix m = Matrix.zeros(precision, rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.set(i, r.nextGaussian());
        }
        return m;
    }

    @Test
    void shapesFollowTheFormulaAndTheContract() {
        assertEquals(0, Padding.VALID.pad(3));
        assertEquals(2, Padding.SAME.pad(5));
        assertEquals(4, Conv2dSpec.outputSize(8, 3, 2, 1));
        assertEquals(6, Conv2dSpec.outputSize(8, 3, 1, 0));
        NetworkSpec spec = NetworkSpec.builder(Shape.image(1, 8, 8))
                .conv2d("c1", 16, 3, 1, Padding.SAME, Activations.relu()).maxPool("p1", 2, 2)
                .conv2d("c2", 32, 3, 1, Padding.SAME, Activations.relu()).avgPool("p2", 2, 2).flatten("flat")
                .dense("out", 10, Activations.softmax()).build();
        assertEquals("[16x8x8, 16x4x4, 32x4x4, 32x2x2, 128, 10]", spec.shapes().toString());
        Network net = spec.build(Precision.FLOAT32, 1);
        assertEquals(16 * 9 + 16 + 32 * 144 + 32 + 128 * 10 + 10, net.parameterCount());
        assertEquals("weight", net.parameters().get(0).name());
        assertEquals(16, net.parameters().get(0).value().rows());
        assertEquals(9, net.parameters().get(0).value().cols());
    }

    @Test
    void badShapesNameTheLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkSpec.builder(Shape.image(1, 8, 8)).dense("d", 3, Activations.softmax()).build());
        assertTrue(e.getMessage().contains("'d'") && e.getMessage().contains("needs a flatten before it"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2dSpec("c", 4, 4, 1, Padding.SAME,
                Activations.relu(), Initializers.zeros(), Initializers.zeros()));
        assertTrue(e.getMessage().contains("'c'") && e.getMessage().contains("odd"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkSpec.builder(Shape.image(2, 2, 2))
                .maxPool("pool2", 3, 1).flatten("f").dense("o", 2, Activations.softmax()).build());
        assertTrue(e.getMessage().contains("Layer 'pool2' receives 2x2 but its window is 3x3".substring(6)),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkSpec.builder(4)
                .conv2d("c", 2, 1, 1, Padding.VALID, Activations.relu()).flatten("f")
                .dense("o", 2, Activations.softmax()).build());
        assertTrue(e.getMessage().contains("'c' needs a C x H x W image"), e.getMessage());
    }

    /** The convolution against the textbook loops, for every stride/padding/kernel combination. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void convolutionForwardMatchesDirectLoops(Precision precision) {
        for (int kernel : new int[] {1, 3, 5}) {
            for (int stride : new int[] {1, 2}) {
                for (Padding padding : Padding.values()) {
                    Shape in = Shape.image(2, 7, 6);
                    Conv2dSpec spec = new Conv2dSpec("c", 3, kernel, stride, padding, Activations.identity(),
                            Initializers.uniform(-1, 1), Initializers.uniform(-1, 1));
                    Layer layer = spec.create(in, precision, 5, 0);
                    Matrix x = random(precision, 2, in.size(), 9);
                    LayerBuffers b = layer.buffers(precision, 2);
                    layer.forward(new Kernels(precision, ParallelFor.SEQUENTIAL), x, b, true);
                    Matrix w = layer.parameters().get(0).value();
                    Matrix bias = layer.parameters().get(1).value();
                    Shape out = layer.outputShape();
                    int p = padding.pad(kernel);
                    for (int n = 0; n < 2; n++) {
                        for (int f = 0; f < 3; f++) {
                            for (int oy = 0; oy < out.height(); oy++) {
                                for (int ox = 0; ox < out.width(); ox++) {
                                    double s = bias.get(f);
                                    for (int c = 0; c < 2; c++) {
                                        for (int ky = 0; ky < kernel; ky++) {
                                            for (int kx = 0; kx < kernel; kx++) {
                                                int iy = oy * stride - p + ky;
                                                int ix = ox * stride - p + kx;
                                                if (iy >= 0 && iy < 7 && ix >= 0 && ix < 6) {
                                                    s += w.get(f, (c * kernel + ky) * kernel + kx)
                                                            * x.get(n, (c * 7 + iy) * 6 + ix);
                                                }
                                            }
                                        }
                                    }
                                    double tol = precision == Precision.FLOAT32 ? 1e-4 : 1e-12;
                                    assertEquals(s, b.y.get(n, (f * out.height() + oy) * out.width() + ox), tol,
                                            "k" + kernel + " s" + stride + " " + padding);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Ties: the whole gradient goes to the first maximum of the window, row-major; overlapping windows add. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void maxPoolSendsTheGradientToTheFirstMaximumAndOverlapsAdd(Precision precision) {
        Layer pool = new PoolSpec("p", PoolSpec.Kind.MAX, 2, 1).create(Shape.image(1, 3, 3), precision, 0, 0);
        Matrix x = Matrix.zeros(precision, 1, 9);
        double[] v = {1, 5, 5, 5, 5, 2, 0, 3, 3};
        for (int i = 0; i < 9; i++) {
            x.set(i, v[i]);
        }
        LayerBuffers b = pool.buffers(precision, 1);
        Kernels k = new Kernels(precision, ParallelFor.SEQUENTIAL);
        pool.forward(k, x, b, true);
        assertEquals("[5.0, 5.0, 5.0, 5.0]", java.util.Arrays.toString(b.y.toDoubleArray()));
        for (int i = 0; i < 4; i++) {
            b.dy().set(i, i + 1);
        }
        Matrix dx = Matrix.zeros(precision, 1, 9);
        pool.backward(k, x, b, dx);
        // windows: (0,0) first max at 1; (0,1) at 1; (1,0) at 3; (1,1) at 4
        assertEquals("[0.0, 3.0, 0.0, 3.0, 4.0, 0.0, 0.0, 0.0, 0.0]", java.util.Arrays.toString(dx.toDoubleArray()));
        Layer avg = new PoolSpec("a", PoolSpec.Kind.AVG, 2, 1).create(Shape.image(1, 3, 3), precision, 0, 0);
        LayerBuffers ab = avg.buffers(precision, 1);
        avg.forward(k, x, ab, true);
        assertEquals(4, ab.y.get(0), 1e-6);
        ab.dy().fill(4);
        avg.backward(k, x, ab, dx);
        assertEquals("[1.0, 2.0, 1.0, 2.0, 4.0, 2.0, 1.0, 2.0, 1.0]", java.util.Arrays.toString(dx.toDoubleArray()));
    }

    @Test
    void flattenKeepsTheValuesInNchwOrderAndIsTheIdentityOnVectors() {
        NetworkSpec spec = NetworkSpec.builder(Shape.image(2, 2, 3)).flatten("f")
                .dense("o", 2, Activations.identity()).build();
        assertEquals(Shape.vector(12), spec.shapes().get(0));
        Network net = spec.build(Precision.FLOAT64, 3);
        Matrix x = random(Precision.FLOAT64, 2, 12, 4);
        net.forward(x);
        for (int i = 0; i < x.size(); i++) {
            assertEquals(x.get(i), net.lastActivations(0).get(i));
        }
        assertEquals(Shape.vector(5), NetworkSpec.builder(5).flatten("f").dense("o", 1, Activations.identity()).build()
                .shapes().get(0));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aSmallCnnPassesTheGradientCheck(Precision precision) {
        Network net = NetworkSpec.builder(Shape.image(2, 6, 6))
                .conv2d("c1", 3, 3, 1, Padding.SAME, Activations.tanh()).maxPool("p1", 2, 2)
                .conv2d("c2", 4, 3, 1, Padding.VALID, Activations.tanh()).flatten("f")
                .dense("out", 3, Activations.softmax()).build().build(precision, 11);
        GradientCheck.Result r = GradientCheck.check(net, Losses.softmaxCrossEntropy(), images(4, 72, 3, 2));
        assertEquals(net.parameterCount(), r.parametersChecked());
        assertTrue(r.passed(1e-6), r.toString());
    }

    /**
     * The float32 im2col, layout, pooling and col2im passes split the samples between threads once a batch is large
     * enough: outputs and every gradient are the same bits on 1 and 2 threads, and agree with float64 (the generic
     * loops, one thread) to float rounding. Batch 96 of 2x8x8 crosses the split threshold on every pass; ReLU takes the
     * fused paths, tanh and average pooling the others.
     */
    @Test
    void convolutionPassesGiveTheSameBitsOnOneAndTwoThreads() {
        NetworkSpec spec = NetworkSpec.builder(Shape.image(2, 8, 8))
                .conv2d("c1", 8, 3, 1, Padding.SAME, Activations.relu()).maxPool("p1", 2, 2)
                .conv2d("c2", 6, 3, 1, Padding.SAME, Activations.tanh()).avgPool("p2", 2, 2).flatten("f")
                .dense("out", 3, Activations.softmax()).build();
        DataSet data = images(96, 128, 3, 5);
        Matrix x32 = Matrix.zeros(Precision.FLOAT32, 96, 128);
        Matrix t32 = Matrix.zeros(Precision.FLOAT32, 96, 3);
        Matrix x64 = Matrix.zeros(Precision.FLOAT64, 96, 128);
        Matrix t64 = Matrix.zeros(Precision.FLOAT64, 96, 3);
        int[] all = java.util.stream.IntStream.range(0, 96).toArray();
        data.copyBatch(all, 0, x32, t32);
        data.copyBatch(all, 0, x64, t64);
        Network one = spec.build(Precision.FLOAT32, 3);
        Network two = spec.build(Precision.FLOAT32, 3);
        Network exact = spec.build(Precision.FLOAT64, 3);
        exact.copyParametersFrom(one);
        two.setThreads(2);
        double l1 = one.computeGradients(x32, t32, Losses.softmaxCrossEntropy());
        double l2 = two.computeGradients(x32, t32, Losses.softmaxCrossEntropy());
        double l64 = exact.computeGradients(x64, t64, Losses.softmaxCrossEntropy());
        two.setThreads(1);
        assertEquals(l1, l2, 0.0);
        assertEquals(l64, l1, 1e-5);
        for (int p = 0; p < one.parameters().size(); p++) {
            Matrix g1 = one.parameters().get(p).gradient();
            Matrix g2 = two.parameters().get(p).gradient();
            Matrix g64 = exact.parameters().get(p).gradient();
            String name = one.parameters().get(p).layer() + "." + one.parameters().get(p).name();
            for (int i = 0; i < g1.size(); i++) {
                assertEquals(g1.get(i), g2.get(i), 0.0, name + "[" + i + "] 1 vs 2 threads");
                assertEquals(g64.get(i), g1.get(i), 1e-4 * (1 + Math.abs(g64.get(i))), name + "[" + i + "] vs float64");
            }
        }
    }

    /** The save rule looks at every parameter, not only dense ones: a NaN in a filter refuses the save. */
    @Test
    void aNonFiniteConvolutionWeightRefusesTheSave() {
        Network net = NetworkSpec.builder(Shape.image(1, 4, 4)).conv2d("c", 2, 3, 1, Padding.SAME, Activations.relu())
                .flatten("f").dense("o", 2, Activations.softmax()).build().build(Precision.FLOAT32, 1);
        assertEquals(null, SaveRule.refusal(TrainingStatus.COMPLETED, net));
        net.parameters().get(0).value().set(4, Double.NaN);
        assertEquals("layer 'c' has a non-finite parameter", SaveRule.refusal(TrainingStatus.COMPLETED, net));
    }
}

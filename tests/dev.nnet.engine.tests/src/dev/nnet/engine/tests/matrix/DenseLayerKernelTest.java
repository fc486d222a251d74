package dev.nnet.engine.tests.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.matrix.VectorSupport;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float32 forward of dense layers wider than the narrow kernel with at most 256 inputs (with the Vector API:
 * {@code DenseVectorKernel}, W kept packed, rows of A read in place, bias and ReLU applied per tile) against the plain
 * product: {@code z = Σ_p fma(x[p], w[j][p], .)} in order from 0, plus the bias, then the activation, bit for bit,
 * for one input (k = 1), odd widths, widths not a multiple of the tile's 2L columns, batches of 1, of fewer rows
 * than a tile and not a multiple of it; the same in training mode (which runs the GEMM), with 2 threads, and after the weights are changed
 * in place (the packed copy must follow them). Without the Vector API (scalar multiply and add) within rounding.
 */
class DenseLayerKernelTest {
    private static final int[][] SHAPES = {{1, 33}, {3, 17}, {7, 31}, {64, 128}, {128, 64}, {5, 32}, {9, 47},
        {256, 40}, {200, 65}};
    private static final int[] ROWS = {1, 2, 5, 11, 12, 13, 16, 64, 65, 75, 256};

    private static Network network(int inputs, int units, Activation activation, long seed) {
        Network network = NetworkSpec.builder(inputs).dense("d", units, activation).build().build(Precision.FLOAT32, seed);
        SplittableRandom random = new SplittableRandom(seed);
        Matrix bias = network.layers().get(0).bias();
        for (int j = 0; j < units; j++) {
            bias.set(j, random.nextDouble(-1, 1));
        }
        return network;
    }

    private static Matrix batch(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(Precision.FLOAT32, rows, cols);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, random.nextDouble(-2, 2));
        }
        return x;
    }

    /** The plain product, one fused multiply-add per step in order, then the bias, then identity or ReLU. */
    private static float[] expected(DenseLayer layer, Matrix x, boolean relu) {
        Matrix w = layer.weights();
        int k = layer.inputs();
        int n = layer.units();
        float[] y = new float[x.rows() * n];
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < n; j++) {
                float acc = 0f;
                for (int p = 0; p < k; p++) {
                    acc = Math.fma((float) x.get(i, p), (float) w.get(j, p), acc);
                }
                float z = acc + (float) layer.bias().get(j);
                y[i * n + j] = relu ? (z > 0 ? z : 0f) : z;
            }
        }
        return y;
    }

    private static void assertBits(float[] expected, Matrix actual, String where) {
        assertEquals(expected.length, actual.size(), where);
        for (int i = 0; i < expected.length; i++) {
            if (!VectorSupport.enabled()) { // the scalar kernels multiply and add: equal within rounding only
                assertEquals(expected[i], actual.get(i), 1e-5 * Math.abs(expected[i]) + 1e-5, where + ", element " + i);
                continue;
            }
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits((float) actual.get(i)),
                    where + ", element " + i + ": " + expected[i] + " vs " + actual.get(i));
        }
    }

    @Test
    void denseLayersEqualThePlainProductBitForBit() {
        for (boolean relu : new boolean[] {false, true}) {
            for (int[] s : SHAPES) {
                Network network = network(s[0], s[1], relu ? Activations.relu() : Activations.identity(), s[0] * 31L + s[1]);
                DenseLayer layer = network.layers().get(0);
                for (int rows : ROWS) {
                    Matrix x = batch(rows, s[0], rows * 7L + s[1]);
                    float[] want = expected(layer, x, relu);
                    String where = (relu ? "relu " : "identity ") + s[0] + "-" + s[1] + ", batch of " + rows;
                    assertBits(want, network.forward(x), where);
                    assertBits(want, network.forward(x, true), where + ", training mode");
                    if (relu) {
                        // the pre-activations stay available (Network.lastPreActivations), with the bias added
                        assertBits(expected(layer, x, false), network.lastPreActivations(0), where + ", z");
                    }
                    network.setThreads(2);
                    assertBits(want, network.forward(x), where + ", 2 threads");
                    network.setThreads(1);
                }
            }
        }
    }

    @Test
    void weightsChangedInPlaceAreUsedByTheNextForward() {
        Network network = network(64, 128, Activations.relu(), 5);
        DenseLayer layer = network.layers().get(0);
        for (int rows : new int[] {1, 256}) {
            Matrix x = batch(rows, 64, 3);
            assertBits(expected(layer, x, true), network.forward(x), "before, batch of " + rows);
            layer.weights().set(0, layer.weights().get(0) + 0.5);
            layer.weights().set(layer.weights().size() - 1, -3.0);
            assertBits(expected(layer, x, true), network.forward(x), "after one weight changed, batch of " + rows);
            layer.weights().set(7, -0.0);
            layer.weights().set(8, 0.0);
            assertBits(expected(layer, x, true), network.forward(x), "after signed zeros, batch of " + rows);
        }
    }

    @Test
    void otherActivationsAfterTheKernelMatchTheFloat64Network() {
        for (Activation activation : new Activation[] {Activations.tanh(), Activations.sigmoid(), Activations.softmax()}) {
            Network network = network(64, 40, activation, 9);
            Network other = network.copy(Precision.FLOAT64);
            for (int rows : new int[] {1, 13, 256}) {
                Matrix x = batch(rows, 64, 11);
                Matrix xd = Matrix.zeros(Precision.FLOAT64, rows, 64);
                for (int i = 0; i < x.size(); i++) {
                    xd.set(i, x.get(i));
                }
                Matrix a = network.forward(x);
                Matrix b = other.forward(xd);
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(b.get(i), a.get(i), 1e-5 * Math.abs(b.get(i)) + 1e-6,
                            activation.name() + ", batch of " + rows + ", output " + i);
                }
            }
        }
    }

    @Test
    void softmaxOutputsDoNotDependOnTheBatch() {
        // widths below, at and above the vector length (8 or 16), up to the float softmax's 32 and past it
        for (int units : new int[] {1, 3, 10, 16, 17, 32, 33}) {
            Network network = NetworkSpec.builder(64).dense("h", 128, Activations.relu()).dense("o", units, Activations.softmax())
                    .build().build(Precision.FLOAT32, units);
            SplittableRandom random = new SplittableRandom(units);
            Matrix bias = network.layers().get(1).bias();
            for (int j = 0; j < units; j++) {
                bias.set(j, random.nextDouble(-1, 1));
            }
            for (int rows : new int[] {5, 64, 256}) {
                Matrix x = batch(rows, 64, rows);
                float[] all = new float[rows * units];
                Matrix y = network.forward(x);
                double rowSum = 0;
                for (int i = 0; i < all.length; i++) {
                    all[i] = (float) y.get(i);
                    rowSum += i < units ? all[i] : 0;
                }
                assertEquals(1.0, rowSum, 1e-5, units + " units, batch of " + rows + ": first row sums to 1");
                Matrix one = Matrix.zeros(Precision.FLOAT32, 1, 64);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < 64; c++) {
                        one.set(0, c, x.get(r, c));
                    }
                    float[] want = new float[units];
                    System.arraycopy(all, r * units, want, 0, units);
                    assertBits(want, network.forward(one), units + " units, batch of " + rows + ", row " + r);
                }
            }
        }
    }
}

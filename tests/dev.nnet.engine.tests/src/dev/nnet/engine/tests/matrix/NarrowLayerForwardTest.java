package dev.nnet.engine.tests.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dense layers of few units (the float32 narrow product on the Vector API, four rows at a time from 64 rows on) and
 * tanh/softmax layers: for batch sizes that are and are not multiples of 4 and of the vector length, and layer widths
 * below, at and above 16, a sample's outputs are bit for bit those of a batch of one, the same for 1 and 2 threads, the same in
 * training and evaluation mode, and float32 agrees with the float64 copy of the network within float rounding.
 */
class NarrowLayerForwardTest {

    private static Network network(Precision precision, int inputs, int hidden, int outputs) {
        return NetworkSpec.builder(inputs).dense("h", hidden, Activations.tanh()).dense("o", outputs, Activations.softmax())
                .build().build(precision, 11);
    }

    private static Matrix batch(Precision precision, int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(precision, rows, cols);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, random.nextDouble(-2, 2));
        }
        x.set(0, 40);
        return x;
    }

    private static double[] copy(Matrix y) {
        double[] v = new double[y.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = y.get(i);
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void narrowLayersDoNotDependOnBatchThreadsOrMode(Precision precision) {
        int[][] shapes = {{4, 16, 3}, {64, 10, 10}, {7, 17, 15}, {1, 3, 16}};
        for (int[] s : shapes) {
            Network network = network(precision, s[0], s[1], s[2]);
            for (int rows : new int[] {1, 3, 5, 17, 64, 65, 67, 100, 256}) {
                Matrix x = batch(precision, rows, s[0], rows);
                double[] eval = copy(network.forward(x));
                String where = precision + " " + s[0] + "-" + s[1] + "-" + s[2] + ", batch of " + rows;
                assertBits(eval, copy(network.forward(x, true)), where + ", training mode");
                network.setThreads(2);
                assertBits(eval, copy(network.forward(x)), where + ", 2 threads");
                network.setThreads(1);
                Matrix one = Matrix.zeros(precision, 1, s[0]);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < s[0]; c++) {
                        one.set(0, c, x.get(r, c));
                    }
                    Matrix y = network.forward(one);
                    for (int c = 0; c < s[2]; c++) {
                        assertEquals(Double.doubleToRawLongBits(eval[r * s[2] + c]), Double.doubleToRawLongBits(y.get(0, c)),
                                where + ", row " + r + ", output " + c);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void float32AgreesWithFloat64(Precision precision) {
        Network network = network(precision, 64, 16, 10);
        Network other = network.copy(precision == Precision.FLOAT32 ? Precision.FLOAT64 : Precision.FLOAT32);
        for (int rows : new int[] {1, 5, 256}) {
            double[] a = copy(network.forward(batch(precision, rows, 64, 7)));
            double[] b = copy(other.forward(batch(other.precision(), rows, 64, 7)));
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-5 * Math.abs(a[i]) + 1e-6, precision + ", batch of " + rows + ", output " + i);
            }
        }
    }

    private static void assertBits(double[] expected, double[] actual, String where) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), where + ", element " + i);
        }
    }
}

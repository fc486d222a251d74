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
 * A sample's outputs do not depend on the batch it is in: the batch-1 forward (the float32 one reads the weights
 * through gathers instead of a transposed copy) gives bit for bit the row of a batch forward, for layers whose
 * width is and is not a multiple of the vector length.
 */
class BatchOneForwardTest {

    @ParameterizedTest
    @EnumSource(Precision.class)
    void batchOfOneEqualsTheRowOfALargerBatch(Precision precision) {
        Network network = NetworkSpec.builder(64).dense("h1", 128, Activations.relu())
                .dense("h2", 37, Activations.tanh()).dense("out", 10, Activations.softmax()).build().build(precision, 3);
        SplittableRandom random = new SplittableRandom(5);
        for (int rows : new int[] {2, 5, 8, 64}) {
            Matrix x = Matrix.zeros(precision, rows, 64);
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < 64; c++) {
                    x.set(i, c, random.nextDouble(-1, 1));
                }
            }
            Matrix y = network.forward(x);
            double[][] batch = new double[rows][10];
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < 10; c++) {
                    batch[i][c] = y.get(i, c);
                }
            }
            Matrix one = Matrix.zeros(precision, 1, 64);
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < 64; c++) {
                    one.set(0, c, x.get(i, c));
                }
                Matrix yo = network.forward(one);
                for (int c = 0; c < 10; c++) {
                    assertEquals(Double.doubleToRawLongBits(batch[i][c]), Double.doubleToRawLongBits(yo.get(0, c)),
                            precision + ", batch of " + rows + ", row " + i + ", output " + c);
                }
            }
        }
    }
}

package dev.nnet.engine.tests.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.io.ModelMetadata;
import dev.nnet.engine.io.ModelPredictor;
import dev.nnet.engine.io.TrainedModel;
import dev.nnet.engine.layer.Padding;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.matrix.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ModelPredictor} runs many rows in passes of bounded size: the outputs are bit for bit those of one batch of
 * all rows, for passes below and above the products' blocking threshold; networks with a convolution run in one.
 */
class PredictorPassesTest {
    private static double[][] rows(int n, int values, long seed) {
        SeededRandom r = new SeededRandom(seed);
        double[][] x = new double[n][values];
        for (double[] row : x) {
            for (int i = 0; i < values; i++) {
                row[i] = 2 * r.nextGaussian();
            }
        }
        return x;
    }

    private static void samePerPass(Network net, int rows) {
        double[][] x = rows(rows, net.inputs(), 11);
        TrainedModel model = new TrainedModel(net, ModelMetadata.NONE);
        double[][] whole = new ModelPredictor(model, Integer.MAX_VALUE).outputs(x);
        assertEquals(rows, whole.length);
        for (int pass : new int[] { 1, 5, 7, 64, 100, rows - 1 }) {
            ModelPredictor p = new ModelPredictor(model, pass);
            for (int call = 0; call < 2; call++) { // a second call reuses the input batches
                double[][] y = p.outputs(x);
                assertEquals(rows, y.length);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < y[r].length; c++) {
                        assertEquals(Double.doubleToLongBits(whole[r][c]), Double.doubleToLongBits(y[r][c]),
                                "row " + r + " output " + c + " with passes of " + pass);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void denseOutputsDoNotDependOnThePassSize(Precision precision) {
        Network net = NetworkSpec.builder(40).dense("h1", 96, Activations.relu()).dense("h2", 33, Activations.tanh())
                .dense("out", 5, Activations.softmax()).build().build(precision, 5);
        samePerPass(net, 301);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void poolingBatchNormAndDropoutOutputsDoNotDependOnThePassSize(Precision precision) {
        Network net = NetworkSpec.builder(Shape.image(2, 8, 8)).maxPool("p", 2, 2).batchNorm("bn").flatten("f")
                .dropout("d", 0.3).dense("h", 20, Activations.relu()).dense("out", 3, Activations.softmax()).build()
                .build(precision, 6);
        samePerPass(net, 150);
    }

    /** A convolution's product spans the batch (its last bits can change with the batch size): one pass. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void aConvolutionalNetworkRunsAllRowsInOneBatch(Precision precision) {
        Network net = NetworkSpec.builder(Shape.image(2, 8, 8)).conv2d("c", 4, 3, 1, Padding.SAME, Activations.relu())
                .flatten("f").dense("out", 3, Activations.softmax()).build().build(precision, 6);
        assertEquals(Integer.MAX_VALUE, new ModelPredictor(new TrainedModel(net, ModelMetadata.NONE)).rowsPerPass());
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void passesKeepTheForwardBuffersNearTheirBudget(Precision precision) {
        int bytes = precision == Precision.FLOAT32 ? 4 : 8;
        Network wide = NetworkSpec.builder(2048).dense("h1", 4096, Activations.relu())
                .dense("out", 10, Activations.softmax()).build().build(precision, 1);
        int rows = new ModelPredictor(new TrainedModel(wide, ModelMetadata.NONE)).rowsPerPass();
        long perRow = (2048 + 2L * (4096 + 10)) * bytes;
        assertEquals(ModelPredictor.PASS_BYTES / perRow, rows);
        assertTrue(rows * perRow <= ModelPredictor.PASS_BYTES);
        Network small = NetworkSpec.builder(4).dense("out", 3, Activations.softmax()).build().build(precision, 1);
        assertTrue(new ModelPredictor(new TrainedModel(small, ModelMetadata.NONE)).rowsPerPass() > 100_000);
    }
}

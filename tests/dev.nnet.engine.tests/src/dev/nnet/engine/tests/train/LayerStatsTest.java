package dev.nnet.engine.tests.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.optim.Sgd;
import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.Histogram;
import dev.nnet.engine.train.LayerStats;
import dev.nnet.engine.train.Trainer;
import dev.nnet.engine.train.TrainingConfig;
import dev.nnet.engine.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** Activation mean/std and weight/gradient histograms measured at epoch ends. */
class LayerStatsTest {

    @Test
    void histogramCountsEveryFiniteValueInFixedBins() {
        Matrix m = Matrix.zeros(Precision.FLOAT64, 1, 5);
        double[] v = { -1, 0, 0.5, 1, Double.NaN };
        for (int i = 0; i < v.length; i++) {
            m.set(i, v[i]);
        }
        Histogram h = Histogram.of(m);
        assertEquals(-1, h.min());
        assertEquals(1, h.max());
        assertEquals(Histogram.BINS, h.counts().length);
        assertEquals(4, h.total());
        assertEquals(1, h.counts()[0]);
        assertEquals(1, h.counts()[10], "0 is the lower edge of bin 10");
        assertEquals(1, h.counts()[15]);
        assertEquals(1, h.counts()[Histogram.BINS - 1], "the maximum falls in the last bin");
        assertEquals(0.0, h.lower(10), 1e-12);
        Matrix same = Matrix.zeros(Precision.FLOAT32, 2, 2);
        assertEquals(4, Histogram.of(same).counts()[0]);
        assertEquals(0, Histogram.EMPTY.total());
    }

    @Test
    void epochEndCarriesActivationSpreadAndHistograms() {
        double[][] x = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } };
        double[][] t = { { 0 }, { 1 }, { 1 }, { 0 } };
        DataSet xor = DataSet.of(x, t);
        Network net = NetworkSpec.builder(2).dense(4, Activations.tanh()).dense(1, Activations.sigmoid()).build()
                .build(Precision.FLOAT64, 7);
        TrainingConfig config = TrainingConfig.builder(Losses.meanSquaredError()).optimizer(new Sgd(0.5)).maxEpochs(3).build();
        TrainingResult result = new Trainer(net, config).train(xor);
        EpochEnd last = result.history().get(2);
        LayerStats hidden = last.layers().get(0);
        double[][] h = hiddenOutputs(net, x);
        double sum = 0, sq = 0;
        for (double[] row : h) {
            for (double a : row) {
                sum += a;
            }
        }
        double mean = sum / 16;
        for (double[] row : h) {
            for (double a : row) {
                sq += (a - mean) * (a - mean);
            }
        }
        assertEquals(mean, hidden.activationMean(), 1e-12);
        assertEquals(Math.sqrt(sq / 16), hidden.activationStd(), 1e-12);
        assertEquals(8, hidden.weights().total(), "2x4 weights");
        assertEquals(8, hidden.gradients().total());
        assertTrue(hidden.weights().min() <= hidden.weights().max());
        LayerStats out = last.layers().get(1);
        assertTrue(out.activationMean() > 0 && out.activationMean() < 1, "sigmoid outputs lie in (0, 1)");
        assertEquals(4, out.weights().total());
        assertArrayEquals(new int[Histogram.BINS], new LayerStats("x", 1, 1, 1, 1).weights().counts());
    }

    /** The hidden layer's outputs computed here from the trained weights, independent of the trainer. */
    private static double[][] hiddenOutputs(Network net, double[][] x) {
        var layer = net.layers().get(0);
        double[][] out = new double[x.length][layer.units()];
        for (int r = 0; r < x.length; r++) {
            for (int u = 0; u < layer.units(); u++) {
                double z = layer.bias().get(u);
                for (int i = 0; i < layer.inputs(); i++) {
                    z += layer.weights().get(u, i) * x[r][i];
                }
                out[r][u] = Math.tanh(z);
            }
        }
        return out;
    }
}

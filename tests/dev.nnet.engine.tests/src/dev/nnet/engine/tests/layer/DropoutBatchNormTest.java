package dev.nnet.engine.tests.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.layer.BatchNormSpec;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Dropout and batch normalization: gradients, training/evaluation behaviour, running statistics, model files. */
class DropoutBatchNormTest {
    private static final double TOLERANCE = 1e-6;

    private static LayerSpec dense(String name, int units, Activation a) {
        return new LayerSpec(name, units, a, NetworkSpec.defaultWeightInit(a), Initializers.uniform(-0.5, 0.5));
    }

    /** dense → batch_norm → dropout → dense → batch_norm → dense softmax. */
    private static Network mixed(Precision precision, double dropout) {
        return NetworkSpec.builder(4).layer(dense("h1", 6, Activations.tanh())).batchNorm("bn1").dropout("drop", dropout)
                .layer(dense("h2", 5, Activations.relu())).add(new BatchNormSpec("bn2", 0.3, 1e-3))
                .layer(dense("out", 3, Activations.softmax())).build().build(precision, 7);
    }

    private static DataSet data(int rows, long seed) {
        SeededRandom r = new SeededRandom(seed);
        double[][] x = new double[rows][4];
        double[][] t = new double[rows][3];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = 2 * r.nextGaussian() + j;
            }
            t[i][r.nextInt(3)] = 1;
        }
        return DataSet.of(x, t);
    }

    private static Matrix[] batch(Network net, DataSet d) {
        Matrix x = Matrix.zeros(net.precision(), d.rows(), d.featureCount());
        Matrix t = Matrix.zeros(net.precision(), d.rows(), d.targetCount());
        int[] order = new int[d.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        d.copyBatch(order, 0, x, t);
        return new Matrix[] {x, t};
    }

    @ParameterizedTest(name = "dropout {0}")
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0, 0.3, 0.6})
    void gradientsOfBatchNormInTrainingModeAndDropoutMatchCentralDifferences(double p) {
        Network net = mixed(Precision.FLOAT64, p);
        GradientCheck.Result result = GradientCheck.check(net, Losses.softmaxCrossEntropy(), data(9, 3));
        assertEquals(net.parameterCount(), result.parametersChecked());
        assertTrue(result.passed(TOLERANCE), result.toString());
    }

    @Test
    void batchNormRightAfterTheInputPassesTheCheckWithMse() {
        Loss mse = Losses.meanSquaredError();
        Network net = NetworkSpec.builder(4).batchNorm("bn").layer(dense("h", 3, Activations.sigmoid()))
                .dropout("d", 0.25).layer(dense("out", 3, Activations.identity())).build().build(Precision.FLOAT64, 2);
        assertTrue(GradientCheck.check(net, mse, data(7, 5)).passed(TOLERANCE));
    }

    /** float32 and float64 networks with the same parameters compute the same gradients (to float rounding). */
    @Test
    void float32AndFloat64GradientsAgree() {
        Network f64 = mixed(Precision.FLOAT64, 0.4);
        Network f32 = f64.copy(Precision.FLOAT32);
        DataSet d = data(8, 11);
        Matrix[] b64 = batch(f64, d);
        Matrix[] b32 = batch(f32, d);
        f64.reseed(5);
        f32.reseed(5);
        double l64 = f64.computeGradients(b64[0], b64[1], Losses.softmaxCrossEntropy());
        double l32 = f32.computeGradients(b32[0], b32[1], Losses.softmaxCrossEntropy());
        assertEquals(l64, l32, 1e-5);
        assertSameGradients(f64, f32, 2e-4);
    }

    /** Every parameter gradient of {@code a} equals that of {@code b} (same architecture) within {@code tolerance}. */
    static void assertSameGradients(Network a, Network b, double tolerance) {
        List<Parameter> pa = a.parameters();
        List<Parameter> pb = b.parameters();
        for (int i = 0; i < pa.size(); i++) {
            for (int k = 0; k < pa.get(i).gradient().size(); k++) {
                assertEquals(pa.get(i).gradient().get(k), pb.get(i).gradient().get(k), tolerance,
                        pa.get(i).layer() + "." + pa.get(i).name() + "[" + k + "]");
            }
        }
    }

    @Test
    void dropoutIsTheIdentityInEvaluationAndInvertedInTraining() {
        Network net = NetworkSpec.builder(200).dropout("d", 0.25).layer(new LayerSpec("out", 1, Activations.identity(),
                Initializers.constant(1), Initializers.zeros())).build().build(Precision.FLOAT64, 1);
        Matrix x = Matrix.zeros(Precision.FLOAT64, 1, 200);
        x.fill(1);
        assertEquals(200, net.forward(x).get(0), 1e-12, "evaluation: identity");
        net.forward(x, true);
        Matrix dropped = net.lastActivations(0);
        int zeros = 0;
        for (int i = 0; i < 200; i++) {
            double v = dropped.get(i);
            assertTrue(v == 0 || Math.abs(v - 1 / 0.75) < 1e-12, "kept values are scaled by 1/(1-p): " + v);
            zeros += v == 0 ? 1 : 0;
        }
        assertTrue(zeros > 25 && zeros < 75, "about a quarter dropped: " + zeros);
        Network same = NetworkSpec.builder(200).dropout("d", 0.25).layer(new LayerSpec("out", 1,
                Activations.identity(), Initializers.constant(1), Initializers.zeros())).build().build(Precision.FLOAT64, 1);
        same.forward(x, true);
        for (int i = 0; i < 200; i++) {
            assertEquals(dropped.get(i), same.lastActivations(0).get(i), "same seed, same mask");
        }
    }

    @Test
    void batchNormNormalisesTheBatchInTrainingAndMovesTheRunningStatistics() {
        Network net = NetworkSpec.builder(2).add(new BatchNormSpec("bn", 0.5, 1e-5))
                .layer(new LayerSpec("out", 2, Activations.identity(), Initializers.constant(1), Initializers.zeros()))
                .build().build(Precision.FLOAT64, 1);
        Matrix x = Matrix.zeros(Precision.FLOAT64, 4, 2);
        double[] col0 = {1, 2, 3, 6};
        for (int r = 0; r < 4; r++) {
            x.set(r, 0, col0[r]);
            x.set(r, 1, 10);
        }
        net.forward(x, true);
        Matrix y = net.lastActivations(0);
        double sum = 0;
        double sq = 0;
        for (int r = 0; r < 4; r++) {
            sum += y.get(r, 0);
            sq += y.get(r, 0) * y.get(r, 0);
            assertEquals(0, y.get(r, 1), 1e-12, "a constant feature normalises to 0");
        }
        assertEquals(0, sum / 4, 1e-12);
        assertEquals(3.5 / (3.5 + 1e-5), sq / 4, 1e-12, "batch variance 3.5 (biased) normalised to 1 up to eps");
        List<Parameter> state = net.state();
        assertEquals("running_mean", state.get(0).name());
        assertEquals(0.5 * 3, state.get(0).value().get(0), 1e-12, "(1 - m) 0 + m mean");
        assertEquals(0.5 * 1 + 0.5 * (14.0 / 3), state.get(1).value().get(0), 1e-12, "unbiased variance 14/3");
        net.forward(x);
        assertEquals((1 - 1.5) / Math.sqrt(0.5 + 7.0 / 3 + 1e-5), net.lastActivations(0).get(0, 0), 1e-12, "evaluation uses the running statistics");
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void modelFilesKeepDropoutAndBatchNormIncludingRunningStatistics(Precision precision) throws Exception {
        Network net = mixed(precision, 0.2);
        DataSet d = data(6, 1);
        Matrix[] b = batch(net, d);
        net.computeGradients(b[0], b[1], Losses.softmaxCrossEntropy());
        String json = ModelIO.toJson(net);
        assertTrue(json.contains("\"type\": \"batch_norm\"") && json.contains("\"running_var\"")
                && json.contains("\"p\": 0.2"), json);
        Network loaded = ModelIO.fromJson(json, "m.json", null);
        assertEquals(json, ModelIO.toJson(loaded), "save, load, save is byte-identical");
        assertEquals(net.forward(b[0]).get(0), loaded.forward(b[0]).get(0));
        assertEquals(6, loaded.allLayers().size());
        assertEquals("dropout", loaded.allLayers().get(2).type());
    }

    @Test
    void brokenBatchNormEntriesAreLocatedErrors() {
        String json = ModelIO.toJson(mixed(Precision.FLOAT64, 0.2));
        String negative = json.replaceFirst("\"running_var\": \\[1\\.0", "\"running_var\": [-1.0");
        Exception e = assertThrows(Exception.class, () -> ModelIO.fromJson(negative, "m.json", null));
        assertTrue(e.getMessage().contains("layer 2 ('bn1'): running_var has the negative value -1.0"), e.getMessage());
        String badP = json.replace("\"p\": 0.2", "\"p\": 1.5");
        e = assertThrows(Exception.class, () -> ModelIO.fromJson(badP, "m.json", null));
        assertTrue(e.getMessage().contains("probability must be in [0, 1), got 1.5"), e.getMessage());
    }

    @Test
    void aNetworkEndsWithADenseLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkSpec.builder(3).dense(2, Activations.tanh()).dropout("last", 0.1).build());
        assertTrue(e.getMessage().contains("'last' is a dropout layer"), e.getMessage());
    }
}

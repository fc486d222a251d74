package dev.nnet.engine.tests.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.data.MinMaxScaler;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.optim.Adam;
import dev.nnet.engine.tests.TestData;
import dev.nnet.engine.train.Trainer;
import dev.nnet.engine.train.TrainingConfig;
import dev.nnet.engine.train.TrainingResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Same seed, same weights and results: across runs and across thread counts. */
class DeterminismTest {
    private static DataSet digits;

    @BeforeAll
    static void load() throws Exception {
        DataSet all = CsvLoader.file(TestData.file("digits.csv")).load();
        DataSet part = all.split(0.3, 1).train();
        digits = MinMaxScaler.fit(part).apply(part);
    }

    private static List<double[]> train(Precision precision, int threads, long seed) {
        Network net = NetworkSpec.builder(64).dense(128, Activations.relu()).dense(64, Activations.tanh())
                .dense(10, Activations.softmax()).build().build(precision, seed);
        TrainingConfig config = TrainingConfig.builder(Losses.softmaxCrossEntropy()).optimizer(new Adam(0.01))
                .batchSize(64).seed(seed).maxEpochs(3).threads(threads).build();
        TrainingResult result = new Trainer(net, config).train(digits);
        List<double[]> out = new ArrayList<>();
        for (DenseLayer l : net.layers()) {
            out.add(l.weights().toDoubleArray());
            out.add(l.bias().toDoubleArray());
        }
        out.add(new double[] {result.trainLoss(), result.trainAccuracy()});
        return out;
    }

    private static void assertIdentical(List<double[]> a, List<double[]> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            // bit-identical: compare raw bits
            long[] x = Arrays.stream(a.get(i)).mapToLong(Double::doubleToRawLongBits).toArray();
            long[] y = Arrays.stream(b.get(i)).mapToLong(Double::doubleToRawLongBits).toArray();
            assertArrayEquals(x, y, "parameter block " + i);
        }
    }

    @Test
    void sameSeedGivesIdenticalWeightsInThreeRuns() {
        List<double[]> first = train(Precision.FLOAT32, 1, 42);
        assertIdentical(first, train(Precision.FLOAT32, 1, 42));
        assertIdentical(first, train(Precision.FLOAT32, 1, 42));
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalWeights() {
        assertIdentical(train(Precision.FLOAT32, 1, 7), train(Precision.FLOAT32, 2, 7));
        assertIdentical(train(Precision.FLOAT64, 1, 7), train(Precision.FLOAT64, 2, 7));
    }

    @Test
    void differentSeedsGiveDifferentWeights() {
        assertFalse(Arrays.equals(train(Precision.FLOAT32, 1, 1).get(0), train(Precision.FLOAT32, 1, 2).get(0)));
    }

    @Test
    void initialWeightsDependOnlyOnTheSeed() {
        NetworkSpec spec = NetworkSpec.builder(5).dense(7, Activations.relu()).dense(2, Activations.identity()).build();
        double[] a = spec.build(Precision.FLOAT64, 99).layers().get(0).weights().toDoubleArray();
        double[] b = spec.build(Precision.FLOAT64, 99).layers().get(0).weights().toDoubleArray();
        assertArrayEquals(a, b);
        assertEquals(0.0, Arrays.stream(spec.build(Precision.FLOAT64, 99).layers().get(0).bias().toDoubleArray())
                .map(Math::abs).sum(), "biases are zero by default");
    }
}

package dev.nnet.engine.tests.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.data.MinMaxScaler;
import dev.nnet.engine.data.Standardizer;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.metrics.Metrics;
import dev.nnet.engine.optim.Adam;
import dev.nnet.engine.optim.Sgd;
import dev.nnet.engine.tests.TestData;
import dev.nnet.engine.train.CancellationToken;
import dev.nnet.engine.train.Trainer;
import dev.nnet.engine.train.TrainingConfig;
import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingStatus;
import org.junit.jupiter.api.Test;

/** XOR, Iris and Digits reach the accuracies of the issue. */
class BenchmarkTest {

    @Test
    void mlp241SolvesXor() {
        DataSet xor = DataSet.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
        Network net = NetworkSpec.builder(2).dense(4, Activations.tanh()).dense(1, Activations.sigmoid()).build()
                .build(Precision.FLOAT32, 1);
        TrainingConfig config = TrainingConfig.builder(Losses.binaryCrossEntropy()).optimizer(new Adam(0.05))
                .batchSize(TrainingConfig.FULL_BATCH).maxEpochs(2000).targetAccuracy(1.0).targetLoss(0.05).build();
        TrainingResult result = new Trainer(net, config).train(xor);
        assertEquals(TrainingStatus.CONVERGED, result.status(), result.message());
        int[] predicted = Metrics.predictClasses(net, xor);
        assertEquals(1.0, Metrics.accuracy(predicted, new int[] {0, 1, 1, 0}));
        System.out.println("XOR 2-4-1: " + result.message() + ", loss " + result.trainLoss());
    }

    @Test
    void irisReaches97PercentTrainingAccuracy() throws Exception {
        DataSet iris = CsvLoader.file(TestData.file("iris.csv")).label("label").load();
        DataSet scaled = Standardizer.fit(iris).apply(iris);
        Network net = NetworkSpec.builder(4).dense(16, Activations.relu()).dense(3, Activations.softmax()).build()
                .build(Precision.FLOAT32, 7);
        TrainingConfig config = TrainingConfig.builder(Losses.softmaxCrossEntropy()).optimizer(new Adam(0.01))
                .batchSize(16).seed(3).maxEpochs(200).targetAccuracy(0.98).build();
        TrainingResult result = new Trainer(net, config).train(scaled);
        System.out.println("Iris 4-16-3: " + result.status() + " epochs " + result.epochs() + " train accuracy "
                + result.trainAccuracy());
        assertTrue(result.trainAccuracy() >= 0.97, "train accuracy " + result.trainAccuracy());
        int[] predicted = Metrics.predictClasses(net, scaled);
        assertTrue(Metrics.accuracy(predicted, scaled.classes()) >= 0.97);
    }

    @Test
    void digitsReaches95PercentTestAccuracy() throws Exception {
        DataSet digits = CsvLoader.file(TestData.file("digits.csv")).label("label").load();
        DataSet.Split split = digits.split(0.8, 42);
        MinMaxScaler scaler = MinMaxScaler.fit(split.train());
        DataSet train = scaler.apply(split.train());
        DataSet test = scaler.apply(split.test());
        Network net = NetworkSpec.builder(64).dense(128, Activations.relu()).dense(64, Activations.relu())
                .dense(10, Activations.softmax()).build().build(Precision.FLOAT32, 11);
        TrainingConfig config = TrainingConfig.builder(Losses.softmaxCrossEntropy())
                .optimizer(new Sgd(0.1, 0.9, true, 0)).batchSize(32).seed(5).maxEpochs(30).earlyStopping(5).threads(2)
                .build();
        long start = System.nanoTime();
        TrainingResult result = new Trainer(net, config).train(train, test, TrainingListener.NONE, new CancellationToken());
        System.out.printf("Digits 64-128-64-10: %s after %d epochs (%.1f s), train acc %.4f, test acc %.4f%n",
                result.status(), result.epochs(), (System.nanoTime() - start) / 1e9, result.trainAccuracy(),
                result.testAccuracy());
        assertTrue(result.testAccuracy() >= 0.95, "test accuracy " + result.testAccuracy());
        int[] predicted = Metrics.predictClasses(net, test);
        assertEquals(result.testAccuracy(), Metrics.accuracy(predicted, test.classes()), 1e-12);
    }
}

package dev.nnet.engine.tests.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.optim.Sgd;
import dev.nnet.engine.train.Trainer;
import dev.nnet.engine.train.TrainingConfig;
import dev.nnet.engine.train.TrainingResult;
import org.junit.jupiter.api.Test;

/**
 * A network wide enough that its products are blocked and split across two threads trains to bit-identical
 * weights with 1 and 2 threads, and learns a separable task.
 */
class ThreadedTrainingTest {
    private static DataSet data() {
        SeededRandom r = new SeededRandom(11);
        int rows = 512;
        double[][] x = new double[rows][200];
        int[] classes = new int[rows];
        for (int i = 0; i < rows; i++) {
            classes[i] = r.nextInt(4);
            for (int j = 0; j < 200; j++) {
                x[i][j] = r.nextDouble() + (j % 4 == classes[i] ? 0.5 : 0);
            }
        }
        return DataSet.ofClasses(x, classes, 4);
    }

    private static Network train(DataSet data, int threads, TrainingResult[] result) {
        Network net = NetworkSpec.builder(200).dense(256, Activations.relu()).dense(128, Activations.tanh())
                .dense(4, Activations.softmax()).build().build(Precision.FLOAT32, 5);
        TrainingConfig config = TrainingConfig.builder(Losses.softmaxCrossEntropy()).optimizer(new Sgd(0.05))
                .batchSize(64).seed(2).maxEpochs(3).threads(threads).build();
        result[0] = new Trainer(net, config).train(data);
        return net;
    }

    @Test
    void oneAndTwoThreadsTrainIdenticalWeights() {
        DataSet data = data();
        TrainingResult[] r1 = new TrainingResult[1];
        TrainingResult[] r2 = new TrainingResult[1];
        Network one = train(data, 1, r1);
        Network two = train(data, 2, r2);
        for (int l = 0; l < one.layers().size(); l++) {
            double[] w1 = one.layers().get(l).weights().toDoubleArray();
            double[] w2 = two.layers().get(l).weights().toDoubleArray();
            for (int i = 0; i < w1.length; i++) {
                assertEquals(w1[i], w2[i], 0.0, "layer " + l + " weight " + i);
            }
        }
        assertEquals(r1[0].trainLoss(), r2[0].trainLoss(), 0.0);
        assertTrue(r1[0].trainAccuracy() > 0.9, "accuracy " + r1[0].trainAccuracy());
    }
}

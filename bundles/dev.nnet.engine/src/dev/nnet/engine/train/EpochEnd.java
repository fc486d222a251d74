package dev.nnet.engine.train;

import java.util.List;

/**
 * Metrics at the end of an epoch. Losses and accuracies are measured on the whole data set with the weights at the
 * end of the epoch; test values are NaN without test data.
 *
 * @param epoch the epoch number, from 1
 * @param learningRate the learning rate used in this epoch
 * @param trainLoss mean loss on the training data
 * @param trainAccuracy accuracy on the training data (see {@code Loss.isCorrect})
 * @param testLoss mean loss on the test data
 * @param testAccuracy accuracy on the test data
 * @param layers per-layer statistics, input side first
 */
public record EpochEnd(int epoch, double learningRate, double trainLoss, double trainAccuracy, double testLoss,
        double testAccuracy, List<LayerStats> layers) {
}

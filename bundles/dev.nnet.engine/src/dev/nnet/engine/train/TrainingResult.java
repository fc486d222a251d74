package dev.nnet.engine.train;

import java.util.List;

/**
 * Outcome of {@link Trainer#train}.
 *
 * @param status how training ended
 * @param epochs number of epochs completed (for DIVERGED/CANCELLED: the epoch in which it stopped)
 * @param trainLoss last measured training loss (NaN if no epoch finished)
 * @param trainAccuracy last measured training accuracy
 * @param testLoss last measured test loss (NaN without test data)
 * @param testAccuracy last measured test accuracy
 * @param message human-readable explanation (reason, and a hint for DIVERGED)
 * @param affectedLayer for DIVERGED, the first layer (input side first) with non-finite values, else null
 * @param history one entry per finished epoch
 */
public record TrainingResult(TrainingStatus status, int epochs, double trainLoss, double trainAccuracy, double testLoss,
        double testAccuracy, String message, String affectedLayer, List<EpochEnd> history) {
}

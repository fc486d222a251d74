package dev.nnet.engine.train;

/**
 * Sent once before the first batch.
 *
 * @param trainRows number of training samples
 * @param testRows number of test samples (0 without test data)
 * @param batchSize effective batch size
 * @param batchesPerEpoch number of batches per epoch
 * @param parameterCount number of trainable parameters
 */
public record TrainingBegin(int trainRows, int testRows, int batchSize, int batchesPerEpoch, int parameterCount) {
}

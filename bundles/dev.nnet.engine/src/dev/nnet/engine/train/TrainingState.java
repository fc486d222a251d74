package dev.nnet.engine.train;

import dev.nnet.engine.optim.Optimizer;

/**
 * Where a training stands, besides the weights: enough to continue bit-identically ({@link Trainer#train(
 * dev.nnet.engine.data.DataSet, dev.nnet.engine.data.DataSet, TrainingListener, CancellationToken, TrainingState)}).
 * Written into checkpoints every N epochs and on cancel. The schedule position follows from {@code epoch}.
 *
 * @param epoch the epoch to continue in (1-based)
 * @param inEpoch true when that epoch has begun (its sample order is drawn): continue at {@code batch}; false to
 *        begin it
 * @param batch the next batch (0-based) of a begun epoch
 * @param shuffle the state of the shuffling stream ({@link dev.nnet.engine.SeededRandom#state()})
 * @param order the sample order (the permutation the shuffles have made so far)
 * @param optimizer the optimizer's step count and buffers
 * @param bestHeldOutLoss the best held-out loss so far (early stopping), +infinity when none
 * @param epochsWithoutImprovement epochs since that best (early stopping)
 */
public record TrainingState(int epoch, boolean inEpoch, int batch, long[] shuffle, int[] order,
        Optimizer.State optimizer, double bestHeldOutLoss, int epochsWithoutImprovement) {
}

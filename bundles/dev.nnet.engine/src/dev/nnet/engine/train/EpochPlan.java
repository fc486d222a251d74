package dev.nnet.engine.train;

import dev.nnet.engine.SeededRandom;

/**
 * The order in which a training visits its samples: the batch size (the whole set for {@link TrainingConfig#FULL_BATCH},
 * at most the number of rows otherwise), the number of batches (the last one may be shorter) and, when shuffling is on,
 * a seeded Fisher-Yates reshuffle of the sample order at the start of every epoch. The one source of that order for
 * the single-JVM {@link Trainer} and for any other driver of the same training (e.g. a distributed one), so that both
 * visit the same samples in the same batches.
 */
public final class EpochPlan {
    private static final long SHUFFLE_STREAM = 0x5348554646L;

    private final int rows;
    private final int batchSize;
    private final int batches;
    private final boolean shuffle;
    private final SeededRandom shuffler;
    private final int[] order;
    private int epoch;

    /**
     * @param config the training's settings (batch size, shuffle, seed)
     * @param rows the number of training samples, positive
     */
    public EpochPlan(TrainingConfig config, int rows) {
        if (rows <= 0) {
            throw new IllegalArgumentException("a training needs at least one sample, got " + rows);
        }
        this.rows = rows;
        batchSize = config.batchSize() == TrainingConfig.FULL_BATCH ? rows : Math.min(config.batchSize(), rows);
        batches = (rows + batchSize - 1) / batchSize;
        shuffle = config.shuffle();
        shuffler = SeededRandom.forStream(config.seed(), SHUFFLE_STREAM);
        order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
    }

    /** Starts the next epoch: reshuffles the order if shuffling is on. */
    public void nextEpoch() {
        if (shuffle) {
            shuffler.shuffle(order);
        }
        epoch++;
    }

    /** @return the number of epochs started so far (1 in the first epoch) */
    public int epoch() {
        return epoch;
    }

    /** @return the number of samples */
    public int rows() {
        return rows;
    }

    /** @return the size of every batch but possibly the last */
    public int batchSize() {
        return batchSize;
    }

    /** @return batches per epoch */
    public int batches() {
        return batches;
    }

    /**
     * @param batch batch index, 0-based
     * @return the position in {@link #order()} of the batch's first sample
     */
    public int batchStart(int batch) {
        return batch * batchSize;
    }

    /**
     * @param batch batch index, 0-based
     * @return the number of samples in that batch
     */
    public int batchRows(int batch) {
        return batch == batches - 1 ? rows - (batches - 1) * batchSize : batchSize;
    }

    /** @return the sample order of the current epoch (live: do not modify) */
    public int[] order() {
        return order;
    }
}

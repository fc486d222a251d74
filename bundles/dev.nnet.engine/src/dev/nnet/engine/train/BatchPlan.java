package dev.nnet.engine.train;

import dev.nnet.engine.SeededRandom;

/**
 * How the {@link Trainer} cuts a training set into batches and orders its samples: the batch size (the whole set
 * for {@link TrainingConfig#FULL_BATCH}), the number of batches (the last one may be shorter), and the seeded
 * shuffling stream that permutes the sample order in place at the start of every epoch when shuffling is on. Other
 * executors of the same training (a distributed one, say) use it to visit exactly the samples the trainer visits.
 */
public final class BatchPlan {
    /** The sub-stream of the config's seed that shuffles the samples. */
    static final long SHUFFLE_STREAM = 0x5348554646L;

    private final int rows;
    private final int batchSize;
    private final int batches;
    private final boolean shuffle;
    private final long seed;

    private BatchPlan(int rows, int batchSize, boolean shuffle, long seed) {
        this.rows = rows;
        this.batchSize = batchSize;
        this.batches = (rows + batchSize - 1) / batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    /**
     * @param config the training settings
     * @param rows the number of training samples, positive
     * @return the plan
     */
    public static BatchPlan of(TrainingConfig config, int rows) {
        if (rows <= 0) {
            throw new IllegalArgumentException("a batch plan needs at least one sample, got " + rows);
        }
        int size = config.batchSize() == TrainingConfig.FULL_BATCH ? rows : Math.min(config.batchSize(), rows);
        return new BatchPlan(rows, size, config.shuffle(), config.seed());
    }

    /** @return samples per batch (all but the last batch) */
    public int batchSize() {
        return batchSize;
    }

    /** @return batches per epoch */
    public int batches() {
        return batches;
    }

    /**
     * @param batch a batch index, 0-based
     * @return the number of samples in it
     */
    public int rowsInBatch(int batch) {
        return batch == batches - 1 ? rows - (batches - 1) * batchSize : batchSize;
    }

    /** @return true when the order is reshuffled every epoch */
    public boolean shuffles() {
        return shuffle;
    }

    /** @return a new shuffling stream in its initial state (the trainer's: one {@code shuffle} per epoch) */
    public SeededRandom shuffler() {
        return SeededRandom.forStream(seed, SHUFFLE_STREAM);
    }

    /**
     * @param epoch an epoch, from 1
     * @return the sample order of that epoch (batch {@code b} is positions {@code b * batchSize()} on)
     */
    public int[] orderOfEpoch(int epoch) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SeededRandom r = shuffler();
            for (int e = 1; e <= epoch; e++) {
                r.shuffle(order);
            }
        }
        return order;
    }
}

package dev.nnet.engine.train;

import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.optim.Adam;
import dev.nnet.engine.optim.LearningRateSchedule;
import dev.nnet.engine.optim.Optimizer;
import java.util.Objects;

/**
 * Settings of a training run; build with {@link #builder(Loss)}. Defaults: Adam (PyTorch defaults), constant
 * learning rate, batch size 32, shuffling on, seed 0, 100 epochs, no targets, no early stopping, 1 thread.
 */
public final class TrainingConfig {
    /** Batch size meaning "the whole training set" (batch gradient descent). */
    public static final int FULL_BATCH = 0;

    private final Loss loss;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final int maxEpochs;
    private final double targetLoss;
    private final double targetAccuracy;
    private final int patience;
    private final int threads;
    private final boolean restoreBest;
    private final String heldOutName;
    private final java.util.List<MetricStop> metricStops;
    private final int checkpointEvery;

    private TrainingConfig(Builder b) {
        loss = b.loss;
        optimizer = b.optimizer;
        schedule = b.schedule;
        batchSize = b.batchSize;
        shuffle = b.shuffle;
        seed = b.seed;
        maxEpochs = b.maxEpochs;
        targetLoss = b.targetLoss;
        targetAccuracy = b.targetAccuracy;
        patience = b.patience;
        threads = b.threads;
        restoreBest = b.restoreBest;
        heldOutName = b.heldOutName;
        metricStops = java.util.List.copyOf(b.metricStops);
        checkpointEvery = b.checkpointEvery;
    }

    /** @return epochs between checkpoints ({@link TrainingListener#onCheckpoint}), 0 for none (cancel still makes one) */
    public int checkpointEvery() {
        return checkpointEvery;
    }

    /** @return true to end early stopping with the weights of the best held-out epoch (the default) */
    public boolean restoreBest() {
        return restoreBest;
    }

    /** @return what the held-out data are called in messages: "test" (default) or "validation" */
    public String heldOutName() {
        return heldOutName;
    }

    /** @return the stop rules on metrics, in order */
    public java.util.List<MetricStop> metricStops() {
        return metricStops;
    }

    /**
     * @param loss the loss to minimise
     * @return a builder with the defaults
     */
    public static Builder builder(Loss loss) {
        return new Builder(loss);
    }

    /** @return the loss */
    public Loss loss() {
        return loss;
    }

    /** @return the optimizer (its state is reset when training starts) */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** @return the learning-rate schedule */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** @return batch size, {@link #FULL_BATCH} for the whole training set */
    public int batchSize() {
        return batchSize;
    }

    /** @return true to reshuffle the training samples (seeded) every epoch */
    public boolean shuffle() {
        return shuffle;
    }

    /** @return the seed of the shuffling */
    public long seed() {
        return seed;
    }

    /** @return the epoch cap */
    public int maxEpochs() {
        return maxEpochs;
    }

    /** @return training loss at or below which training stops CONVERGED (NaN: off) */
    public double targetLoss() {
        return targetLoss;
    }

    /** @return training accuracy at or above which training stops CONVERGED (NaN: off) */
    public double targetAccuracy() {
        return targetAccuracy;
    }

    /** @return epochs without test-loss improvement before early stopping (0: off; needs test data) */
    public int patience() {
        return patience;
    }

    /** @return threads for the matrix products (results do not depend on it) */
    public int threads() {
        return threads;
    }

    /** Builder of {@link TrainingConfig}. */
    public static final class Builder {
        private final Loss loss;
        private Optimizer optimizer = new Adam(Adam.DEFAULT_LEARNING_RATE);
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private int batchSize = 32;
        private boolean shuffle = true;
        private long seed;
        private int maxEpochs = 100;
        private double targetLoss = Double.NaN;
        private double targetAccuracy = Double.NaN;
        private int patience;
        private int threads = 1;
        private boolean restoreBest = true;
        private String heldOutName = "test";
        private final java.util.List<MetricStop> metricStops = new java.util.ArrayList<>();
        private int checkpointEvery;

        private Builder(Loss loss) {
            this.loss = Objects.requireNonNull(loss, "loss");
        }

        /**
         * @param value the optimizer
         * @return this builder
         */
        public Builder optimizer(Optimizer value) {
            optimizer = Objects.requireNonNull(value, "optimizer");
            return this;
        }

        /**
         * @param value the schedule
         * @return this builder
         */
        public Builder schedule(LearningRateSchedule value) {
            schedule = Objects.requireNonNull(value, "schedule");
            return this;
        }

        /**
         * @param value samples per batch: 1 (SGD), N (mini-batch) or {@link #FULL_BATCH}
         * @return this builder
         */
        public Builder batchSize(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("batch size must be >= 0 (0 = full batch), got " + value);
            }
            batchSize = value;
            return this;
        }

        /**
         * @param value false to keep the sample order fixed
         * @return this builder
         */
        public Builder shuffle(boolean value) {
            shuffle = value;
            return this;
        }

        /**
         * @param value seed of the shuffling
         * @return this builder
         */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /**
         * @param value epoch cap, positive
         * @return this builder
         */
        public Builder maxEpochs(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("max epochs must be positive, got " + value);
            }
            maxEpochs = value;
            return this;
        }

        /**
         * @param value stop CONVERGED when the training loss is at or below this
         * @return this builder
         */
        public Builder targetLoss(double value) {
            targetLoss = value;
            return this;
        }

        /**
         * @param value stop CONVERGED when the training accuracy (0..1) is at or above this
         * @return this builder
         */
        public Builder targetAccuracy(double value) {
            targetAccuracy = value;
            return this;
        }

        /**
         * @param value epochs without test-loss improvement before stopping (0 = off)
         * @return this builder
         */
        public Builder earlyStopping(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("patience must be >= 0, got " + value);
            }
            patience = value;
            return this;
        }

        /**
         * @param value threads for the matrix products, at least 1
         * @return this builder
         */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + value);
            }
            threads = value;
            return this;
        }

        /**
         * @param value true (default) to end early stopping with the weights of the best held-out epoch, false to
         *        keep the last ones
         * @return this builder
         */
        public Builder restoreBest(boolean value) {
            restoreBest = value;
            return this;
        }

        /**
         * @param value what the held-out data are called in messages ("test", "validation")
         * @return this builder
         */
        public Builder heldOutName(String value) {
            heldOutName = Objects.requireNonNull(value, "heldOutName");
            return this;
        }

        /**
         * @param value a stop rule on a metric (checked after every epoch, in the order added)
         * @return this builder
         */
        public Builder stopWhen(MetricStop value) {
            metricStops.add(Objects.requireNonNull(value, "stop rule"));
            return this;
        }

        /**
         * @param value epochs between checkpoints, 0 for none
         * @return this builder
         */
        public Builder checkpointEvery(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("checkpoint interval must be >= 0, got " + value);
            }
            checkpointEvery = value;
            return this;
        }

        /** @return the configuration */
        public TrainingConfig build() {
            return new TrainingConfig(this);
        }
    }
}

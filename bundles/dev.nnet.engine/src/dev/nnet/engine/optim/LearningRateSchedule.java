package dev.nnet.engine.optim;

/**
 * A per-epoch learning-rate schedule (like PyTorch's schedulers stepped once per epoch).
 * Epochs count from 0: epoch 0 uses the base rate.
 */
public interface LearningRateSchedule {
    /**
     * @param baseRate the optimizer's initial learning rate
     * @param epoch the epoch about to run, from 0
     * @return the learning rate for that epoch
     */
    double learningRate(double baseRate, int epoch);

    /** @return the base rate for every epoch */
    static LearningRateSchedule constant() {
        return (base, epoch) -> base;
    }

    /**
     * {@code StepLR}: {@code base * gamma^floor(epoch / stepSize)}.
     *
     * @param stepSize epochs between decays, positive
     * @param gamma decay factor
     * @return the schedule
     */
    static LearningRateSchedule step(int stepSize, double gamma) {
        if (stepSize <= 0) {
            throw new IllegalArgumentException("step size must be positive, got " + stepSize);
        }
        return (base, epoch) -> base * Math.pow(gamma, epoch / stepSize);
    }

    /**
     * {@code ExponentialLR}: {@code base * gamma^epoch}.
     *
     * @param gamma decay factor
     * @return the schedule
     */
    static LearningRateSchedule exponential(double gamma) {
        return (base, epoch) -> base * Math.pow(gamma, epoch);
    }

    /**
     * {@code CosineAnnealingLR} (closed form): {@code etaMin + (base - etaMin)(1 + cos(pi epoch / tMax)) / 2}.
     *
     * @param tMax half period in epochs, positive
     * @param etaMin minimum learning rate
     * @return the schedule
     */
    static LearningRateSchedule cosine(int tMax, double etaMin) {
        if (tMax <= 0) {
            throw new IllegalArgumentException("tMax must be positive, got " + tMax);
        }
        return (base, epoch) -> etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
    }
}

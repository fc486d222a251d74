package dev.nnet.engine.perceptron;

import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.train.TrainingStatus;

/**
 * Rosenblatt's perceptron: one threshold unit {@code y = a >= 0 ? +1 : -1} with {@code a = w·x + b}, labels ±1.
 * Weights and bias start at zero. Training visits the samples in order; each misclassified sample
 * ({@code y_i a_i <= 0}) immediately updates {@code w <- w + lr y_i x_i}, {@code b <- b + lr y_i}. Training stops
 * CONVERGED after an epoch without a mistake, or NOT_CONVERGED at the epoch cap (e.g. XOR, not linearly separable).
 */
public final class Perceptron {
    /** Rosenblatt's step size. */
    public static final double DEFAULT_LEARNING_RATE = 1.0;

    private final double[] weights;
    private double bias;

    /**
     * @param inputs number of inputs, positive
     */
    public Perceptron(int inputs) {
        if (inputs <= 0) {
            throw new IllegalArgumentException("a perceptron needs at least one input, got " + inputs);
        }
        weights = new double[inputs];
    }

    /**
     * A perceptron with zero weights and a given initial bias ({@code b = -threshold}).
     *
     * @param inputs number of inputs, positive
     * @param initialBias the starting bias
     */
    public Perceptron(int inputs, double initialBias) {
        this(inputs);
        bias = initialBias;
    }

    /**
     * Outcome of {@link #train}.
     *
     * @param status CONVERGED or NOT_CONVERGED
     * @param epochs epochs run (including the final error-free one when converged)
     * @param updates total number of weight updates
     * @param errors misclassified samples in the last epoch
     * @param message human-readable summary
     */
    public record Result(TrainingStatus status, int epochs, int updates, int errors, String message) {
    }

    /** @return a copy of the weights */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the bias */
    public double bias() {
        return bias;
    }

    /**
     * @param x one sample
     * @return {@code w·x + b}
     */
    public double activation(double[] x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("sample has " + x.length + " values, perceptron has " + weights.length
                    + " inputs");
        }
        double a = bias;
        for (int i = 0; i < weights.length; i++) {
            a += weights[i] * x[i];
        }
        return a;
    }

    /**
     * @param x one sample
     * @return +1 if {@code w·x + b >= 0}, else -1: sign(0) = +1, as the {@code sign} activation (a point on the
     *         boundary is predicted +1; training still counts it as a mistake, {@code y·a <= 0})
     */
    public int predict(double[] x) {
        return activation(x) >= 0 ? 1 : -1;
    }

    /**
     * @param samples one row per sample
     * @param labels +1 or -1 per sample
     * @param learningRate step size, positive ({@link #DEFAULT_LEARNING_RATE})
     * @param maxEpochs epoch cap, positive
     * @return the result
     */
    public Result train(double[][] samples, int[] labels, double learningRate, int maxEpochs) {
        if (samples.length != labels.length || samples.length == 0) {
            throw new IllegalArgumentException("need the same positive number of samples and labels, got "
                    + samples.length + " and " + labels.length);
        }
        if (!(learningRate > 0) || maxEpochs <= 0) {
            throw new IllegalArgumentException("learning rate and epoch cap must be positive");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 1 && labels[i] != -1) {
                throw new IllegalArgumentException("perceptron labels must be +1 or -1, sample " + i + " has " + labels[i]);
            }
        }
        int updates = 0;
        int errors = 0;
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            errors = 0;
            for (int i = 0; i < samples.length; i++) {
                int y = labels[i];
                if (y * activation(samples[i]) <= 0) {
                    errors++;
                    updates++;
                    for (int j = 0; j < weights.length; j++) {
                        weights[j] += learningRate * y * samples[i][j];
                    }
                    bias += learningRate * y;
                }
            }
            if (errors == 0) {
                return new Result(TrainingStatus.CONVERGED, epoch, updates, 0,
                        "all samples classified correctly after " + epoch + " epochs (" + updates + " updates)");
            }
        }
        return new Result(TrainingStatus.NOT_CONVERGED, maxEpochs, updates, errors, errors
                + " samples still misclassified after " + maxEpochs + " epochs (the data may not be linearly separable)");
    }

    /**
     * Trains on a data set whose single target column holds ±1 (see {@code TargetEncoding.SIGNED}).
     *
     * @param data the samples
     * @param learningRate step size
     * @param maxEpochs epoch cap
     * @return the result
     */
    public Result train(DataSet data, double learningRate, int maxEpochs) {
        if (data.targetCount() != 1) {
            throw new IllegalArgumentException("perceptron needs one target column of +1/-1, data has " + data.targetCount());
        }
        double[][] x = new double[data.rows()][data.featureCount()];
        int[] y = new int[data.rows()];
        for (int r = 0; r < data.rows(); r++) {
            for (int c = 0; c < data.featureCount(); c++) {
                x[r][c] = data.feature(r, c);
            }
            y[r] = (int) data.target(r, 0);
        }
        return train(x, y, learningRate, maxEpochs);
    }
}

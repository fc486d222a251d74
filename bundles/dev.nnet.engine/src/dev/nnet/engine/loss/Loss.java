package dev.nnet.engine.loss;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.matrix.Matrix;

/**
 * A loss averaged over the batch (PyTorch's default {@code reduction='mean'}). It receives the output layer's
 * pre-activations {@code z} and activations {@code y} so that fused losses (softmax cross-entropy, binary
 * cross-entropy on logits) can work on {@code z} stably; {@link #gradient} returns {@code dL/dz}.
 * Obtain the built-in losses from {@link Losses}.
 */
public abstract class Loss {
    private final String name;

    /**
     * @param name the name used in the DSL
     */
    protected Loss(String name) {
        this.name = name;
    }

    /** @return the name used in the DSL */
    public final String name() {
        return name;
    }

    /**
     * Checks that this loss can train an output layer with this activation and width.
     *
     * @param outputActivation activation of the last layer
     * @param outputs number of output units
     * @throws IllegalArgumentException naming the illegal combination
     */
    public abstract void checkCompatible(Activation outputActivation, int outputs);

    /**
     * @param z output pre-activations (batch × outputs)
     * @param y output activations
     * @param targets targets, same shape
     * @return the mean loss
     */
    public abstract double value(Matrix z, Matrix y, Matrix targets);

    /**
     * Computes {@code dL/dz} of the mean loss for the output layer.
     *
     * @param z output pre-activations
     * @param y output activations
     * @param targets targets
     * @param activation the output activation
     * @param scratch a buffer of the same shape (for {@code dL/dy})
     * @param dz receives the gradient
     */
    public abstract void gradient(Matrix z, Matrix y, Matrix targets, Activation activation, Matrix scratch, Matrix dz);

    /**
     * Computes {@link #value} and {@link #gradient} in one call; fused losses override it to share the work
     * (same results as the two calls).
     *
     * @param z output pre-activations
     * @param y output activations
     * @param targets targets
     * @param activation the output activation
     * @param scratch a buffer of the same shape
     * @param dz receives the gradient
     * @return the mean loss
     */
    public double valueAndGradient(Matrix z, Matrix y, Matrix targets, Activation activation, Matrix scratch,
            Matrix dz) {
        double value = value(z, y, targets);
        gradient(z, y, targets, activation, scratch, dz);
        return value;
    }

    /**
     * Decides whether one sample is classified correctly: with several outputs, the arg-max of the output
     * equals the arg-max of the target; with one output, a loss-specific threshold (see each loss).
     *
     * @param z output pre-activations
     * @param y output activations
     * @param targets targets
     * @param row the sample
     * @return true if correct
     */
    public boolean isCorrect(Matrix z, Matrix y, Matrix targets, int row) {
        int cols = y.cols();
        if (cols > 1) {
            return argMax(y, row) == argMax(targets, row);
        }
        return isCorrectSingle(z.get(row), y.get(row), targets.get(row));
    }

    /**
     * @param z pre-activation of the single output
     * @param y activation of the single output
     * @param target the target
     * @return true if the single-output prediction matches the target's class
     */
    protected abstract boolean isCorrectSingle(double z, double y, double target);

    /**
     * @param m a matrix
     * @param row a row
     * @return the column of the largest element of the row (first on ties)
     */
    public static int argMax(Matrix m, int row) {
        int cols = m.cols();
        int base = row * cols;
        int best = 0;
        double max = m.get(base);
        for (int c = 1; c < cols; c++) {
            double v = m.get(base + c);
            if (v > max) {
                max = v;
                best = c;
            }
        }
        return best;
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

package dev.nnet.engine.optim;

import dev.nnet.engine.matrix.Matrix;

/**
 * RMSProp as {@code torch.optim.RMSprop} (not centered, no momentum):
 * {@code s = alpha s + (1 - alpha) g²; p -= lr g / (sqrt(s) + eps)}.
 */
public final class RmsProp extends Optimizer {
    /** PyTorch's default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** PyTorch's default smoothing constant. */
    public static final double DEFAULT_ALPHA = 0.99;
    /** PyTorch's default epsilon. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double alpha;
    private final double epsilon;

    /**
     * @param learningRate the learning rate
     */
    public RmsProp(double learningRate) {
        this(learningRate, DEFAULT_ALPHA, DEFAULT_EPSILON, 0);
    }

    /**
     * @param learningRate the learning rate
     * @param alpha smoothing constant in [0, 1)
     * @param epsilon added to the denominator
     * @param weightDecay L2 coefficient
     */
    public RmsProp(double learningRate, double alpha, double epsilon, double weightDecay) {
        super("rmsprop", learningRate, weightDecay);
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("rmsprop alpha must be in [0, 1), got " + alpha);
        }
        this.alpha = alpha;
        this.epsilon = epsilon;
    }

    @Override
    protected void update(Matrix p, Matrix g, double[] square, double[] unused) {
        final double lr = learningRate();
        final double a = alpha;
        final double eps = epsilon;
        final int n = p.size();
        for (int i = 0; i < n; i++) {
            double grad = decayed(p, i, g.get(i));
            double s = a * square[i] + (1 - a) * grad * grad;
            square[i] = s;
            p.set(i, p.get(i) - lr * grad / (Math.sqrt(s) + eps));
        }
    }
}

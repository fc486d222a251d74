package dev.nnet.engine.optim;

import dev.nnet.engine.matrix.Matrix;

/**
 * Adam as {@code torch.optim.Adam} (bias-corrected, not AMSGrad): at step t,
 * {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g²;
 * p -= (lr / (1 - b1^t)) m / (sqrt(v) / sqrt(1 - b2^t) + eps)}.
 */
public final class Adam extends Optimizer {
    /** PyTorch's default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** PyTorch's default beta1. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** PyTorch's default beta2. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** PyTorch's default epsilon. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /**
     * @param learningRate the learning rate
     */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, 0);
    }

    /**
     * @param learningRate the learning rate
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param epsilon added to the denominator
     * @param weightDecay L2 coefficient (added to the gradient, not AdamW)
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        super("adam", learningRate, weightDecay);
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    protected void update(Matrix p, Matrix g, double[] m, double[] v) {
        final double b1 = beta1;
        final double b2 = beta2;
        final double eps = epsilon;
        final int t = steps();
        final double stepSize = learningRate() / (1 - Math.pow(b1, t));
        final double sqrtCorrection2 = Math.sqrt(1 - Math.pow(b2, t));
        final int n = p.size();
        for (int i = 0; i < n; i++) {
            double grad = decayed(p, i, g.get(i));
            double mi = b1 * m[i] + (1 - b1) * grad;
            double vi = b2 * v[i] + (1 - b2) * grad * grad;
            m[i] = mi;
            v[i] = vi;
            p.set(i, p.get(i) - stepSize * mi / (Math.sqrt(vi) / sqrtCorrection2 + eps));
        }
    }
}

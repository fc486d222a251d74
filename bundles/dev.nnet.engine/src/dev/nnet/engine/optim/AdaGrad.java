package dev.nnet.engine.optim;

import dev.nnet.engine.matrix.Matrix;

/** AdaGrad as {@code torch.optim.Adagrad}: {@code s += g²; p -= lr g / (sqrt(s) + eps)}. */
public final class AdaGrad extends Optimizer {
    /** PyTorch's default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** PyTorch's default epsilon. */
    public static final double DEFAULT_EPSILON = 1e-10;

    private final double epsilon;

    /**
     * @param learningRate the learning rate
     */
    public AdaGrad(double learningRate) {
        this(learningRate, DEFAULT_EPSILON, 0);
    }

    /**
     * @param learningRate the learning rate
     * @param epsilon added to the denominator
     * @param weightDecay L2 coefficient
     */
    public AdaGrad(double learningRate, double epsilon, double weightDecay) {
        super("adagrad", learningRate, weightDecay);
        this.epsilon = epsilon;
    }

    @Override
    protected void update(Matrix p, Matrix g, double[] sum, double[] unused) {
        final double lr = learningRate();
        final double eps = epsilon;
        final int n = p.size();
        for (int i = 0; i < n; i++) {
            double grad = decayed(p, i, g.get(i));
            double s = sum[i] + grad * grad;
            sum[i] = s;
            p.set(i, p.get(i) - lr * grad / (Math.sqrt(s) + eps));
        }
    }
}

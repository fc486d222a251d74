package dev.nnet.engine.optim;

import dev.nnet.engine.matrix.DoubleMatrix;
import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.Matrix;

/**
 * Stochastic gradient descent as {@code torch.optim.SGD} (dampening 0): with momentum {@code mu},
 * {@code v = mu v + g; p -= lr v}; with Nesterov, {@code p -= lr (g + mu v)}.
 */
public final class Sgd extends Optimizer {
    /** PyTorch's default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    private final double momentum;
    private final boolean nesterov;

    /**
     * Plain SGD: {@code p -= lr g}.
     *
     * @param learningRate the learning rate
     */
    public Sgd(double learningRate) {
        this(learningRate, 0, false, 0);
    }

    /**
     * @param learningRate the learning rate
     * @param momentum momentum coefficient {@code mu} in [0, 1), 0 for none
     * @param nesterov Nesterov momentum (needs momentum &gt; 0)
     * @param weightDecay L2 coefficient
     */
    public Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay) {
        super(nesterov ? "nesterov" : momentum > 0 ? "momentum" : "sgd", learningRate, weightDecay);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs a momentum > 0");
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    /** @return the momentum coefficient */
    public double momentum() {
        return momentum;
    }

    /** @return true for Nesterov momentum */
    public boolean nesterov() {
        return nesterov;
    }

    @Override
    protected void update(Matrix p, Matrix g, double[] velocity, double[] unused) {
        final double lr = learningRate();
        final double mu = momentum;
        final int n = p.size();
        if (mu == 0 && weightDecay() == 0 && p instanceof FloatMatrix && g instanceof FloatMatrix) {
            final float[] pv = ((FloatMatrix) p).data();
            final float[] gv = ((FloatMatrix) g).data();
            for (int i = 0; i < n; i++) {
                pv[i] = (float) (pv[i] - lr * gv[i]);
            }
            return;
        }
        if (mu == 0 && weightDecay() == 0 && p instanceof DoubleMatrix && g instanceof DoubleMatrix) {
            final double[] pv = ((DoubleMatrix) p).data();
            final double[] gv = ((DoubleMatrix) g).data();
            for (int i = 0; i < n; i++) {
                pv[i] = pv[i] - lr * gv[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double grad = decayed(p, i, g.get(i));
            if (mu != 0) {
                double v = mu * velocity[i] + grad;
                velocity[i] = v;
                grad = nesterov ? grad + mu * v : v;
            }
            p.set(i, p.get(i) - lr * grad);
        }
    }
}

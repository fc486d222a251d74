package dev.nnet.engine.loss;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.matrix.Matrix;

/** Fused binary cross-entropy on logits (see {@link Losses#binaryCrossEntropy()}). */
final class BinaryCrossEntropy extends Loss {
    static final BinaryCrossEntropy INSTANCE = new BinaryCrossEntropy();

    private BinaryCrossEntropy() {
        super("binary_cross_entropy");
    }

    @Override
    public void checkCompatible(Activation outputActivation, int outputs) {
        String problem = LossRules.engineProblem(name(), outputActivation.name(), outputs);
        require(problem == null, problem);
    }

    @Override
    public double value(Matrix z, Matrix y, Matrix targets) {
        int n = z.size();
        double total = 0;
        for (int i = 0; i < n; i++) {
            double zi = z.get(i);
            total += Math.max(zi, 0) - zi * targets.get(i) + Math.log1p(Math.exp(-Math.abs(zi)));
        }
        return total / n;
    }

    @Override
    public void gradient(Matrix z, Matrix y, Matrix targets, Activation activation, Matrix scratch, Matrix dz) {
        int n = z.size();
        double scale = 1.0 / n;
        for (int i = 0; i < n; i++) {
            double zi = z.get(i);
            double s = zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
            dz.set(i, scale * (s - targets.get(i)));
        }
    }

    @Override
    public boolean isCorrect(Matrix z, Matrix y, Matrix targets, int row) {
        if (z.cols() > 1) {
            return argMax(z, row) == argMax(targets, row);
        }
        return isCorrectSingle(z.get(row), y.get(row), targets.get(row));
    }

    @Override
    protected boolean isCorrectSingle(double z, double y, double target) {
        return (z >= 0) == (target >= 0.5);
    }
}

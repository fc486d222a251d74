package dev.nnet.engine.loss;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.Matrix;

/** Fused softmax cross-entropy on logits (see {@link Losses#softmaxCrossEntropy()}). */
final class SoftmaxCrossEntropy extends Loss {
    static final SoftmaxCrossEntropy INSTANCE = new SoftmaxCrossEntropy();

    private SoftmaxCrossEntropy() {
        super("cross_entropy");
    }

    @Override
    public void checkCompatible(Activation outputActivation, int outputs) {
        String problem = LossRules.engineProblem(name(), outputActivation.name(), outputs);
        require(problem == null, problem);
    }

    private static double logSumExp(Matrix z, int base, int cols) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < cols; c++) {
            max = Math.max(max, z.get(base + c));
        }
        double sum = 0;
        for (int c = 0; c < cols; c++) {
            sum += Math.exp(z.get(base + c) - max);
        }
        return max + Math.log(sum);
    }

    @Override
    public double value(Matrix z, Matrix y, Matrix targets) {
        int rows = z.rows();
        int cols = z.cols();
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double lse = logSumExp(z, base, cols);
            for (int c = 0; c < cols; c++) {
                double t = targets.get(base + c);
                if (t != 0) {
                    total += t * (lse - z.get(base + c));
                }
            }
        }
        return total / rows;
    }

    @Override
    public void gradient(Matrix z, Matrix y, Matrix targets, Activation activation, Matrix scratch, Matrix dz) {
        int rows = z.rows();
        int cols = z.cols();
        double scale = 1.0 / rows;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double lse = logSumExp(z, base, cols);
            double targetSum = 0;
            for (int c = 0; c < cols; c++) {
                targetSum += targets.get(base + c);
            }
            for (int c = 0; c < cols; c++) {
                double p = Math.exp(z.get(base + c) - lse);
                dz.set(base + c, scale * (p * targetSum - targets.get(base + c)));
            }
        }
    }

    /** One pass per row for float32: each exponential once (kept in dz until the sum is known), loss and gradient together. */
    @Override
    public double valueAndGradient(Matrix z, Matrix y, Matrix targets, Activation activation, Matrix scratch,
            Matrix dz) {
        if (!(z instanceof FloatMatrix && targets instanceof FloatMatrix && dz instanceof FloatMatrix)) {
            return super.valueAndGradient(z, y, targets, activation, scratch, dz);
        }
        final float[] zv = ((FloatMatrix) z).data();
        final float[] tv = ((FloatMatrix) targets).data();
        final float[] out = ((FloatMatrix) dz).data();
        final int rows = z.rows();
        final int cols = z.cols();
        final double scale = 1.0 / rows;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            final int base = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, zv[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                final double e = Math.exp(zv[base + c] - max);
                sum += e;
                out[base + c] = (float) e;
            }
            final double lse = max + Math.log(sum);
            final double inverse = 1 / sum;
            double targetSum = 0;
            for (int c = 0; c < cols; c++) {
                final double t = tv[base + c];
                if (t != 0) {
                    total += t * (lse - zv[base + c]);
                }
                targetSum += t;
            }
            for (int c = 0; c < cols; c++) {
                final double p = out[base + c] * inverse;
                out[base + c] = (float) (scale * (p * targetSum - tv[base + c]));
            }
        }
        return total / rows;
    }

    @Override
    public boolean isCorrect(Matrix z, Matrix y, Matrix targets, int row) {
        return argMax(z, row) == argMax(targets, row);
    }

    @Override
    protected boolean isCorrectSingle(double z, double y, double target) {
        throw new IllegalStateException("cross_entropy needs at least 2 outputs");
    }
}

package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch normalization as {@code torch.nn.BatchNorm1d} (vectors: per feature) and {@code BatchNorm2d} (images: per
 * channel over the batch and all positions): {@code y = gamma · (x - mean) / sqrt(var + eps) + beta}. In training
 * mean and (biased) variance come from the batch and the running statistics move towards them,
 * {@code running = (1 - momentum) · running + momentum · batch} (the unbiased variance); in evaluation the running
 * statistics are used.
 */
public final class BatchNormLayer extends Layer {
    /** The type name in model files and the language. */
    public static final String TYPE = "batch_norm";

    private final double momentum;
    private final double eps;
    private final int features;
    private final int spatial;
    private final Matrix gamma;
    private final Matrix beta;
    private final Matrix runningMean;
    private final Matrix runningVar;
    private final List<Parameter> parameters;
    private final List<Parameter> state;
    private final double[] mean;
    private final double[] invStd;
    private final double[] sumDy;
    private final double[] sumDyXhat;
    private boolean lastTraining;

    /** Buffers with the normalised inputs of the last pass. */
    private static final class Buffers extends LayerBuffers {
        final Matrix xhat;

        Buffers(Precision precision, int rows, int outputs) {
            super(precision, rows, outputs, false);
            xhat = Matrix.zeros(precision, rows, outputs);
        }
    }

    BatchNormLayer(String name, Shape shape, double momentum, double eps, Precision precision) {
        super(name, shape, shape);
        this.momentum = momentum;
        this.eps = eps;
        this.features = shape.features();
        this.spatial = shape.spatial();
        gamma = Matrix.zeros(precision, 1, features);
        gamma.fill(1);
        beta = Matrix.zeros(precision, 1, features);
        runningMean = Matrix.zeros(precision, 1, features);
        runningVar = Matrix.zeros(precision, 1, features);
        runningVar.fill(1);
        parameters = List.of(new Parameter(name, "gamma", gamma, true),
                new Parameter(name, "beta", beta, true));
        state = List.of(new Parameter(name, "running_mean", runningMean, false),
                new Parameter(name, "running_var", runningVar, false));
        mean = new double[features];
        invStd = new double[features];
        sumDy = new double[features];
        sumDyXhat = new double[features];
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Double> settings() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("momentum", momentum);
        m.put("eps", eps);
        return m;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public List<Parameter> state() {
        return state;
    }

    @Override
    public LayerBuffers buffers(Precision precision, int rows) {
        return new Buffers(precision, rows, outputShape().size());
    }

    @Override
    public void forward(Kernels k, Matrix x, LayerBuffers b, boolean training) {
        final int rows = x.rows();
        final int cols = x.cols();
        final Matrix xhat = ((Buffers) b).xhat;
        lastTraining = training;
        if (training) {
            batchStatistics(x, rows, cols);
        } else {
            for (int f = 0; f < features; f++) {
                mean[f] = runningMean.get(f);
                invStd[f] = 1 / Math.sqrt(runningVar.get(f) + eps);
            }
        }
        final Matrix y = b.y;
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                final double m = mean[f];
                final double s = invStd[f];
                final double g = gamma.get(f);
                final double be = beta.get(f);
                final int base = r * cols + f * spatial;
                for (int i = base; i < base + spatial; i++) {
                    final double h = (x.get(i) - m) * s;
                    xhat.set(i, h);
                    y.set(i, g * h + be);
                }
            }
        }
    }

    /** Batch mean and biased variance (two passes, in double) into mean/invStd; updates the running statistics. */
    private void batchStatistics(Matrix x, int rows, int cols) {
        final double n = (double) rows * spatial;
        java.util.Arrays.fill(mean, 0);
        java.util.Arrays.fill(invStd, 0);
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                final int base = r * cols + f * spatial;
                for (int i = base; i < base + spatial; i++) {
                    mean[f] += x.get(i);
                }
            }
        }
        for (int f = 0; f < features; f++) {
            mean[f] /= n;
        }
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                final int base = r * cols + f * spatial;
                final double m = mean[f];
                for (int i = base; i < base + spatial; i++) {
                    final double d = x.get(i) - m;
                    invStd[f] += d * d;
                }
            }
        }
        for (int f = 0; f < features; f++) {
            final double var = invStd[f] / n;
            final double unbiased = n > 1 ? invStd[f] / (n - 1) : var;
            runningMean.set(f, (1 - momentum) * runningMean.get(f) + momentum * mean[f]);
            runningVar.set(f, (1 - momentum) * runningVar.get(f) + momentum * unbiased);
            invStd[f] = 1 / Math.sqrt(var + eps);
        }
    }

    /**
     * dgamma = Σ dy·xhat, dbeta = Σ dy; in training
     * {@code dx = gamma·invStd/n · (n·dy - Σdy - xhat·Σ dy·xhat)}, in evaluation {@code dx = gamma·invStd·dy}.
     */
    @Override
    public void backward(Kernels k, Matrix x, LayerBuffers b, Matrix dx) {
        final int rows = x.rows();
        final int cols = x.cols();
        final Matrix xhat = ((Buffers) b).xhat;
        final Matrix dy = b.dy();
        java.util.Arrays.fill(sumDy, 0);
        java.util.Arrays.fill(sumDyXhat, 0);
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                final int base = r * cols + f * spatial;
                for (int i = base; i < base + spatial; i++) {
                    final double g = dy.get(i);
                    sumDy[f] += g;
                    sumDyXhat[f] += g * xhat.get(i);
                }
            }
        }
        final Matrix gammaGradient = parameters.get(0).gradient();
        final Matrix betaGradient = parameters.get(1).gradient();
        for (int f = 0; f < features; f++) {
            gammaGradient.set(f, sumDyXhat[f]);
            betaGradient.set(f, sumDy[f]);
        }
        if (dx == null) {
            return;
        }
        final double n = (double) rows * spatial;
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                final double scale = gamma.get(f) * invStd[f];
                final double meanDy = lastTraining ? sumDy[f] / n : 0;
                final double meanDyXhat = lastTraining ? sumDyXhat[f] / n : 0;
                final int base = r * cols + f * spatial;
                for (int i = base; i < base + spatial; i++) {
                    dx.set(i, scale * (dy.get(i) - meanDy - xhat.get(i) * meanDyXhat));
                }
            }
        }
    }
}

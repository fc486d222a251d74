package dev.nnet.engine;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.activation.FloatFunctions;
import dev.nnet.engine.matrix.DoubleMatrix;
import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.ParallelFor;

/**
 * Tight loops over the flat arrays for the element-wise steps of a dense layer: fused bias add + activation
 * forward, activation backward and bias gradient. They handle the built-in identity, relu, sigmoid and tanh
 * (and the float32 bias + softmax forward; the derivative of sigmoid and tanh comes from the stored output instead of a second exp/tanh) and return
 * false for anything else, so the caller falls back to the generic {@link Activation} methods. Float32 tanh is
 * {@link FloatFunctions#tanh(float[], int, float[], int)} (vectorised, the same bits with and without the Vector API).
 */
final class LayerKernels {
    private static final int IDENTITY = 0;
    private static final int RELU = 1;
    private static final int SIGMOID = 2;
    private static final int TANH = 3;
    /** Row-wise: only the float32 bias + softmax step of the forward is fused; backward is the generic one. */
    private static final int SOFTMAX = 4;
    private static final int OTHER = -1;

    /** The Vector API ReLU steps, or null when jdk.incubator.vector is absent (the scalar loops run). */
    private static final FloatRelu FLOAT_RELU = loadFloatRelu();

    private LayerKernels() {
    }

    /** Float32 ReLU forward (with the bias add) and backward; implemented on the Vector API. */
    interface FloatRelu {
        void biasRelu(float[] z, float[] b, float[] y, int rows, int units);

        void reluBackward(float[] z, float[] g, float[] out, int n);
    }

    /**
     * Float32 {@code c = a·wᵀ} for a layer of few units on the Vector API ({@code NarrowVectorKernel}); one instance
     * per layer (it keeps a scratch block).
     */
    interface FloatNarrow {
        /** @return the widest layer it takes */
        int maxUnits();

        /** @return false if the shape is not one it takes (the caller then runs the general product) */
        boolean multiplyABt(float[] a, float[] w, float[] c, int m, int n, int k);
    }

    /**
     * Float32 {@code z = a·wᵀ + b} and, if {@code relu}, {@code y = max(z, 0)} for a dense layer with a short inner
     * dimension, on the Vector API ({@code DenseVectorKernel}); one instance per layer (it keeps W packed).
     */
    interface FloatDense {
        /** @return false if the shape is not one it takes (the caller then runs the general product) */
        boolean takes(int m, int n, int k);

        void forward(ParallelFor parallel, boolean threaded, float[] a, float[] w, float[] b, float[] z, float[] y, int m,
                int n, int k, boolean relu);
    }

    /** Multiply-adds from which the general product splits over threads (MatMul's threshold). */
    private static final long PARALLEL_THRESHOLD = 1L << 19;

    /** @return a new narrow-product kernel, or null when jdk.incubator.vector is absent or the layer is wide */
    static FloatNarrow newFloatNarrow(int units) {
        if (FLOAT_RELU == null) {
            return null;
        }
        try {
            FloatNarrow narrow = (FloatNarrow) Class.forName("dev.nnet.engine.NarrowVectorKernel").getDeclaredConstructor()
                    .newInstance();
            return units <= narrow.maxUnits() ? narrow : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /**
     * @return a new dense-layer kernel for a float32 layer wider than the narrow kernel takes, or null when
     *         jdk.incubator.vector is absent or the narrow kernel is used
     */
    static FloatDense newFloatDense(int units, FloatNarrow narrow) {
        if (FLOAT_RELU == null || narrow != null && units <= narrow.maxUnits()) {
            return null;
        }
        try {
            return (FloatDense) Class.forName("dev.nnet.engine.DenseVectorKernel").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /**
     * {@code z = x·wᵀ + b} through the dense kernel, then {@code y = f(z)} for the built-in activations (ReLU in the
     * kernel's pass over each tile); the rows split over threads as the general product's would. Evaluation mode only,
     * any batch size (batch 1 too: the GEMM-free batch-1 path reads W through gathers, four times slower on AMD Zen 4
     * than the packed copy): in training W changes at every step and repacking it cost more than the GEMM's packing
     * (W4 about 5% slower at 1 thread), so training keeps the GEMM, which gives the same bits.
     *
     * @return 0 if the caller must run the general product and the bias + activation step, 1 if done, 2 if z is done and
     *         the caller must apply its (not built-in) activation to it
     */
    static int denseForward(FloatDense dense, int code, ParallelFor parallel, boolean training, Matrix x, Matrix w, Matrix b,
            Matrix z, Matrix y) {
        if (dense == null || training || !(x instanceof FloatMatrix) || x.cols() != w.cols()
                || z.rows() != x.rows() || z.cols() != w.rows() || !dense.takes(x.rows(), w.rows(), x.cols())) {
            return 0;
        }
        final int m = x.rows();
        final int n = w.rows();
        final int k = x.cols();
        final float[] zv = ((FloatMatrix) z).data();
        final float[] yv = ((FloatMatrix) y).data();
        dense.forward(parallel, parallel.threads() > 1 && (long) m * n * k >= PARALLEL_THRESHOLD,
                ((FloatMatrix) x).data(), ((FloatMatrix) w).data(), ((FloatMatrix) b).data(), zv, yv, m, n, k,
                code == RELU);
        if (code == RELU || code == OTHER || code == SOFTMAX) {
            return code == RELU ? 1 : 2;
        }
        activate(code, zv, yv, m * n);
        return 1;
    }

    /**
     * {@code z = x·wᵀ} through the narrow kernel when it takes the shape and the product would run on one thread
     * anyway.
     *
     * @return false if the caller must run the general product
     */
    static boolean narrowProduct(FloatNarrow narrow, int threads, Matrix x, Matrix w, Matrix z) {
        if (narrow == null || !(x instanceof FloatMatrix) || x.cols() != w.cols() || z.rows() != x.rows()
                || z.cols() != w.rows()) {
            return false;
        }
        if (threads > 1 && (long) x.rows() * x.cols() * w.rows() >= PARALLEL_THRESHOLD) {
            return false;
        }
        return narrow.multiplyABt(((FloatMatrix) x).data(), ((FloatMatrix) w).data(), ((FloatMatrix) z).data(), x.rows(),
                w.rows(), x.cols());
    }

    private static FloatRelu loadFloatRelu() {
        if (!dev.nnet.engine.matrix.VectorSupport.enabled()) {
            return null;
        }
        try {
            return (FloatRelu) Class.forName("dev.nnet.engine.ReluVectorKernel").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** @return the code of a built-in activation this class handles, or {@code OTHER} */
    static int code(Activation a) {
        if (a == Activations.identity()) {
            return IDENTITY;
        }
        if (a == Activations.relu()) {
            return RELU;
        }
        if (a == Activations.sigmoid()) {
            return SIGMOID;
        }
        if (a == Activations.tanh()) {
            return TANH;
        }
        if (a == Activations.softmax()) {
            return SOFTMAX;
        }
        return OTHER;
    }

    /** {@code z += bias} (per row), {@code y = f(z)}; false if the activation is not handled. */
    static boolean biasActivation(int code, Matrix z, Matrix bias, Matrix y) {
        if (code == OTHER) {
            return false;
        }
        if (code == SOFTMAX) {
            return z instanceof FloatMatrix && y instanceof FloatMatrix && FloatFunctions.biasSoftmax(
                    ((FloatMatrix) z).data(), ((FloatMatrix) bias).data(), ((FloatMatrix) y).data(), z.rows(), z.cols());
        }
        if (z instanceof FloatMatrix) {
            biasActivation(code, ((FloatMatrix) z).data(), ((FloatMatrix) bias).data(), ((FloatMatrix) y).data(),
                    z.rows(), z.cols());
        } else {
            biasActivation(code, ((DoubleMatrix) z).data(), ((DoubleMatrix) bias).data(), ((DoubleMatrix) y).data(),
                    z.rows(), z.cols());
        }
        return true;
    }

    private static void biasActivation(int code, float[] z, float[] b, float[] y, int rows, int units) {
        if (code == RELU && FLOAT_RELU != null) {
            FLOAT_RELU.biasRelu(z, b, y, rows, units);
            return;
        }
        for (int r = 0; r < rows; r++) {
            final int base = r * units;
            for (int u = 0; u < units; u++) {
                z[base + u] += b[u];
            }
        }
        activate(code, z, y, rows * units);
    }

    /** {@code y = f(z)} for the first n values, f a built-in activation (not OTHER). */
    private static void activate(int code, float[] z, float[] y, int n) {
        switch (code) {
            case RELU:
                for (int i = 0; i < n; i++) {
                    y[i] = z[i] > 0 ? z[i] : 0;
                }
                break;
            case SIGMOID:
                for (int i = 0; i < n; i++) {
                    y[i] = (float) sigmoid(z[i]);
                }
                break;
            case TANH:
                FloatFunctions.tanh(z, 0, y, n);
                break;
            default: System.arraycopy(z, 0, y, 0, n);
        }
    }

    private static void biasActivation(int code, double[] z, double[] b, double[] y, int rows, int units) {
        for (int r = 0; r < rows; r++) {
            final int base = r * units;
            for (int u = 0; u < units; u++) {
                final double v = z[base + u] + b[u];
                z[base + u] = v;
                switch (code) {
                    case RELU: y[base + u] = v > 0 ? v : 0; break;
                    case SIGMOID: y[base + u] = sigmoid(v); break;
                    case TANH: y[base + u] = Math.tanh(v); break;
                    default: y[base + u] = v;
                }
            }
        }
    }

    /** {@code dz = dy · f'(z)}; false if the activation is not handled. */
    static boolean activationBackward(int code, Matrix z, Matrix y, Matrix dy, Matrix dz) {
        if (code == OTHER || code == SOFTMAX) {
            return false;
        }
        final int n = z.size();
        if (z instanceof FloatMatrix) {
            float[] zv = ((FloatMatrix) z).data();
            float[] yv = ((FloatMatrix) y).data();
            float[] g = ((FloatMatrix) dy).data();
            float[] out = ((FloatMatrix) dz).data();
            if (code == RELU && FLOAT_RELU != null) {
                FLOAT_RELU.reluBackward(zv, g, out, n);
                return true;
            }
            switch (code) {
                case RELU: for (int i = 0; i < n; i++) { out[i] = zv[i] > 0 ? g[i] : 0; } break;
                case SIGMOID: for (int i = 0; i < n; i++) { out[i] = (float) (g[i] * (yv[i] * (1.0 - yv[i]))); } break;
                case TANH: for (int i = 0; i < n; i++) { out[i] = (float) (g[i] * (1.0 - (double) yv[i] * yv[i])); } break;
                default: System.arraycopy(g, 0, out, 0, n);
            }
        } else {
            double[] zv = ((DoubleMatrix) z).data();
            double[] yv = ((DoubleMatrix) y).data();
            double[] g = ((DoubleMatrix) dy).data();
            double[] out = ((DoubleMatrix) dz).data();
            switch (code) {
                case RELU: for (int i = 0; i < n; i++) { out[i] = zv[i] > 0 ? g[i] : 0; } break;
                case SIGMOID: for (int i = 0; i < n; i++) { out[i] = g[i] * (yv[i] * (1 - yv[i])); } break;
                case TANH: for (int i = 0; i < n; i++) { out[i] = g[i] * (1 - yv[i] * yv[i]); } break;
                default: System.arraycopy(g, 0, out, 0, n);
            }
        }
        return true;
    }

    /** {@code db = column sums of dz}, summed in double row by row (the order of the generic code). */
    static void biasGradient(Matrix dz, Matrix db, double[] sums) {
        final int rows = dz.rows();
        final int units = dz.cols();
        java.util.Arrays.fill(sums, 0, units, 0);
        if (dz instanceof FloatMatrix) {
            final float[] g = ((FloatMatrix) dz).data();
            for (int r = 0; r < rows; r++) {
                final int base = r * units;
                for (int u = 0; u < units; u++) {
                    sums[u] += g[base + u];
                }
            }
            final float[] out = ((FloatMatrix) db).data();
            for (int u = 0; u < units; u++) {
                out[u] = (float) sums[u];
            }
        } else {
            final double[] g = ((DoubleMatrix) dz).data();
            for (int r = 0; r < rows; r++) {
                final int base = r * units;
                for (int u = 0; u < units; u++) {
                    sums[u] += g[base + u];
                }
            }
            System.arraycopy(sums, 0, ((DoubleMatrix) db).data(), 0, units);
        }
    }

    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}

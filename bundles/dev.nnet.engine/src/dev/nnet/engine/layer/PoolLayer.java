package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.ParallelFor;
import dev.nnet.engine.matrix.Precision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Max or average pooling over {@code size × size} windows per channel, no padding. Max pooling remembers the
 * first maximum of each window (row-major, PyTorch's choice on ties) and sends the gradient there; average pooling
 * spreads it evenly. Overlapping windows (stride below size) add their gradients.
 */
public final class PoolLayer extends Layer {
    private final PoolSpec.Kind kind;
    private final int size;
    private final int stride;
    private final int window;
    private final int[] patches;

    /**
     * Buffers with the offset (within the sample) of each output's maximum; for float32 max pooling also the
     * forward and backward passes over a range of samples, which the worker threads split (each writes only its
     * samples' values, so the result does not depend on the thread count).
     */
    private final class Buffers extends LayerBuffers implements ParallelFor.RangeTask {
        final int[] argmax;
        private float[] x;
        private float[] dx;
        private int inSize;
        private boolean backwardPass;

        Buffers(Precision precision, int rows, int outputs, boolean max) {
            super(precision, rows, outputs, false);
            argmax = max ? new int[rows * outputs] : null;
        }

        void run(ParallelFor parallel, boolean backwardPass, float[] x, float[] dx, int inSize) {
            this.backwardPass = backwardPass;
            this.x = x;
            this.dx = dx;
            this.inSize = inSize;
            final long values = (long) rows * (backwardPass ? inSize : y.cols() * window);
            parallel.run(this, rows, values >= SamplePasses.MIN_PARALLEL);
        }

        @Override
        public void run(int from, int to) {
            final int outSize = y.cols();
            if (backwardPass) {
                maxBackward(((FloatMatrix) dy()).data(), dx, argmax, inSize, outSize, from, to);
            } else {
                maxForward(x, ((FloatMatrix) y).data(), argmax, inSize, outSize, from, to);
            }
        }
    }

    PoolLayer(String name, Shape input, Shape output, PoolSpec.Kind kind, int size, int stride) {
        super(name, input, output);
        this.kind = kind;
        this.size = size;
        this.stride = stride;
        this.window = size * size;
        this.patches = Patches.pooling(input, size, stride, output.height(), output.width());
    }

    @Override
    public String type() {
        return kind.type();
    }

    /** @return max or average */
    public PoolSpec.Kind kind() {
        return kind;
    }

    /** @return the window size */
    public int size() {
        return size;
    }

    /** @return the stride */
    public int stride() {
        return stride;
    }

    @Override
    public Map<String, Double> settings() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("size", (double) size);
        m.put("stride", (double) stride);
        return m;
    }

    @Override
    public LayerBuffers buffers(Precision precision, int rows) {
        return new Buffers(precision, rows, outputShape().size(), kind == PoolSpec.Kind.MAX);
    }

    @Override
    public void forward(Kernels k, Matrix x, LayerBuffers b, boolean training) {
        final int rows = x.rows();
        final int inSize = x.cols();
        final int outSize = b.y.cols();
        final Matrix y = b.y;
        final int[] argmax = ((Buffers) b).argmax;
        final int[] idx = patches;
        if (argmax != null && x instanceof FloatMatrix) {
            ((Buffers) b).run(k.parallel, false, ((FloatMatrix) x).data(), null, inSize);
            return;
        }
        for (int n = 0; n < rows; n++) {
            final int src = n * inSize;
            for (int o = 0; o < outSize; o++) {
                final int w0 = o * window;
                if (argmax != null) {
                    int best = idx[w0];
                    double max = x.get(src + best);
                    for (int w = 1; w < window; w++) {
                        final double v = x.get(src + idx[w0 + w]);
                        if (v > max) {
                            max = v;
                            best = idx[w0 + w];
                        }
                    }
                    argmax[n * outSize + o] = best;
                    y.set(n * outSize + o, max);
                } else {
                    double sum = 0;
                    for (int w = 0; w < window; w++) {
                        sum += x.get(src + idx[w0 + w]);
                    }
                    y.set(n * outSize + o, sum / window);
                }
            }
        }
    }

    /** Max pooling on float32 arrays for samples {@code [n0, n1)} (the same loop as the generic one). */
    private void maxForward(float[] x, float[] y, int[] argmax, int inSize, int outSize, int n0, int n1) {
        final int[] idx = patches;
        final int window = this.window;
        for (int n = n0; n < n1; n++) {
            final int src = n * inSize;
            final int dst = n * outSize;
            for (int o = 0; o < outSize; o++) {
                final int w0 = o * window;
                int best = idx[w0];
                float max = x[src + best];
                for (int w = 1; w < window; w++) {
                    final int i = idx[w0 + w];
                    final float v = x[src + i];
                    final boolean greater = v > max; // selects, not branches: ties and data are unpredictable
                    max = greater ? v : max;
                    best = greater ? i : best;
                }
                argmax[dst + o] = best;
                y[dst + o] = max;
            }
        }
    }

    @Override
    public void backward(Kernels k, Matrix x, LayerBuffers b, Matrix dx) {
        if (dx == null) {
            return;
        }
        final int rows = x.rows();
        final int inSize = x.cols();
        final int outSize = b.dy().cols();
        final Matrix dy = b.dy();
        final int[] argmax = ((Buffers) b).argmax;
        final int[] idx = patches;
        if (argmax != null && dx instanceof FloatMatrix) {
            ((Buffers) b).run(k.parallel, true, null, ((FloatMatrix) dx).data(), inSize);
            return;
        }
        dx.fill(0);
        for (int n = 0; n < rows; n++) {
            final int dst = n * inSize;
            for (int o = 0; o < outSize; o++) {
                final double g = dy.get(n * outSize + o);
                if (argmax != null) {
                    final int i = dst + argmax[n * outSize + o];
                    dx.set(i, dx.get(i) + g);
                } else {
                    final double share = g / window;
                    final int w0 = o * window;
                    for (int w = 0; w < window; w++) {
                        final int i = dst + idx[w0 + w];
                        dx.set(i, dx.get(i) + share);
                    }
                }
            }
        }
    }

    /** The max-pooling gradient on float32 arrays for samples {@code [n0, n1)}: their rows of dx are cleared first. */
    private static void maxBackward(float[] g, float[] d, int[] argmax, int inSize, int outSize, int n0, int n1) {
        java.util.Arrays.fill(d, n0 * inSize, n1 * inSize, 0f);
        for (int n = n0; n < n1; n++) {
            for (int o = 0; o < outSize; o++) {
                d[n * inSize + argmax[n * outSize + o]] += g[n * outSize + o];
            }
        }
    }
}

package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.Matrix;

/**
 * Index tables of image windows, built once per layer: offsets, within one C×H×W sample, of the values each
 * output window covers (-1 where it covers padding). Convolution uses them for im2col (gather) and col2im (scatter-add), pooling for its
 * windows. The loops run on {@link Matrix#get}/{@link Matrix#set} for every precision, and on the flat float32 arrays
 * over a range of samples (the training default; {@link SamplePasses} runs them on the worker threads).
 */
final class Patches {
    private Patches() {
    }

    /**
     * Windows of a convolution, stored value-major: entry {@code [kk·P + p]} is the input offset of value
     * {@code kk} (weight order [c][kh][kw]) of output position {@code p = oy·ow + ox}, or -1 on padding.
     */
    static int[] convolution(Shape in, int kernel, int stride, int pad, int oh, int ow) {
        final int c = in.channels();
        final int h = in.height();
        final int w = in.width();
        final int positions = oh * ow;
        final int[] idx = new int[c * kernel * kernel * positions];
        int j = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    for (int oy = 0; oy < oh; oy++) {
                        final int iy = oy * stride - pad + ky;
                        for (int ox = 0; ox < ow; ox++) {
                            final int ix = ox * stride - pad + kx;
                            idx[j++] = iy < 0 || iy >= h || ix < 0 || ix >= w ? -1 : (ch * h + iy) * w + ix;
                        }
                    }
                }
            }
        }
        return idx;
    }

    /** Windows of pooling: one per output value {@code (c, oy, ox)} (NCHW order), each {@code size·size} values. */
    static int[] pooling(Shape in, int size, int stride, int oh, int ow) {
        final int h = in.height();
        final int w = in.width();
        final int[] idx = new int[in.channels() * oh * ow * size * size];
        int j = 0;
        for (int ch = 0; ch < in.channels(); ch++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int ky = 0; ky < size; ky++) {
                        for (int kx = 0; kx < size; kx++) {
                            idx[j++] = (ch * h + oy * stride + ky) * w + ox * stride + kx;
                        }
                    }
                }
            }
        }
        return idx;
    }

    /**
     * im2col: {@code col} is {@code C·k·k × batch·P}; column {@code n·P + p} holds window {@code p} of sample
     * {@code n} of {@code x} (zeros for padding).
     */
    static void gather(Matrix x, int[] idx, int positions, Matrix col) {
        final int rows = x.rows();
        final int inSize = x.cols();
        final int window = idx.length / positions;
        final int width = col.cols();
        for (int kk = 0; kk < window; kk++) {
            final int t = kk * positions;
            for (int n = 0; n < rows; n++) {
                final int src = n * inSize;
                final int dst = kk * width + n * positions;
                for (int p = 0; p < positions; p++) {
                    final int i = idx[t + p];
                    col.set(dst + p, i < 0 ? 0 : x.get(src + i));
                }
            }
        }
    }

    /** col2im: {@code dx} = the sum over windows of {@code dcol} (laid out as by {@link #gather}) at their offsets. */
    static void scatterAdd(Matrix dcol, int[] idx, int positions, Matrix dx) {
        final int rows = dx.rows();
        final int inSize = dx.cols();
        final int window = idx.length / positions;
        final int width = dcol.cols();
        dx.fill(0);
        for (int kk = 0; kk < window; kk++) {
            final int t = kk * positions;
            for (int n = 0; n < rows; n++) {
                final int dst = n * inSize;
                final int src = kk * width + n * positions;
                for (int p = 0; p < positions; p++) {
                    final int i = idx[t + p];
                    if (i >= 0) {
                        dx.set(dst + i, dx.get(dst + i) + dcol.get(src + p));
                    }
                }
            }
        }
    }

    /** {@link #gather} on float32 arrays for samples {@code [n0, n1)} (each writes only its own columns). */
    static void gatherRows(float[] xv, int inSize, int[] idx, int positions, float[] cv, int width, int n0, int n1) {
        final int window = idx.length / positions;
        for (int kk = 0; kk < window; kk++) {
            final int t = kk * positions;
            for (int n = n0; n < n1; n++) {
                final int src = n * inSize;
                final int dst = kk * width + n * positions;
                for (int p = 0; p < positions; p++) {
                    final int i = idx[t + p];
                    cv[dst + p] = i < 0 ? 0f : xv[src + i];
                }
            }
        }
    }

    /**
     * {@link #scatterAdd} on float32 arrays for samples {@code [n0, n1)}: clears their rows of {@code dv}, then adds
     * in the order of the whole-batch loop (window value, then position), so a split over samples changes no sum.
     */
    static void scatterAddRows(float[] cv, int width, int[] idx, int positions, float[] dv, int inSize, int n0,
            int n1) {
        final int window = idx.length / positions;
        java.util.Arrays.fill(dv, n0 * inSize, n1 * inSize, 0f);
        for (int kk = 0; kk < window; kk++) {
            final int t = kk * positions;
            for (int n = n0; n < n1; n++) {
                final int dst = n * inSize;
                final int src = kk * width + n * positions;
                for (int p = 0; p < positions; p++) {
                    final int i = idx[t + p];
                    if (i >= 0) {
                        dv[dst + i] += cv[src + p];
                    }
                }
            }
        }
    }
}

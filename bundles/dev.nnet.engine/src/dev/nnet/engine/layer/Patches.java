package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.Matrix;

/**
 * Index tables of image windows, built once per layer: entry {@code [o·window + w]} is the offset, within one
 * C×H×W sample, of the {@code w}-th value of output window {@code o} (row-major inside the window), or -1 where
 * the window covers padding. Convolution uses them for im2col (gather) and col2im (scatter-add), pooling for its
 * windows; both precisions share the loops.
 */
final class Patches {
    private Patches() {
    }

    /**
     * Windows of a convolution: one per output position {@code (oy, ox)}, each with the {@code C·k·k} values in the
     * weight order [c][kh][kw].
     */
    static int[] convolution(Shape in, int kernel, int stride, int pad, int oh, int ow) {
        final int c = in.channels();
        final int h = in.height();
        final int w = in.width();
        final int window = c * kernel * kernel;
        final int[] idx = new int[oh * ow * window];
        int j = 0;
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int ky = 0; ky < kernel; ky++) {
                        final int iy = oy * stride - pad + ky;
                        for (int kx = 0; kx < kernel; kx++) {
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
     * im2col: row {@code n·P + p} of {@code col} receives window {@code p} of sample {@code n} of {@code x}
     * (zeros for padding), for samples {@code [from, to)}.
     */
    static void gather(Matrix x, int[] idx, Matrix col, int from, int to) {
        final int inSize = x.cols();
        final int per = idx.length;
        for (int n = from; n < to; n++) {
            final int src = n * inSize;
            final int dst = n * per;
            for (int j = 0; j < per; j++) {
                final int i = idx[j];
                col.set(dst + j, i < 0 ? 0 : x.get(src + i));
            }
        }
    }

    /** col2im: {@code dx} = the sum over windows of {@code dcol} at their offsets, for samples {@code [from, to)}. */
    static void scatterAdd(Matrix dcol, int[] idx, Matrix dx, int from, int to) {
        final int inSize = dx.cols();
        final int per = idx.length;
        for (int n = from; n < to; n++) {
            final int dst = n * inSize;
            for (int i = dst; i < dst + inSize; i++) {
                dx.set(i, 0);
            }
            final int src = n * per;
            for (int j = 0; j < per; j++) {
                final int i = idx[j];
                if (i >= 0) {
                    dx.set(dst + i, dx.get(dst + i) + dcol.get(src + j));
                }
            }
        }
    }
}

// Generated from FloatScalarKernel.java by releng/scripts/GenerateDoubleKernels.java: edit that file and run the script; a test fails when this file differs from what it writes.
package dev.nnet.engine.matrix;

/**
 * {@link DoubleKernel} in plain Java for JVMs without the Vector API module: one row of the tile at a time with a
 * multiply and an add per step. It measures at a few GFLOPS, no better than the old i-p-j loops.
 */
final class DoubleScalarKernel extends DoubleKernel {
    private static final int NR = 8;

    @Override
    int nr() {
        return NR;
    }

    @Override
    void tile(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc, boolean accumulate) {
        rows(MR, ap, ao, bp, bo, kc, c, co, ldc, accumulate);
    }

    @Override
    void halfTile(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc, boolean accumulate) {
        rows(MR / 2, ap, ao, bp, bo, kc, c, co, ldc, accumulate);
    }

    private static void rows(int count, double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc,
            boolean accumulate) {
        for (int r = 0; r < count; r++) {
            final int row = co + r * ldc;
            if (!accumulate) {
                for (int j = 0; j < NR; j++) {
                    c[row + j] = 0;
                }
            }
            for (int p = 0; p < kc; p++) {
                final double a = ap[ao + p * MR + r];
                final int b = bo + p * NR;
                for (int j = 0; j < NR; j++) {
                    c[row + j] += a * bp[b + j];
                }
            }
        }
    }
}

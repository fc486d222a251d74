package dev.nnet.engine.matrix;

/** {@link DoubleKernel} in plain Java: one row of the tile at a time, a loop the JIT vectorises (8 columns). */
final class DoubleScalarKernel extends DoubleKernel {
    private static final int NR = 8;

    @Override
    int nr() {
        return NR;
    }

    @Override
    void tile(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc, boolean accumulate) {
        for (int r = 0; r < MR; r++) {
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

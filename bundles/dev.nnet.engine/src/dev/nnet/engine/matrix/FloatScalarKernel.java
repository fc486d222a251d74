package dev.nnet.engine.matrix;

/** {@link FloatKernel} in plain Java: one row of the tile at a time, a loop the JIT vectorises. */
final class FloatScalarKernel extends FloatKernel {
    private static final int NR = 16;

    @Override
    int nr() {
        return NR;
    }

    @Override
    void tile(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, boolean accumulate) {
        for (int r = 0; r < MR; r++) {
            final int row = co + r * ldc;
            if (!accumulate) {
                for (int j = 0; j < NR; j++) {
                    c[row + j] = 0;
                }
            }
            for (int p = 0; p < kc; p++) {
                final float a = ap[ao + p * MR + r];
                final int b = bo + p * NR;
                for (int j = 0; j < NR; j++) {
                    c[row + j] += a * bp[b + j];
                }
            }
        }
    }
}

// Generated from FloatVectorKernel.java by releng/scripts/GenerateDoubleKernels.java: edit that file and run the script; a test fails when this file differs from what it writes.
package dev.nnet.engine.matrix;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DoubleKernel} on the Vector API: the {@code 12 × 2L} tile (L = preferred lanes, 8 with AVX-512) lives in
 * 24 vector registers; each step loads 2 vectors of B, broadcasts 12 values of A and does 24 FMAs (2 loads per 24 FMAs
 * instead of 2 per 12 with the old 6-row tile, which left the FMA ports waiting on loads with 2 threads). Loaded by reflection only when
 * {@link VectorSupport#enabled()}, so the engine runs without jdk.incubator.vector.
 */
final class DoubleVectorKernel extends DoubleKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int NR = 2 * L;

    @Override
    boolean usesVectors() {
        return true;
    }

    @Override
    int nr() {
        return NR;
    }

    @Override
    void tile(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc, boolean accumulate) {
        DoubleVector c00, c01;
        DoubleVector c10, c11;
        DoubleVector c20, c21;
        DoubleVector c30, c31;
        DoubleVector c40, c41;
        DoubleVector c50, c51;
        DoubleVector c60, c61;
        DoubleVector c70, c71;
        DoubleVector c80, c81;
        DoubleVector c90, c91;
        DoubleVector c100, c101;
        DoubleVector c110, c111;
        if (accumulate) {
            c00 = DoubleVector.fromArray(S, c, co + 0 * ldc);
            c01 = DoubleVector.fromArray(S, c, co + 0 * ldc + L);
            c10 = DoubleVector.fromArray(S, c, co + 1 * ldc);
            c11 = DoubleVector.fromArray(S, c, co + 1 * ldc + L);
            c20 = DoubleVector.fromArray(S, c, co + 2 * ldc);
            c21 = DoubleVector.fromArray(S, c, co + 2 * ldc + L);
            c30 = DoubleVector.fromArray(S, c, co + 3 * ldc);
            c31 = DoubleVector.fromArray(S, c, co + 3 * ldc + L);
            c40 = DoubleVector.fromArray(S, c, co + 4 * ldc);
            c41 = DoubleVector.fromArray(S, c, co + 4 * ldc + L);
            c50 = DoubleVector.fromArray(S, c, co + 5 * ldc);
            c51 = DoubleVector.fromArray(S, c, co + 5 * ldc + L);
            c60 = DoubleVector.fromArray(S, c, co + 6 * ldc);
            c61 = DoubleVector.fromArray(S, c, co + 6 * ldc + L);
            c70 = DoubleVector.fromArray(S, c, co + 7 * ldc);
            c71 = DoubleVector.fromArray(S, c, co + 7 * ldc + L);
            c80 = DoubleVector.fromArray(S, c, co + 8 * ldc);
            c81 = DoubleVector.fromArray(S, c, co + 8 * ldc + L);
            c90 = DoubleVector.fromArray(S, c, co + 9 * ldc);
            c91 = DoubleVector.fromArray(S, c, co + 9 * ldc + L);
            c100 = DoubleVector.fromArray(S, c, co + 10 * ldc);
            c101 = DoubleVector.fromArray(S, c, co + 10 * ldc + L);
            c110 = DoubleVector.fromArray(S, c, co + 11 * ldc);
            c111 = DoubleVector.fromArray(S, c, co + 11 * ldc + L);
        } else {
            DoubleVector z = DoubleVector.zero(S);
            c00 = z;
            c01 = z;
            c10 = z;
            c11 = z;
            c20 = z;
            c21 = z;
            c30 = z;
            c31 = z;
            c40 = z;
            c41 = z;
            c50 = z;
            c51 = z;
            c60 = z;
            c61 = z;
            c70 = z;
            c71 = z;
            c80 = z;
            c81 = z;
            c90 = z;
            c91 = z;
            c100 = z;
            c101 = z;
            c110 = z;
            c111 = z;
        }
        int a = ao;
        int b = bo;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, b);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, b + L);
            DoubleVector a0 = DoubleVector.broadcast(S, ap[a + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, ap[a + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, ap[a + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, ap[a + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, ap[a + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, ap[a + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            DoubleVector a6 = DoubleVector.broadcast(S, ap[a + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            DoubleVector a7 = DoubleVector.broadcast(S, ap[a + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            DoubleVector a8 = DoubleVector.broadcast(S, ap[a + 8]);
            c80 = a8.fma(b0, c80);
            c81 = a8.fma(b1, c81);
            DoubleVector a9 = DoubleVector.broadcast(S, ap[a + 9]);
            c90 = a9.fma(b0, c90);
            c91 = a9.fma(b1, c91);
            DoubleVector a10 = DoubleVector.broadcast(S, ap[a + 10]);
            c100 = a10.fma(b0, c100);
            c101 = a10.fma(b1, c101);
            DoubleVector a11 = DoubleVector.broadcast(S, ap[a + 11]);
            c110 = a11.fma(b0, c110);
            c111 = a11.fma(b1, c111);
            a += MR;
            b += NR;
        }
        c00.intoArray(c, co + 0 * ldc);
        c01.intoArray(c, co + 0 * ldc + L);
        c10.intoArray(c, co + 1 * ldc);
        c11.intoArray(c, co + 1 * ldc + L);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + L);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + L);
        c60.intoArray(c, co + 6 * ldc);
        c61.intoArray(c, co + 6 * ldc + L);
        c70.intoArray(c, co + 7 * ldc);
        c71.intoArray(c, co + 7 * ldc + L);
        c80.intoArray(c, co + 8 * ldc);
        c81.intoArray(c, co + 8 * ldc + L);
        c90.intoArray(c, co + 9 * ldc);
        c91.intoArray(c, co + 9 * ldc + L);
        c100.intoArray(c, co + 10 * ldc);
        c101.intoArray(c, co + 10 * ldc + L);
        c110.intoArray(c, co + 11 * ldc);
        c111.intoArray(c, co + 11 * ldc + L);
    }

    /** The first {@code MR/2} rows of {@link #tile}: the same steps with 12 accumulators (row remainders). */
    @Override
    void halfTile(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc, boolean accumulate) {
        DoubleVector c00, c01;
        DoubleVector c10, c11;
        DoubleVector c20, c21;
        DoubleVector c30, c31;
        DoubleVector c40, c41;
        DoubleVector c50, c51;
        if (accumulate) {
            c00 = DoubleVector.fromArray(S, c, co + 0 * ldc);
            c01 = DoubleVector.fromArray(S, c, co + 0 * ldc + L);
            c10 = DoubleVector.fromArray(S, c, co + 1 * ldc);
            c11 = DoubleVector.fromArray(S, c, co + 1 * ldc + L);
            c20 = DoubleVector.fromArray(S, c, co + 2 * ldc);
            c21 = DoubleVector.fromArray(S, c, co + 2 * ldc + L);
            c30 = DoubleVector.fromArray(S, c, co + 3 * ldc);
            c31 = DoubleVector.fromArray(S, c, co + 3 * ldc + L);
            c40 = DoubleVector.fromArray(S, c, co + 4 * ldc);
            c41 = DoubleVector.fromArray(S, c, co + 4 * ldc + L);
            c50 = DoubleVector.fromArray(S, c, co + 5 * ldc);
            c51 = DoubleVector.fromArray(S, c, co + 5 * ldc + L);
        } else {
            DoubleVector z = DoubleVector.zero(S);
            c00 = z;
            c01 = z;
            c10 = z;
            c11 = z;
            c20 = z;
            c21 = z;
            c30 = z;
            c31 = z;
            c40 = z;
            c41 = z;
            c50 = z;
            c51 = z;
        }
        int a = ao;
        int b = bo;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, b);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, b + L);
            DoubleVector a0 = DoubleVector.broadcast(S, ap[a + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, ap[a + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, ap[a + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, ap[a + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, ap[a + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, ap[a + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            a += MR;
            b += NR;
        }
        c00.intoArray(c, co + 0 * ldc);
        c01.intoArray(c, co + 0 * ldc + L);
        c10.intoArray(c, co + 1 * ldc);
        c11.intoArray(c, co + 1 * ldc + L);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + L);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + L);
    }

    /** One row of C at a time, L columns per vector (the last one masked), broadcast A times a row of B. */
    @Override
    boolean small(double[] a, int rsA, int csA, double[] b, double[] c, int m, int n, int k) {
        for (int j = 0; j < n; j += L) {
            final VectorMask<Double> mask = S.indexInRange(j, n);
            for (int i = 0; i < m; i++) {
                DoubleVector acc = DoubleVector.zero(S);
                final int ai = i * rsA;
                for (int p = 0; p < k; p++) {
                    DoubleVector bp = DoubleVector.fromArray(S, b, p * n + j, mask);
                    acc = DoubleVector.broadcast(S, a[ai + p * csA]).fma(bp, acc);
                }
                acc.intoArray(c, i * n + j, mask);
            }
        }
        return true;
    }
}

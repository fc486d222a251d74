package dev.nnet.engine.matrix;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatKernel} on the Vector API: the {@code 6 × 2L} tile (L = preferred lanes, 8 with AVX2) lives in // @double: * {@link DoubleKernel} on the Vector API: the {@code 6 × 2L} tile (L = preferred lanes, 4 with AVX2) lives in
 * 12 vector registers; each step broadcasts 6 values of A and does 12 FMAs. Loaded by reflection only when
 * {@link VectorSupport#enabled()}, so the engine runs without jdk.incubator.vector.
 */
final class FloatVectorKernel extends FloatKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
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
    void tile(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, boolean accumulate) {
        FloatVector c00, c01;
        FloatVector c10, c11;
        FloatVector c20, c21;
        FloatVector c30, c31;
        FloatVector c40, c41;
        FloatVector c50, c51;
        if (accumulate) {
            c00 = FloatVector.fromArray(S, c, co + 0 * ldc);
            c01 = FloatVector.fromArray(S, c, co + 0 * ldc + L);
            c10 = FloatVector.fromArray(S, c, co + 1 * ldc);
            c11 = FloatVector.fromArray(S, c, co + 1 * ldc + L);
            c20 = FloatVector.fromArray(S, c, co + 2 * ldc);
            c21 = FloatVector.fromArray(S, c, co + 2 * ldc + L);
            c30 = FloatVector.fromArray(S, c, co + 3 * ldc);
            c31 = FloatVector.fromArray(S, c, co + 3 * ldc + L);
            c40 = FloatVector.fromArray(S, c, co + 4 * ldc);
            c41 = FloatVector.fromArray(S, c, co + 4 * ldc + L);
            c50 = FloatVector.fromArray(S, c, co + 5 * ldc);
            c51 = FloatVector.fromArray(S, c, co + 5 * ldc + L);
        } else {
            FloatVector z = FloatVector.zero(S);
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
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector a0 = FloatVector.broadcast(S, ap[a + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, ap[a + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, ap[a + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, ap[a + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, ap[a + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, ap[a + 5]);
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
    // @float-only:begin
    /** Two gathers of L lanes per step: the transposing copy of {@code A·Bᵀ}'s B without a scalar store each. */
    @Override
    boolean packStrided(float[] b, int src, int rsB, int[] idx, int kc, float[] packed, int dst) {
        for (int p = 0; p < kc; p++) {
            final int o = src + p * rsB;
            final int d = dst + p * NR;
            FloatVector.fromArray(S, b, o, idx, 0).intoArray(packed, d);
            FloatVector.fromArray(S, b, o, idx, L).intoArray(packed, d + L);
        }
        return true;
    }

    /** {@code idx[l] = l*gatherK}, and the same for the last block of {@code gatherTail} lanes (0 beyond them). */
    private final int[] gatherIndex = new int[L];
    private final int[] tailIndex = new int[L];
    private int gatherK = -1;
    private int gatherTail = -1;

    @Override
    boolean rowTimesTransposed(float[] a, float[] b, float[] c, int n, int k) {
        if ((long) n * k > Integer.MAX_VALUE) {
            return false;
        }
        int tail = n % L;
        if (gatherK != k || gatherTail != tail) {
            for (int l = 0; l < L; l++) {
                gatherIndex[l] = l * k;
                tailIndex[l] = l < tail ? l * k : 0;
            }
            gatherK = k;
            gatherTail = tail;
        }
        for (int j = 0; j < n; j += L) {
            // the lanes past n (last block) read in-bounds values of B and are not stored
            final int[] idx = j + L <= n ? gatherIndex : tailIndex;
            final int base = j * k;
            FloatVector acc = FloatVector.zero(S);
            for (int p = 0; p < k; p++) {
                FloatVector bp = FloatVector.fromArray(S, b, base + p, idx, 0);
                acc = FloatVector.broadcast(S, a[p]).fma(bp, acc);
            }
            if (j + L <= n) {
                acc.intoArray(c, j);
            } else {
                acc.intoArray(c, j, S.indexInRange(j, n));
            }
        }
        return true;
    }

    // @float-only:end

    /** One row of C at a time, L columns per vector (the last one masked), broadcast A times a row of B. */
    @Override
    boolean small(float[] a, int rsA, int csA, float[] b, float[] c, int m, int n, int k) {
        for (int j = 0; j < n; j += L) {
            final VectorMask<Float> mask = S.indexInRange(j, n);
            for (int i = 0; i < m; i++) {
                FloatVector acc = FloatVector.zero(S);
                final int ai = i * rsA;
                for (int p = 0; p < k; p++) {
                    FloatVector bp = FloatVector.fromArray(S, b, p * n + j, mask);
                    acc = FloatVector.broadcast(S, a[ai + p * csA]).fma(bp, acc);
                }
                acc.intoArray(c, i * n + j, mask);
            }
        }
        return true;
    }
}

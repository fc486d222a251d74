package dev.nnet.engine.matrix;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatKernel} on the Vector API: the {@code 12 × 2L} tile (L = preferred lanes, 16 with AVX-512) lives in // @double: * {@link DoubleKernel} on the Vector API: the {@code 12 × 2L} tile (L = preferred lanes, 8 with AVX-512) lives in
 * 24 vector registers; each step loads 2 vectors of B, broadcasts 12 values of A and does 24 FMAs (2 loads per 24 FMAs
 * instead of 2 per 12 with the old 6-row tile, which left the FMA ports waiting on loads with 2 threads). Loaded by reflection only when
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
        FloatVector c60, c61;
        FloatVector c70, c71;
        FloatVector c80, c81;
        FloatVector c90, c91;
        FloatVector c100, c101;
        FloatVector c110, c111;
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
            c60 = FloatVector.fromArray(S, c, co + 6 * ldc);
            c61 = FloatVector.fromArray(S, c, co + 6 * ldc + L);
            c70 = FloatVector.fromArray(S, c, co + 7 * ldc);
            c71 = FloatVector.fromArray(S, c, co + 7 * ldc + L);
            c80 = FloatVector.fromArray(S, c, co + 8 * ldc);
            c81 = FloatVector.fromArray(S, c, co + 8 * ldc + L);
            c90 = FloatVector.fromArray(S, c, co + 9 * ldc);
            c91 = FloatVector.fromArray(S, c, co + 9 * ldc + L);
            c100 = FloatVector.fromArray(S, c, co + 10 * ldc);
            c101 = FloatVector.fromArray(S, c, co + 10 * ldc + L);
            c110 = FloatVector.fromArray(S, c, co + 11 * ldc);
            c111 = FloatVector.fromArray(S, c, co + 11 * ldc + L);
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
            FloatVector a6 = FloatVector.broadcast(S, ap[a + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, ap[a + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            FloatVector a8 = FloatVector.broadcast(S, ap[a + 8]);
            c80 = a8.fma(b0, c80);
            c81 = a8.fma(b1, c81);
            FloatVector a9 = FloatVector.broadcast(S, ap[a + 9]);
            c90 = a9.fma(b0, c90);
            c91 = a9.fma(b1, c91);
            FloatVector a10 = FloatVector.broadcast(S, ap[a + 10]);
            c100 = a10.fma(b0, c100);
            c101 = a10.fma(b1, c101);
            FloatVector a11 = FloatVector.broadcast(S, ap[a + 11]);
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
    void halfTile(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, boolean accumulate) {
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
    /** Whether the 16 × 16 transposes apply (AVX-512: L = 16, so a B panel is two blocks wide). */
    private static final boolean TRANSPOSE = L == FloatVectorTranspose.SIDE;
    /** The first MR lanes: one step of a packed A micro-panel. */
    private static final VectorMask<Float> STEP = L >= MR ? S.indexInRange(0, MR) : null;

    /**
     * A B whose rows are W's ({@code rsB == 1}, {@code A·Bᵀ}): blocks of 16 steps by two 16 × 16 transposes, the
     * other steps (and any other B) by two gathers of L lanes per step.
     */
    @Override
    boolean packStrided(float[] b, int src, int rsB, int csB, int[] idx, int kc, float[] packed, int dst,
            float[] scratch) {
        int p = 0;
        if (TRANSPOSE && rsB == 1) {
            final int side = FloatVectorTranspose.SIDE;
            for (; p + side <= kc; p += side) {
                FloatVectorTranspose.block(b, src + p, csB, packed, dst + p * NR, NR, scratch);
                FloatVectorTranspose.block(b, src + side * csB + p, csB, packed, dst + p * NR + side, NR, scratch);
            }
        }
        for (; p < kc; p++) {
            final int o = src + p * rsB;
            final int d = dst + p * NR;
            FloatVector.fromArray(S, b, o, idx, 0).intoArray(packed, d);
            FloatVector.fromArray(S, b, o, idx, L).intoArray(packed, d + L);
        }
        return true;
    }

    /** A full panel: blocks of 16 steps by one transpose of its 12 rows, the remaining steps plainly. */
    @Override
    boolean packRows(float[] a, int src, int rsA, int rows, int kc, float[] packed, int dst, float[] scratch) {
        if (!TRANSPOSE || rows != MR) {
            return false;
        }
        final int side = FloatVectorTranspose.SIDE;
        int p = 0;
        for (; p + side <= kc; p += side) {
            FloatVectorTranspose.panel12(a, src + p, rsA, packed, dst + p * MR, scratch);
        }
        for (; p < kc; p++) {
            final int d = dst + p * MR;
            for (int r = 0; r < MR; r++) {
                packed[d + r] = a[src + r * rsA + p];
            }
        }
        return true;
    }

    /** One masked load and store of MR lanes per step (lanes from {@code rows} on are loaded as 0). */
    @Override
    boolean packColumns(float[] a, int src, int csA, int rows, int kc, float[] packed, int dst) {
        if (STEP == null) {
            return false;
        }
        final VectorMask<Float> load = rows == MR ? STEP : S.indexInRange(0, rows);
        for (int p = 0; p < kc; p++) {
            FloatVector.fromArray(S, a, src + p * csA, load).intoArray(packed, dst + p * MR, STEP);
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

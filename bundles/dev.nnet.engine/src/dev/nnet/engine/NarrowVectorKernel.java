package dev.nnet.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float32 {@code C = A·Wᵀ} for a dense layer with at most L units (L = preferred lanes, 16 with AVX-512: the Iris and
 * Digits output layers, Iris' hidden layer), where the blocked GEMM pads every row of C to its 2L-wide tile and packs
 * both operands, and the plain loops run one dependent chain of fused multiply-adds per row. Here W is copied
 * transposed into one vector of L lanes per input ({@code k × L}, zero past n), and four rows of C are computed at
 * once on independent accumulators: {@code C[i,.] = Σ_p A[i,p]·Wᵀ[p,.]}, each row stored with a mask of n lanes.
 * Every element is accumulated with fused multiply-adds over p in order from 0, the same bits as the Vector API GEMM
 * and the batch-1 path: a sample's outputs still do not depend on the batch. Loaded by reflection only when
 * {@link dev.nnet.engine.matrix.VectorSupport#enabled()}; one instance per layer (the transposed copy is scratch).
 */
final class NarrowVectorKernel implements LayerKernels.FloatNarrow {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * Fewest rows taken: below them (small training batches) the GEMM, already compiled by then, gives the same
     * bits, while this kernel would run its first thousands of calls before C2 compiles it at a fraction of the speed.
     */
    private static final int MIN_ROWS = 64;
    /** Largest transposed copy (floats) kept. */
    private static final int MAX_COPY = 1 << 20;

    private float[] wt = new float[0];

    @Override
    public int maxUnits() {
        return L;
    }

    @Override
    public boolean multiplyABt(float[] a, float[] w, float[] c, int m, int n, int k) {
        if (m < MIN_ROWS || n > L || k < 1 || (long) k * L > MAX_COPY || (long) m * Math.max(n, k) > Integer.MAX_VALUE) {
            return false;
        }
        if (wt.length < k * L) {
            wt = new float[k * L];
        }
        final float[] t = wt;
        for (int p = 0; p < k; p++) {
            final int o = p * L;
            for (int j = 0; j < n; j++) {
                t[o + j] = w[j * k + p];
            }
            for (int j = n; j < L; j++) {
                t[o + j] = 0;
            }
        }
        final VectorMask<Float> mask = S.indexInRange(0, n);
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            final int a0 = i * k;
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = acc0;
            FloatVector acc2 = acc0;
            FloatVector acc3 = acc0;
            for (int p = 0; p < k; p++) {
                final FloatVector wv = FloatVector.fromArray(S, t, p * L);
                acc0 = FloatVector.broadcast(S, a[a0 + p]).fma(wv, acc0);
                acc1 = FloatVector.broadcast(S, a[a0 + k + p]).fma(wv, acc1);
                acc2 = FloatVector.broadcast(S, a[a0 + 2 * k + p]).fma(wv, acc2);
                acc3 = FloatVector.broadcast(S, a[a0 + 3 * k + p]).fma(wv, acc3);
            }
            acc0.intoArray(c, i * n, mask);
            acc1.intoArray(c, (i + 1) * n, mask);
            acc2.intoArray(c, (i + 2) * n, mask);
            acc3.intoArray(c, (i + 3) * n, mask);
        }
        for (; i < m; i++) {
            final int ai = i * k;
            FloatVector acc = FloatVector.zero(S);
            for (int p = 0; p < k; p++) {
                acc = FloatVector.broadcast(S, a[ai + p]).fma(FloatVector.fromArray(S, t, p * L), acc);
            }
            acc.intoArray(c, i * n, mask);
        }
        return true;
    }
}

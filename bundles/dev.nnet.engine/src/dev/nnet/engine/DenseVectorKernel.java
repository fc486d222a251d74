package dev.nnet.engine;

import dev.nnet.engine.matrix.ParallelFor;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float32 forward of a dense layer with a short inner dimension ({@code k <= 256}: Digits' 64-128 and 128-64
 * layers), {@code Z = A·Wᵀ + b} and, for ReLU, {@code Y = max(Z, 0)}, in one pass: the blocked GEMM packs A for every
 * call (a copy as large as the input), packs W, writes Z, and the bias + ReLU pass reads Z back. Here the rows of A
 * are read where they are (12 rows of k values fit in L1), W is kept packed in panels of 2L columns ({@code Wᵀ},
 * zero past n) together with a copy of the W it was packed from, repacked only when W differs from that copy (training
 * writes W in place, so nothing else can tell), and each 12 × 2L tile, stored once, gets the bias and ReLU in a pass
 * over its rows while they are in L1. Used in evaluation mode (inference) only. Every element is accumulated with fused multiply-adds over p in order from 0, then one float
 * add of the bias, then a compare-select: the bits of the GEMM followed by the bias + activation pass, and of the
 * batch-1 path, so a sample's outputs still do not depend on the batch size, the thread count or this kernel. Rows are
 * split over threads in whole tiles. Loaded by reflection only with the Vector API; one instance per layer. (The
 * comparison is {@link Arrays#equals(float[], float[])}'s: a NaN weight replaced by a NaN of other bits is not
 * repacked, which changes no output's NaN-ness.)
 */
final class DenseVectorKernel implements LayerKernels.FloatDense, ParallelFor.RangeTask {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int NR = 2 * L;
    private static final int MR = 12;
    /** Largest inner dimension: 12 rows of A and one packed panel of W stay in L1. */
    static final int MAX_K = 256;
    /** Largest W (floats) kept packed and copied: two copies of at most 1 MiB each per layer. */
    private static final int MAX_WEIGHTS = 1 << 18;

    private float[] packed = new float[0];
    private float[] source = new float[0];
    private int packedN = -1;
    private int packedK = -1;
    // operands of the current call, read by the workers
    private float[] a;
    private float[] bias;
    private float[] z;
    private float[] y;
    private int n;
    private int k;
    private int m;
    private boolean relu;

    @Override
    public boolean takes(int m, int n, int k) {
        return k >= 1 && k <= MAX_K && n >= 1 && (long) n * k <= MAX_WEIGHTS && (long) m * Math.max(n, k) <= Integer.MAX_VALUE - NR;
    }

    @Override
    public void forward(ParallelFor parallel, boolean threaded, float[] a, float[] w, float[] bias, float[] z, float[] y,
            int m, int n, int k, boolean relu) {
        pack(w, n, k);
        this.a = a;
        this.bias = bias;
        this.z = z;
        this.y = y;
        this.m = m;
        this.n = n;
        this.k = k;
        this.relu = relu;
        parallel.run(this, (m + MR - 1) / MR, threaded);
        this.a = null;
        this.bias = null;
        this.z = null;
        this.y = null;
    }

    /** Packs {@code Wᵀ} into panels of NR columns unless the packed copy is of this very W. */
    private void pack(float[] w, int n, int k) {
        final int size = n * k;
        if (packedN == n && packedK == k && Arrays.equals(source, 0, size, w, 0, size)) {
            return;
        }
        final int panels = (n + NR - 1) / NR;
        if (packed.length < panels * NR * k) {
            packed = new float[panels * NR * k];
        }
        if (source.length < size) {
            source = new float[size];
        }
        final float[] t = packed;
        Arrays.fill(t, 0, panels * NR * k, 0f);
        for (int j = 0; j < n; j++) {
            final int dst = (j / NR) * NR * k + j % NR;
            final int src = j * k;
            for (int p = 0; p < k; p++) {
                t[dst + p * NR] = w[src + p];
            }
        }
        System.arraycopy(w, 0, source, 0, size);
        packedN = n;
        packedK = k;
    }

    /** Row tiles {@code [from, to)} (MR rows each, the last one possibly shorter), all panels. */
    @Override
    public void run(int from, int to) {
        final int rowEnd = Math.min(m, to * MR);
        for (int j = 0; j < n; j += NR) {
            int i = from * MR;
            if (j + NR <= n) {
                for (; i + MR <= rowEnd; i += MR) {
                    tile12(i, j);
                    finish(i, MR, j);
                }
            }
            for (; i + 4 <= rowEnd; i += 4) {
                tile4(i, j);
                finish(i, 4, j);
            }
            for (; i < rowEnd; i++) {
                tile1(i, j);
                finish(i, 1, j);
            }
        }
    }

    /**
     * {@code z += b}, and {@code y = max(z, 0)} if ReLU, for {@code rows} rows from i of the panel at column j, just
     * written by a tile and still in L1 (in the tiles the bias add made the method too large for C1, which then never
     * handed it to C2).
     */
    private void finish(int i, int rows, int j) {
        final int n = this.n;
        final VectorMask<Float> m0 = S.indexInRange(j, n);
        final VectorMask<Float> m1 = S.indexInRange(j + L, n);
        final FloatVector b0 = FloatVector.fromArray(S, bias, j, m0);
        final FloatVector b1 = FloatVector.fromArray(S, bias, j + L, m1);
        final FloatVector zero = FloatVector.zero(S);
        final float[] z = this.z;
        final float[] y = this.y;
        final boolean relu = this.relu;
        int o = i * n + j;
        for (int r = 0; r < rows; r++, o += n) {
            final FloatVector v0 = FloatVector.fromArray(S, z, o, m0).add(b0);
            v0.intoArray(z, o, m0);
            final FloatVector v1 = FloatVector.fromArray(S, z, o + L, m1).add(b1);
            v1.intoArray(z, o + L, m1);
            if (relu) {
                zero.blend(v0, v0.compare(VectorOperators.GT, 0f)).intoArray(y, o, m0);
                zero.blend(v1, v1.compare(VectorOperators.GT, 0f)).intoArray(y, o + L, m1);
            }
        }
    }

    /** Rows i..i+11 of the full panel at column j, without the bias: {@code z = A·Wᵀ}. */
    private void tile12(int i, int j) {
        final int bo = (j / NR) * NR * k;
        final float[] a = this.a;
        final float[] t = packed;
        final int k = this.k;
        final float[] z = this.z;
        final int n = this.n;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        FloatVector c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        FloatVector c80 = c00, c81 = c00, c90 = c00, c91 = c00, c100 = c00, c101 = c00, c110 = c00, c111 = c00;
        final int a0 = i * k;
        int b = bo;
        for (int p = 0; p < k; p++, b += NR) {
            final FloatVector w0 = FloatVector.fromArray(S, t, b);
            final FloatVector w1 = FloatVector.fromArray(S, t, b + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(w0, c00);
            c01 = x.fma(w1, c01);
            x = FloatVector.broadcast(S, a[a0 + k + p]);
            c10 = x.fma(w0, c10);
            c11 = x.fma(w1, c11);
            x = FloatVector.broadcast(S, a[a0 + 2 * k + p]);
            c20 = x.fma(w0, c20);
            c21 = x.fma(w1, c21);
            x = FloatVector.broadcast(S, a[a0 + 3 * k + p]);
            c30 = x.fma(w0, c30);
            c31 = x.fma(w1, c31);
            x = FloatVector.broadcast(S, a[a0 + 4 * k + p]);
            c40 = x.fma(w0, c40);
            c41 = x.fma(w1, c41);
            x = FloatVector.broadcast(S, a[a0 + 5 * k + p]);
            c50 = x.fma(w0, c50);
            c51 = x.fma(w1, c51);
            x = FloatVector.broadcast(S, a[a0 + 6 * k + p]);
            c60 = x.fma(w0, c60);
            c61 = x.fma(w1, c61);
            x = FloatVector.broadcast(S, a[a0 + 7 * k + p]);
            c70 = x.fma(w0, c70);
            c71 = x.fma(w1, c71);
            x = FloatVector.broadcast(S, a[a0 + 8 * k + p]);
            c80 = x.fma(w0, c80);
            c81 = x.fma(w1, c81);
            x = FloatVector.broadcast(S, a[a0 + 9 * k + p]);
            c90 = x.fma(w0, c90);
            c91 = x.fma(w1, c91);
            x = FloatVector.broadcast(S, a[a0 + 10 * k + p]);
            c100 = x.fma(w0, c100);
            c101 = x.fma(w1, c101);
            x = FloatVector.broadcast(S, a[a0 + 11 * k + p]);
            c110 = x.fma(w0, c110);
            c111 = x.fma(w1, c111);
        }
        final int o = i * n + j;
        c00.intoArray(z, o);
        c01.intoArray(z, o + L);
        c10.intoArray(z, o + n);
        c11.intoArray(z, o + n + L);
        c20.intoArray(z, o + 2 * n);
        c21.intoArray(z, o + 2 * n + L);
        c30.intoArray(z, o + 3 * n);
        c31.intoArray(z, o + 3 * n + L);
        c40.intoArray(z, o + 4 * n);
        c41.intoArray(z, o + 4 * n + L);
        c50.intoArray(z, o + 5 * n);
        c51.intoArray(z, o + 5 * n + L);
        c60.intoArray(z, o + 6 * n);
        c61.intoArray(z, o + 6 * n + L);
        c70.intoArray(z, o + 7 * n);
        c71.intoArray(z, o + 7 * n + L);
        c80.intoArray(z, o + 8 * n);
        c81.intoArray(z, o + 8 * n + L);
        c90.intoArray(z, o + 9 * n);
        c91.intoArray(z, o + 9 * n + L);
        c100.intoArray(z, o + 10 * n);
        c101.intoArray(z, o + 10 * n + L);
        c110.intoArray(z, o + 11 * n);
        c111.intoArray(z, o + 11 * n + L);
    }

    /** Rows i..i+3 of the panel at column j (masked past n), without the bias. */
    private void tile4(int i, int j) {
        final VectorMask<Float> m0 = S.indexInRange(j, n);
        final VectorMask<Float> m1 = S.indexInRange(j + L, n);
        final int bo = (j / NR) * NR * k;
        final float[] a = this.a;
        final float[] t = packed;
        final int k = this.k;
        final float[] z = this.z;
        final int n = this.n;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        final int a0 = i * k;
        int b = bo;
        for (int p = 0; p < k; p++, b += NR) {
            final FloatVector w0 = FloatVector.fromArray(S, t, b);
            final FloatVector w1 = FloatVector.fromArray(S, t, b + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(w0, c00);
            c01 = x.fma(w1, c01);
            x = FloatVector.broadcast(S, a[a0 + k + p]);
            c10 = x.fma(w0, c10);
            c11 = x.fma(w1, c11);
            x = FloatVector.broadcast(S, a[a0 + 2 * k + p]);
            c20 = x.fma(w0, c20);
            c21 = x.fma(w1, c21);
            x = FloatVector.broadcast(S, a[a0 + 3 * k + p]);
            c30 = x.fma(w0, c30);
            c31 = x.fma(w1, c31);
        }
        final int o = i * n + j;
        c00.intoArray(z, o, m0);
        c01.intoArray(z, o + L, m1);
        c10.intoArray(z, o + n, m0);
        c11.intoArray(z, o + n + L, m1);
        c20.intoArray(z, o + 2 * n, m0);
        c21.intoArray(z, o + 2 * n + L, m1);
        c30.intoArray(z, o + 3 * n, m0);
        c31.intoArray(z, o + 3 * n + L, m1);
    }

    /** Row i of the panel at column j (masked past n), without the bias. */
    private void tile1(int i, int j) {
        final VectorMask<Float> m0 = S.indexInRange(j, n);
        final VectorMask<Float> m1 = S.indexInRange(j + L, n);
        final int bo = (j / NR) * NR * k;
        final float[] a = this.a;
        final float[] t = packed;
        final int k = this.k;
        final float[] z = this.z;
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        final int a0 = i * k;
        int b = bo;
        for (int p = 0; p < k; p++, b += NR) {
            final FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c0 = x.fma(FloatVector.fromArray(S, t, b), c0);
            c1 = x.fma(FloatVector.fromArray(S, t, b + L), c1);
        }
        final int o = i * n + j;
        c0.intoArray(z, o, m0);
        c1.intoArray(z, o + L, m1);
    }
}

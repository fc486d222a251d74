package dev.nnet.engine.matrix;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * 16 × 16 transposes of float blocks in registers, for the packing of {@link FloatGemm} with AVX-512's 16 lanes:
 * packing {@code A·Bᵀ}'s B (the rows of W become the columns of a panel) or a row-major A (rows become the 12 values
 * of a step) read one value per lane with gathers, about 0.4-0.6 ns per value on Zen 4, and a plain loop is no faster.
 * Here 16 rows are loaded whole and transposed in four stages; stage h pairs rows i and i + h and swaps their
 * off-diagonal blocks of h lanes with one lane permutation ({@code l ^ h}) and one blend per output row: 64 permutes
 * and blends per 256 values, about 0.2 ns per value. Stages 8 and 4 mix only rows {i, i+4, i+8, i+12}, stages 2 and
 * 1 only rows {4g..4g+3}, so each half is four calls of a small method with a 1 KiB scratch block (in L1) between
 * them. Plain copies: the packed values are the same bits whichever way they are moved. Float32 only: the float64
 * packing keeps its plain loops.
 */
final class FloatVectorTranspose {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_512;
    /** Side of a block: the lanes of a 512-bit float vector. */
    static final int SIDE = 16;
    private static final VectorShuffle<Float> SWAP8 = swap(8);
    private static final VectorShuffle<Float> SWAP4 = swap(4);
    private static final VectorShuffle<Float> SWAP2 = swap(2);
    private static final VectorShuffle<Float> SWAP1 = swap(1);
    private static final VectorMask<Float> HIGH8 = high(8);
    private static final VectorMask<Float> HIGH4 = high(4);
    private static final VectorMask<Float> HIGH2 = high(2);
    private static final VectorMask<Float> HIGH1 = high(1);
    /** Rows of a micro-panel of A ({@link FloatKernel#MR}) and the lanes one of its steps stores. */
    static final int PANEL_ROWS = FloatKernel.MR;
    private static final VectorMask<Float> PANEL_STEP = S.indexInRange(0, PANEL_ROWS);

    private FloatVectorTranspose() {
    }

    /** Lane l takes lane {@code l ^ h}: swaps neighbouring blocks of h lanes. */
    private static VectorShuffle<Float> swap(int h) {
        int[] lanes = new int[SIDE];
        for (int l = 0; l < SIDE; l++) {
            lanes[l] = l ^ h;
        }
        return VectorShuffle.fromArray(S, lanes, 0);
    }

    /** The lanes whose index has bit h set: the second block of each pair. */
    private static VectorMask<Float> high(int h) {
        boolean[] lanes = new boolean[SIDE];
        for (int l = 0; l < SIDE; l++) {
            lanes[l] = (l & h) != 0;
        }
        return VectorMask.fromArray(S, lanes, 0);
    }

    /**
     * {@code out[oo + q*os + r] = a[ao + r*rs + q]} for q and r in [0, 16): row r of the block is the 16 values at
     * {@code a[ao + r*rs]}, and becomes column r of the 16 output rows (B panels of A·Bᵀ, two blocks wide).
     *
     * @param scratch at least {@code 16 * 16} floats of the calling thread, between the two halves of the stages
     */
    static void block(float[] a, int ao, int rs, float[] out, int oo, int os, float[] scratch) {
        for (int i = 0; i < 4; i++) {
            outer(a, ao + i * rs, ao + (i + 4) * rs, ao + (i + 8) * rs, ao + (i + 12) * rs, scratch, i);
        }
        for (int g = 0; g < 4; g++) {
            inner(scratch, g, out, oo, os, SIDE);
        }
    }

    /**
     * {@code out[oo + q*12 + r] = a[ao + r*rs + q]} for q in [0, 16) and r in [0, 12): the 16 steps of a micro-panel
     * of 12 rows of a row-major A, each step's 12 values stored with one masked store. Rows 12-15 of the block, which
     * only reach the lanes that are not stored, repeat rows 8-11.
     */
    static void panel12(float[] a, int ao, int rs, float[] out, int oo, float[] scratch) {
        for (int i = 0; i < 4; i++) {
            outer(a, ao + i * rs, ao + (i + 4) * rs, ao + (i + 8) * rs, ao + (i + 8) * rs, scratch, i);
        }
        for (int g = 0; g < 4; g++) {
            inner(scratch, g, out, oo, PANEL_ROWS, PANEL_ROWS);
        }
    }

    /**
     * Stages h = 8 and h = 4, which mix only rows i, i + 4, i + 8 and i + 12 (read at o0..o3), into rows of t. The
     * stages are split in two groups of small methods (and not written out as one) because a method holding all 16
     * rows was sometimes left to C1, whose register allocator gives up on it, and then ran five times slower.
     */
    private static void outer(float[] a, int o0, int o1, int o2, int o3, float[] t, int i) {
        final FloatVector x0 = FloatVector.fromArray(S, a, o0);
        final FloatVector x1 = FloatVector.fromArray(S, a, o1);
        final FloatVector x2 = FloatVector.fromArray(S, a, o2);
        final FloatVector x3 = FloatVector.fromArray(S, a, o3);
        final FloatVector y0 = x0.blend(x2.rearrange(SWAP8), HIGH8);
        final FloatVector y2 = x0.rearrange(SWAP8).blend(x2, HIGH8);
        final FloatVector y1 = x1.blend(x3.rearrange(SWAP8), HIGH8);
        final FloatVector y3 = x1.rearrange(SWAP8).blend(x3, HIGH8);
        y0.blend(y1.rearrange(SWAP4), HIGH4).intoArray(t, i * SIDE);
        y0.rearrange(SWAP4).blend(y1, HIGH4).intoArray(t, (i + 4) * SIDE);
        y2.blend(y3.rearrange(SWAP4), HIGH4).intoArray(t, (i + 8) * SIDE);
        y2.rearrange(SWAP4).blend(y3, HIGH4).intoArray(t, (i + 12) * SIDE);
    }

    /** Stages h = 2 and h = 1 of rows 4g..4g+3 of t, which become output rows 4g..4g+3 (width values each). */
    private static void inner(float[] t, int g, float[] out, int oo, int os, int width) {
        final int r = 4 * g;
        final FloatVector x0 = FloatVector.fromArray(S, t, r * SIDE);
        final FloatVector x1 = FloatVector.fromArray(S, t, (r + 1) * SIDE);
        final FloatVector x2 = FloatVector.fromArray(S, t, (r + 2) * SIDE);
        final FloatVector x3 = FloatVector.fromArray(S, t, (r + 3) * SIDE);
        final FloatVector y0 = x0.blend(x2.rearrange(SWAP2), HIGH2);
        final FloatVector y2 = x0.rearrange(SWAP2).blend(x2, HIGH2);
        final FloatVector y1 = x1.blend(x3.rearrange(SWAP2), HIGH2);
        final FloatVector y3 = x1.rearrange(SWAP2).blend(x3, HIGH2);
        final FloatVector z0 = y0.blend(y1.rearrange(SWAP1), HIGH1);
        final FloatVector z1 = y0.rearrange(SWAP1).blend(y1, HIGH1);
        final FloatVector z2 = y2.blend(y3.rearrange(SWAP1), HIGH1);
        final FloatVector z3 = y2.rearrange(SWAP1).blend(y3, HIGH1);
        if (width == SIDE) {
            z0.intoArray(out, oo + r * os);
            z1.intoArray(out, oo + (r + 1) * os);
            z2.intoArray(out, oo + (r + 2) * os);
            z3.intoArray(out, oo + (r + 3) * os);
        } else {
            z0.intoArray(out, oo + r * os, PANEL_STEP);
            z1.intoArray(out, oo + (r + 1) * os, PANEL_STEP);
            z2.intoArray(out, oo + (r + 2) * os, PANEL_STEP);
            z3.intoArray(out, oo + (r + 3) * os, PANEL_STEP);
        }
    }
}

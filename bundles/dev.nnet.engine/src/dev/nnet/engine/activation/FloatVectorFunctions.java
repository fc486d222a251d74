package dev.nnet.engine.activation;

import static dev.nnet.engine.activation.FloatFunctions.*;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatFunctions}' tanh and exp on the Vector API: the same operations in the same order as the scalar
 * methods, lane by lane (min/max, fma, divide and the exponent bit moves are exact lane-wise operations), so the
 * results are bit-identical to them; the tail past the last full vector runs the scalar methods. (The Vector API's
 * own lanewise TANH/EXP are not used: their results differ between interpreted and compiled code.)
 * Loaded by reflection only when {@link dev.nnet.engine.matrix.VectorSupport#enabled()}.
 */
final class FloatVectorFunctions implements FloatFunctions.Loops {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** {@code ROW_INDEX[cols][l] = l * cols}: the gather map of one column of L rows. */
    private static final int[][] ROW_INDEX = new int[SOFTMAX_COLS + 1][L];

    static {
        for (int cols = 0; cols <= SOFTMAX_COLS; cols++) {
            for (int l = 0; l < L; l++) {
                ROW_INDEX[cols][l] = l * cols;
            }
        }
    }

    /** @return tanh of every lane */
    static FloatVector tanh(FloatVector v) {
        final FloatVector ax = v.abs();
        final FloatVector z = v.mul(v);
        FloatVector p = FloatVector.broadcast(S, T0).fma(z, FloatVector.broadcast(S, T1));
        p = p.fma(z, FloatVector.broadcast(S, T2));
        p = p.fma(z, FloatVector.broadcast(S, T3));
        p = p.fma(z, FloatVector.broadcast(S, T4));
        final FloatVector small = p.mul(z).fma(v, v);
        final FloatVector big = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(exp(ax.add(ax)).add(1f)));
        final FloatVector t = big.blend(big.neg(), v.compare(VectorOperators.LT, 0f))
                .blend(small, ax.compare(VectorOperators.LT, TANH_SMALL));
        return t.blend(v, v.compare(VectorOperators.EQ, 0f));
    }

    /** @return e^v of every lane */
    static FloatVector exp(FloatVector v) {
        final FloatVector x = v.min(EXP_HI).max(EXP_LO);
        final FloatVector t = x.fma(LOG2E, MAGIC);
        final FloatVector n = t.sub(MAGIC);
        FloatVector r = n.fma(FloatVector.broadcast(S, -C1), x);
        r = n.fma(FloatVector.broadcast(S, -C2), r);
        FloatVector p = FloatVector.broadcast(S, P0).fma(r, FloatVector.broadcast(S, P1));
        p = p.fma(r, FloatVector.broadcast(S, P2));
        p = p.fma(r, FloatVector.broadcast(S, P3));
        p = p.fma(r, FloatVector.broadcast(S, P4));
        p = p.fma(r, FloatVector.broadcast(S, P5));
        final FloatVector e = p.fma(r.mul(r), r).add(1f);
        final IntVector bits = t.reinterpretAsInts().sub(MAGIC_BITS);
        final FloatVector low = e.mul(bits.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
        final FloatVector high = e.mul(bits.add(126).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats()).mul(2f);
        final FloatVector y = low.blend(high, x.compare(VectorOperators.GT, EXP_TOP));
        return y.blend(0f, v.compare(VectorOperators.LT, EXP_LO))
                .blend(Float.POSITIVE_INFINITY, v.compare(VectorOperators.GT, EXP_HI));
    }

    @Override
    public void tanh(float[] x, int from, float[] y, int n) {
        final int end = from + n;
        int i = from;
        for (; i <= end - L; i += L) {
            tanh(FloatVector.fromArray(S, x, i)).intoArray(y, i);
        }
        for (; i < end; i++) {
            y[i] = FloatFunctions.tanh(x[i]);
        }
    }

    @Override
    public void exp(float[] x, int from, float[] y, int n) {
        final int end = from + n;
        int i = from;
        for (; i <= end - L; i += L) {
            exp(FloatVector.fromArray(S, x, i)).intoArray(y, i);
        }
        for (; i < end; i++) {
            y[i] = FloatFunctions.exp(x[i]);
        }
    }

    @Override
    public void softmax(float[] z, float[] y, int rows, int cols) {
        final int[] idx = ROW_INDEX[cols];
        int r = 0;
        for (; r + L <= rows; r += L) {
            final int base = r * cols;
            FloatVector max = FloatVector.fromArray(S, z, base, idx, 0);
            for (int c = 1; c < cols; c++) {
                max = max.max(FloatVector.fromArray(S, z, base + c, idx, 0));
            }
            FloatVector sum = FloatVector.zero(S);
            for (int c = 0; c < cols; c++) {
                final FloatVector e = exp(FloatVector.fromArray(S, z, base + c, idx, 0).sub(max));
                sum = sum.add(e);
                e.intoArray(y, base + c, idx, 0);
            }
            for (int c = 0; c < cols; c++) {
                FloatVector.fromArray(S, y, base + c, idx, 0).div(sum).intoArray(y, base + c, idx, 0);
            }
        }
        for (; r < rows; r++) {
            FloatFunctions.softmaxRow(z, y, r * cols, cols);
        }
    }
}

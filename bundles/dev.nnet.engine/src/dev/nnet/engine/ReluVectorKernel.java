package dev.nnet.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float32 ReLU steps of {@link LayerKernels} on the Vector API: the scalar {@code z > 0 ? z : 0} loops branch on
 * the sign of every element, which is unpredictable for ReLU layers and dominated the small Digits-sized batches.
 * Selects with a compare mask instead; results are bit-identical to the scalar loops (one float add, then a
 * select). Loaded by reflection only when {@link dev.nnet.engine.matrix.VectorSupport#enabled()}.
 */
final class ReluVectorKernel implements LayerKernels.FloatRelu {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void biasRelu(float[] z, float[] b, float[] y, int rows, int units) {
        final FloatVector zero = FloatVector.zero(S);
        final int bound = S.loopBound(units);
        for (int r = 0; r < rows; r++) {
            final int base = r * units;
            int u = 0;
            for (; u < bound; u += L) {
                FloatVector v = FloatVector.fromArray(S, z, base + u).add(FloatVector.fromArray(S, b, u));
                v.intoArray(z, base + u);
                VectorMask<Float> pos = v.compare(VectorOperators.GT, 0f);
                zero.blend(v, pos).intoArray(y, base + u);
            }
            for (; u < units; u++) {
                final float v = z[base + u] + b[u];
                z[base + u] = v;
                y[base + u] = v > 0 ? v : 0;
            }
        }
    }

    @Override
    public void reluBackward(float[] z, float[] g, float[] out, int n) {
        final FloatVector zero = FloatVector.zero(S);
        final int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            VectorMask<Float> pos = FloatVector.fromArray(S, z, i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, g, i), pos).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = z[i] > 0 ? g[i] : 0;
        }
    }
}

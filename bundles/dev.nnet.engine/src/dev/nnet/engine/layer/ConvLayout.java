package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.Matrix;

/**
 * The copies between the product of a convolution ({@code filters × batch·P}: row f holds every sample's P
 * output positions one after the other) and the NCHW rows of the network ({@code batch × filters·P}), one
 * contiguous block of P values per sample and filter, fused with the bias add and, for ReLU, with the activation
 * (forward) or its derivative (backward). Generic loops for every precision, and float32 loops on the flat arrays over
 * a range of samples ({@link SamplePasses} runs them on the worker threads).
 */
final class ConvLayout {
    private ConvLayout() {
    }

    /** {@code z[n][f][p] = out[f][n·P + p] + bias[f]} (generic loops; float32 goes through {@link #toSamplesRows}). */
    static void toSamples(Matrix out, Matrix bias, Matrix z, int filters, int positions) {
        final int rows = z.rows();
        final int width = out.cols();
        for (int n = 0; n < rows; n++) {
            for (int f = 0; f < filters; f++) {
                final double be = bias.get(f);
                final int src = f * width + n * positions;
                final int dst = (n * filters + f) * positions;
                for (int p = 0; p < positions; p++) {
                    z.set(dst + p, out.get(src + p) + be);
                }
            }
        }
    }

    /**
     * {@code dOut[f][n·P + p] = dz[n][f][p]}; {@code sums[f]} = the bias gradient (the sum over samples and
     * positions). Generic loops; float32 with a fused ReLU goes through {@link #toFiltersRows} instead.
     */
    static void toFilters(LayerBuffers b, Matrix dOut, double[] sums, int filters, int positions) {
        final int rows = b.dz().rows();
        final int width = dOut.cols();
        java.util.Arrays.fill(sums, 0);
        final Matrix dz = b.dz();
        for (int n = 0; n < rows; n++) {
            for (int f = 0; f < filters; f++) {
                final int src = (n * filters + f) * positions;
                final int dst = f * width + n * positions;
                double sum = 0;
                for (int p = 0; p < positions; p++) {
                    final double g = dz.get(src + p);
                    dOut.set(dst + p, g);
                    sum += g;
                }
                sums[f] += sum;
            }
        }
    }

    /** {@link #toSamples} on float32 arrays for samples {@code [n0, n1)}. */
    static void toSamplesRows(float[] o, int width, float[] bv, float[] zv, float[] yv, boolean relu, int filters,
            int positions, int n0, int n1) {
        for (int n = n0; n < n1; n++) {
            for (int f = 0; f < filters; f++) {
                final float be = bv[f];
                final int src = f * width + n * positions;
                final int dst = (n * filters + f) * positions;
                if (relu) {
                    for (int p = 0; p < positions; p++) {
                        final float v = o[src + p] + be;
                        zv[dst + p] = v;
                        yv[dst + p] = Math.max(v, 0f);
                    }
                } else {
                    for (int p = 0; p < positions; p++) {
                        zv[dst + p] = o[src + p] + be;
                    }
                }
            }
        }
    }

    /**
     * The fused-ReLU {@link #toFilters} on float32 arrays for samples {@code [n0, n1)}; {@code partial[n·F + f]}
     * receives the sum over the positions of sample {@code n}, filter {@code f}, which {@link #sumSamples} then adds
     * up in sample order, so a split over samples changes no sum.
     */
    static void toFiltersRows(LayerBuffers b, Matrix dOut, double[] partial, int filters, int positions, int n0,
            int n1) {
        final float[] zv = ((FloatMatrix) b.z).data();
        final float[] g = ((FloatMatrix) b.dy()).data();
        final float[] dz = ((FloatMatrix) b.dz()).data();
        final float[] o = ((FloatMatrix) dOut).data();
        final int width = dOut.cols();
        for (int n = n0; n < n1; n++) {
            for (int f = 0; f < filters; f++) {
                final int src = (n * filters + f) * positions;
                final int dst = f * width + n * positions;
                double sum = 0;
                for (int p = 0; p < positions; p++) {
                    final float v = zv[src + p] > 0 ? g[src + p] : 0f;
                    dz[src + p] = v;
                    o[dst + p] = v;
                    sum += v;
                }
                partial[n * filters + f] = sum;
            }
        }
    }

    /** {@code sums[f] = Σ_n partial[n·F + f]}, in sample order. */
    static void sumSamples(double[] partial, double[] sums, int rows, int filters) {
        java.util.Arrays.fill(sums, 0);
        for (int n = 0; n < rows; n++) {
            for (int f = 0; f < filters; f++) {
                sums[f] += partial[n * filters + f];
            }
        }
    }
}

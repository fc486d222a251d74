package dev.nnet.engine.tests.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.MatMul;
import dev.nnet.engine.matrix.ParallelFor;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.matrix.VectorSupport;
import org.junit.jupiter.api.Test;

/**
 * The float32 blocked products with the Vector API kernel compute every element as one chain of fused multiply-adds
 * over p in order from 0, so they must equal that chain computed here with {@link Math#fma(float, float, float)}, bit
 * for bit. Any value the packing puts in the wrong place changes the bits, so this checks the packing paths exactly:
 * the 16 × 16 transposes of {@code A·Bᵀ}'s B and of a row-major A (full 12-row panels, steps in blocks of 16 and a
 * remainder), the masked copies of {@code Aᵀ·B}'s A (full and short panels), the plain copies, and a second KC block
 * (k over 1024) whose remainder is shorter than a transpose block, on 1 and 2 threads. Without the Vector API the
 * scalar kernel's chain (a float multiply, then an add) is the reference instead.
 */
class PackedOperandsTest {
    /** m, n, k: W4's first layer, 16-step blocks with and without a remainder, edge rows and columns, two KC blocks. */
    private static final int[][] SHAPES = {{64, 256, 784}, {64, 128, 256}, {12, 32, 16}, {13, 33, 17}, {24, 64, 47},
        {100, 37, 300}, {11, 40, 20}, {7, 33, 70}, {36, 96, 31}, {6, 96, 1030}, {30, 64, 1040}, {130, 64, 2100}};

    private static FloatMatrix random(int rows, int cols, SeededRandom r) {
        FloatMatrix m = new FloatMatrix(rows, cols);
        float[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (r.nextDouble() - 0.5);
        }
        return m;
    }

    private static final boolean FMA = VectorSupport.enabled();

    /** {@code Σ_p A(i,p)·B(p,j)} as one chain from 0, with A and B read through (row, column) strides. */
    private static float chain(float[] a, int rsA, int csA, float[] b, int rsB, int csB, int i, int j, int k) {
        float sum = 0f;
        for (int p = 0; p < k; p++) {
            final float x = a[i * rsA + p * csA];
            final float y = b[p * rsB + j * csB];
            sum = FMA ? Math.fma(x, y, sum) : sum + x * y;
        }
        return sum;
    }

    @Test
    void blockedFloatProductsAreTheirKernelsChainBitForBit() {
        System.out.println("PackedOperandsTest: kernels " + VectorSupport.describe());
        for (int threads = 1; threads <= 2; threads++) {
            try (ParallelFor parallel = new ParallelFor(threads)) {
                MatMul mm = MatMul.create(Precision.FLOAT32, parallel);
                for (int[] s : SHAPES) {
                    final int m = s[0];
                    final int n = s[1];
                    final int k = s[2];
                    SeededRandom r = new SeededRandom(m * 131L + n * 17L + k);
                    FloatMatrix a = random(m, k, r);
                    FloatMatrix at = random(k, m, r);
                    FloatMatrix b = random(k, n, r);
                    FloatMatrix bt = random(n, k, r);
                    FloatMatrix ab = new FloatMatrix(m, n);
                    FloatMatrix abt = new FloatMatrix(m, n);
                    FloatMatrix atb = new FloatMatrix(m, n);
                    mm.multiplyAB(a, b, ab);
                    mm.multiplyABt(a, bt, abt);
                    mm.multiplyAtB(at, b, atb);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            String where = threads + " threads, " + m + "x" + n + "x" + k + " at " + i + "," + j;
                            assertEquals(chain(a.data(), k, 1, b.data(), n, 1, i, j, k), ab.data()[i * n + j],
                                    "A·B " + where);
                            assertEquals(chain(a.data(), k, 1, bt.data(), 1, k, i, j, k), abt.data()[i * n + j],
                                    "A·Bᵀ " + where);
                            assertEquals(chain(at.data(), 1, m, b.data(), n, 1, i, j, k), atb.data()[i * n + j],
                                    "Aᵀ·B " + where);
                        }
                    }
                }
            }
        }
    }
}

package dev.nnet.engine.tests.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.matrix.MatMul;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.ParallelFor;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.matrix.VectorSupport;
import org.junit.jupiter.api.Test;

/**
 * The cache-blocked kernels on shapes that cross the block sizes (k over 256, m over 96), leave edge tiles in
 * both directions, and are big enough to be split across threads: equal to a naive loop within rounding,
 * bit-identical for 1 and 2 threads, and the Vector API kernel equal to the scalar one within rounding.
 */
class BlockedMatMulTest {
    /**
     * m, n, k: tiny (plain loops), edges, more than one KC and MC block, big enough for 2 threads; rows that end in
     * a half tile (6 rows: 6, 18, 96 + 6), in a buffered half tile (1-5 rows: 11 - 6, 64, 100) and in a buffered
     * full tile (7-11 rows: 7, 11, 130), alone or after a first KC block (k over 1024: 1030, 2100) and split across
     * threads.
     */
    private static final int[][] SHAPES = {{3, 5, 7}, {6, 16, 1}, {7, 33, 70}, {100, 37, 300}, {64, 256, 784},
        {130, 70, 513}, {6, 64, 300}, {11, 40, 20}, {18, 64, 40}, {102, 96, 257}, {6, 512, 300}, {23, 97, 260},
        {6, 96, 1030}, {11, 70, 1030}, {102, 97, 1030}, {130, 64, 2100}};

    private static Matrix random(Precision p, int rows, int cols, SeededRandom r) {
        Matrix m = Matrix.zeros(p, rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.set(i, r.nextDouble() - 0.5);
        }
        return m;
    }

    /** c = a·b, a·bᵀ and aᵀ·b for one shape; returns the three outputs. */
    private static Matrix[] products(MatMul mm, Precision p, int m, int n, int k) {
        SeededRandom r = new SeededRandom(m * 31L + n * 7L + k);
        Matrix a = random(p, m, k, r);
        Matrix b = random(p, k, n, r);
        Matrix bt = Matrix.zeros(p, n, k);
        Matrix at = Matrix.zeros(p, k, m);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                bt.set(j, i, b.get(i, j));
            }
            for (int j = 0; j < m; j++) {
                at.set(i, j, a.get(j, i));
            }
        }
        Matrix[] out = {Matrix.zeros(p, m, n), Matrix.zeros(p, m, n), Matrix.zeros(p, m, n), a, b};
        out[0].fill(Double.NaN);
        mm.multiplyAB(a, b, out[0]);
        mm.multiplyABt(a, bt, out[1]);
        mm.multiplyAtB(at, b, out[2]);
        return out;
    }

    @Test
    void blockedProductsMatchNaiveLoops() {
        for (Precision p : Precision.values()) {
            for (int threads = 1; threads <= 2; threads++) {
                try (ParallelFor parallel = new ParallelFor(threads)) {
                    MatMul mm = MatMul.create(p, parallel);
                    for (int[] s : SHAPES) {
                        Matrix[] c = products(mm, p, s[0], s[1], s[2]);
                        Matrix a = c[3];
                        Matrix b = c[4];
                        double tol = (p == Precision.FLOAT32 ? 2e-6 : 1e-14) * s[2];
                        for (int i = 0; i < s[0]; i++) {
                            for (int j = 0; j < s[1]; j++) {
                                double sum = 0;
                                for (int q = 0; q < s[2]; q++) {
                                    sum += a.get(i, q) * b.get(q, j);
                                }
                                for (int v = 0; v < 3; v++) {
                                    assertEquals(sum, c[v].get(i, j), tol, p + " " + threads + " threads, shape "
                                            + s[0] + "x" + s[1] + "x" + s[2] + ", product " + v + " at " + i + "," + j);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalProducts() {
        for (Precision p : Precision.values()) {
            try (ParallelFor two = new ParallelFor(2)) {
                MatMul one = MatMul.create(p, ParallelFor.SEQUENTIAL);
                MatMul both = MatMul.create(p, two);
                for (int[] s : SHAPES) {
                    Matrix[] c1 = products(one, p, s[0], s[1], s[2]);
                    Matrix[] c2 = products(both, p, s[0], s[1], s[2]);
                    for (int v = 0; v < 3; v++) {
                        for (int i = 0; i < c1[v].size(); i++) {
                            assertEquals(c1[v].get(i), c2[v].get(i), 0.0, p + " product " + v + " element " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void vectorAndScalarKernelsAgree() {
        String kernels = VectorSupport.describe();
        System.out.println("BlockedMatMulTest: kernels " + kernels);
        for (Precision p : Precision.values()) {
            MatMul best = MatMul.create(p, ParallelFor.SEQUENTIAL);
            MatMul scalar;
            System.setProperty("nnet.vector", "false");
            try {
                scalar = MatMul.create(p, ParallelFor.SEQUENTIAL);
            } finally {
                System.clearProperty("nnet.vector");
            }
            for (int[] s : SHAPES) {
                Matrix[] c1 = products(best, p, s[0], s[1], s[2]);
                Matrix[] c2 = products(scalar, p, s[0], s[1], s[2]);
                double tol = (p == Precision.FLOAT32 ? 1e-6 : 1e-14) * s[2];
                for (int v = 0; v < 3; v++) {
                    for (int i = 0; i < c1[v].size(); i++) {
                        assertEquals(c2[v].get(i), c1[v].get(i), tol, p + " product " + v + " element " + i);
                    }
                }
            }
        }
        assertTrue(kernels.startsWith("vector") || kernels.startsWith("scalar"), kernels);
    }
}

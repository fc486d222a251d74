package dev.nnet.engine.tests.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.matrix.MatMul;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.ParallelFor;
import dev.nnet.engine.matrix.Precision;
import org.junit.jupiter.api.Test;

/** The three products against a naive triple loop, both precisions, 1 and 2 threads. */
class MatMulTest {
    private static Matrix random(Precision p, int rows, int cols, SeededRandom r) {
        Matrix m = Matrix.zeros(p, rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.set(i, r.nextGaussian());
        }
        return m;
    }

    @Test
    void productsMatchNaiveLoops() {
        for (Precision p : Precision.values()) {
            for (int threads = 1; threads <= 2; threads++) {
                try (ParallelFor parallel = new ParallelFor(threads)) {
                    MatMul mm = MatMul.create(p, parallel);
                    SeededRandom r = new SeededRandom(3);
                    int m = 70;
                    int k = 40;
                    int n = 50;
                    double tol = p == Precision.FLOAT32 ? 1e-4 : 1e-12;
                    Matrix a = random(p, m, k, r);
                    Matrix b = random(p, k, n, r);
                    Matrix c = Matrix.zeros(p, m, n);
                    mm.multiplyAB(a, b, c);
                    Matrix bt = random(p, n, k, r);
                    Matrix c2 = Matrix.zeros(p, m, n);
                    mm.multiplyABt(a, bt, c2);
                    Matrix at = random(p, k, m, r);
                    Matrix c3 = Matrix.zeros(p, m, n);
                    mm.multiplyAtB(at, b, c3);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double s1 = 0;
                            double s2 = 0;
                            double s3 = 0;
                            for (int q = 0; q < k; q++) {
                                s1 += a.get(i, q) * b.get(q, j);
                                s2 += a.get(i, q) * bt.get(j, q);
                                s3 += at.get(q, i) * b.get(q, j);
                            }
                            assertEquals(s1, c.get(i, j), tol);
                            assertEquals(s2, c2.get(i, j), tol);
                            assertEquals(s3, c3.get(i, j), tol);
                        }
                    }
                }
            }
        }
    }
}

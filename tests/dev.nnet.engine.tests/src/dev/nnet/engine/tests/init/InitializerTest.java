package dev.nnet.engine.tests.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.init.Initializer;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import org.junit.jupiter.api.Test;

/** Bounds and spreads of the initializers (torch.nn.init formulas). */
class InitializerTest {
    private static Matrix fill(Initializer init, int fanIn, int fanOut) {
        Matrix m = Matrix.zeros(Precision.FLOAT64, fanOut, fanIn);
        init.initialize(m, fanIn, fanOut, new SeededRandom(1));
        return m;
    }

    private static double max(Matrix m) {
        double v = 0;
        for (int i = 0; i < m.size(); i++) {
            v = Math.max(v, Math.abs(m.get(i)));
        }
        return v;
    }

    private static double std(Matrix m) {
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < m.size(); i++) {
            sum += m.get(i);
            sq += m.get(i) * m.get(i);
        }
        double mean = sum / m.size();
        return Math.sqrt(sq / m.size() - mean * mean);
    }

    @Test
    void constantsAndRanges() {
        assertEquals(0, max(fill(Initializers.zeros(), 10, 10)));
        assertEquals(0.25, fill(Initializers.constant(0.25), 3, 3).get(4));
        Matrix u = fill(Initializers.uniform(-0.1, 0.3), 50, 50);
        for (int i = 0; i < u.size(); i++) {
            assertTrue(u.get(i) >= -0.1 && u.get(i) < 0.3);
        }
        assertEquals(2.0, std(fill(Initializers.normal(0, 2), 100, 100)), 0.05);
    }

    @Test
    void xavierAndHeScales() {
        int in = 200;
        int out = 100;
        double xavierBound = Math.sqrt(6.0 / (in + out));
        Matrix xu = fill(Initializers.xavierUniform(), in, out);
        assertTrue(max(xu) <= xavierBound && max(xu) > 0.95 * xavierBound);
        assertEquals(Math.sqrt(2.0 / (in + out)), std(fill(Initializers.xavierNormal(), in, out)), 0.003);
        double heBound = Math.sqrt(6.0 / in);
        Matrix hu = fill(Initializers.heUniform(), in, out);
        assertTrue(max(hu) <= heBound && max(hu) > 0.95 * heBound);
        assertEquals(Math.sqrt(2.0 / in), std(fill(Initializers.heNormal(), in, out)), 0.003);
    }

    @Test
    void seededRandomIsReproducible() {
        SeededRandom a = new SeededRandom(5);
        SeededRandom b = new SeededRandom(5);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
        assertEquals(fill(Initializers.heNormal(), 4, 4).get(7), fill(Initializers.heNormal(), 4, 4).get(7));
    }
}

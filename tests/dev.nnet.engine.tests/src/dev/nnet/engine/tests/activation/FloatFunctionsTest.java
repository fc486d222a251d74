package dev.nnet.engine.tests.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.activation.FloatFunctions;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float32 tanh and exp of the activation loops: within 2 ulps of the double functions rounded to float over
 * small, ordinary and large arguments, the documented special values, and the array forms (vectorised when the
 * Vector API is present, from 1024 elements on) bit-identical to the scalar methods (the path without the vector
 * module) for every length, so the tails past the last full vector are covered.
 */
class FloatFunctionsTest {
    private static final String KERNELS = FloatFunctions.vectorized() ? "vector" : "scalar";

    private static float[] arguments(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            switch (i % 3) {
                case 0: x[i] = (float) random.nextDouble(-10, 10); break;
                case 1: x[i] = (float) (random.nextDouble(-1, 1) * Math.pow(10, random.nextDouble(-9, 2))); break;
                default: x[i] = (float) random.nextDouble(-90, 90);
            }
        }
        return x;
    }

    private static double ulps(float actual, double exact) {
        float rounded = (float) exact;
        return Math.abs(actual - rounded) / Math.ulp(rounded);
    }

    @Test
    void tanhIsWithinTwoUlpsAndSaturates() {
        for (float x : arguments(300_000, 1)) {
            assertTrue(ulps(FloatFunctions.tanh(x), Math.tanh(x)) <= 2, "tanh(" + x + ") = " + FloatFunctions.tanh(x));
        }
        for (float x : new float[] {9.1f, 20, 1e6f, Float.MAX_VALUE, Float.POSITIVE_INFINITY}) {
            assertEquals(1f, FloatFunctions.tanh(x), "tanh(" + x + ")");
            assertEquals(-1f, FloatFunctions.tanh(-x), "tanh(" + -x + ")");
        }
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(FloatFunctions.tanh(-0f)));
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(FloatFunctions.tanh(0f)));
        assertEquals(1e-30f, FloatFunctions.tanh(1e-30f));
        assertEquals(Float.MIN_VALUE, FloatFunctions.tanh(Float.MIN_VALUE));
        assertTrue(Float.isNaN(FloatFunctions.tanh(Float.NaN)));
    }

    @Test
    void expIsWithinTwoUlpsWhereTheResultIsNormal() {
        for (float x : arguments(300_000, 2)) {
            double e = Math.exp(x);
            if (e >= Float.MIN_NORMAL * 2.0 && e <= Float.MAX_VALUE) {
                assertTrue(ulps(FloatFunctions.exp(x), e) <= 2, "exp(" + x + ") = " + FloatFunctions.exp(x));
            }
        }
        assertEquals(1f, FloatFunctions.exp(0));
        assertEquals(1f, FloatFunctions.exp(-0f));
        assertEquals(0f, FloatFunctions.exp(-88f));
        assertEquals(0f, FloatFunctions.exp(-1000));
        assertEquals(0f, FloatFunctions.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, FloatFunctions.exp(89));
        assertEquals(Float.POSITIVE_INFINITY, FloatFunctions.exp(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(FloatFunctions.exp(Float.NaN)));
        float top = FloatFunctions.exp(88.72f);
        assertTrue(top > 3.3e38f && top < Float.POSITIVE_INFINITY, "exp(88.72) = " + top);
    }

    @Test
    void arrayFormsEqualTheScalarMethodsForEveryLengthAndOffset() {
        float[] x = arguments(1200, 3);
        x[5] = Float.NaN;
        x[17] = Float.POSITIVE_INFINITY;
        x[40] = Float.NEGATIVE_INFINITY;
        x[63] = -0f;
        x[90] = 1e30f;
        for (int from : new int[] {0, 1, 7}) {
            // short arrays run the scalar loop; from 1024 elements on the vector one, with every tail length
            for (int n = 0; n <= 1100; n += n < 40 || n >= 1000 ? 1 : 96) {
                float[] t = new float[x.length];
                float[] e = new float[x.length];
                FloatFunctions.tanh(x, from, t, n);
                FloatFunctions.exp(x, from, e, n);
                for (int i = 0; i < x.length; i++) {
                    boolean in = i >= from && i < from + n;
                    assertEquals(Float.floatToRawIntBits(in ? FloatFunctions.tanh(x[i]) : 0f), Float.floatToRawIntBits(t[i]),
                            KERNELS + " tanh, from " + from + ", n " + n + ", index " + i);
                    assertEquals(Float.floatToRawIntBits(in ? FloatFunctions.exp(x[i]) : 0f), Float.floatToRawIntBits(e[i]),
                            KERNELS + " exp, from " + from + ", n " + n + ", index " + i);
                }
            }
        }
        float[] inPlace = x.clone();
        FloatFunctions.exp(inPlace, 0, inPlace, inPlace.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Float.floatToRawIntBits(FloatFunctions.exp(x[i])), Float.floatToRawIntBits(inPlace[i]));
        }
    }

    @Test
    void softmaxOfABatchEqualsTheRowsOneByOne() {
        SplittableRandom random = new SplittableRandom(5);
        for (int cols = 1; cols <= FloatFunctions.SOFTMAX_COLS; cols += cols < 4 ? 1 : 7) {
            for (int rows : new int[] {1, 3, 17, 40, 257, 600}) {
                float[] z = new float[rows * cols];
                for (int i = 0; i < z.length; i++) {
                    z[i] = (float) random.nextDouble(-50, 50);
                }
                z[0] = Float.NEGATIVE_INFINITY;
                if (z.length > 5) {
                    z[5] = Float.NaN;
                }
                float[] y = new float[z.length];
                FloatFunctions.softmax(z, y, rows, cols);
                for (int r = 0; r < rows; r++) {
                    float[] one = java.util.Arrays.copyOfRange(z, r * cols, (r + 1) * cols);
                    float[] yo = new float[cols];
                    FloatFunctions.softmax(one, yo, 1, cols);
                    for (int c = 0; c < cols; c++) {
                        assertEquals(Float.floatToRawIntBits(yo[c]), Float.floatToRawIntBits(y[r * cols + c]),
                                KERNELS + ", " + rows + " x " + cols + ", row " + r + ", column " + c);
                    }
                }
            }
        }
    }

    @Test
    void float32TanhAndSoftmaxActivationsMatchFloat64() {
        SplittableRandom random = new SplittableRandom(4);
        for (int cols : new int[] {1, 3, 10, 17, 32, 33, 70}) {
            int rows = 37;
            Matrix zf = Matrix.zeros(Precision.FLOAT32, rows, cols);
            Matrix zd = Matrix.zeros(Precision.FLOAT64, rows, cols);
            for (int i = 0; i < zf.size(); i++) {
                float v = (float) random.nextDouble(-30, 30);
                zf.set(i, v);
                zd.set(i, v);
            }
            zf.set(0, 1e30);
            zd.set(0, 1e30);
            for (var a : new dev.nnet.engine.activation.Activation[] {Activations.tanh(), Activations.softmax()}) {
                Matrix yf = Matrix.zeros(Precision.FLOAT32, rows, cols);
                Matrix yd = Matrix.zeros(Precision.FLOAT64, rows, cols);
                a.forward(zf, yf);
                a.forward(zd, yd);
                // softmax: z - max is rounded to float before the exp, 2^-24 |z - max| relative
                double relative = a == Activations.tanh() ? 3e-7 : 4e-6;
                for (int i = 0; i < yf.size(); i++) {
                    assertEquals(yd.get(i), yf.get(i), relative * Math.abs(yd.get(i)) + 1e-37,
                            a + ", " + cols + " columns, element " + i);
                }
            }
        }
    }
}

package dev.nnet.engine.activation;

/**
 * Float32 tanh and exp for the activation hot loops, built from IEEE operations only (multiply, fused multiply-add,
 * divide, min/max, integer bit moves), so they give the same bits in interpreted and compiled code and on every
 * JVM. The scalar methods here and the Vector API ones ({@code FloatVectorFunctions}, loaded when
 * {@code jdk.incubator.vector} is present) perform the same operations in the same order: results are bit-identical
 * with and without the vector module. Float32 only: float64 keeps {@code Math.tanh} / {@code Math.exp}.
 * <ul>
 * <li>{@link #tanh(float)}: Cephes' {@code tanhf}: an odd degree-11 polynomial below |x| = 0.625, else
 * {@code ±(1 - 2/(e^2|x| + 1))} with the exp below; within 2 float ulps of tanh, ±1 for large |x|.</li>
 * <li>{@link #exp(float)}: Cephes' {@code expf}: {@code x = n ln2 + r}, a degree-7 polynomial in r, {@code 2^n}
 * from the exponent bits; 0 below {@value #EXP_LO} (where the result would be subnormal), +inf above
 * {@value #EXP_HI}; within 2 float ulps elsewhere.</li>
 * </ul>
 * NaN gives NaN in both.
 */
public final class FloatFunctions {
    static final float TANH_SMALL = 0.625f;
    static final float T0 = -5.70498872745e-3f;
    static final float T1 = 2.06390887954e-2f;
    static final float T2 = -5.37397155531e-2f;
    static final float T3 = 1.33314422036e-1f;
    static final float T4 = -3.33332819422e-1f;

    static final float EXP_HI = 88.72283935546875f;
    /** Above this the result is scaled by 2^(n-1) and doubled, so that n = 128 does not overflow the exponent. */
    static final float EXP_TOP = 88f;
    static final float EXP_LO = -87.3365447505531f;
    static final float LOG2E = 1.44269504088896341f;
    /** 1.5 · 2^23: adding it rounds to an integer, which then sits in the low mantissa bits. */
    static final float MAGIC = 12582912f;
    static final int MAGIC_BITS = 0x4B400000;
    static final float C1 = 0.693359375f;
    static final float C2 = -2.12194440e-4f;
    static final float P0 = 1.9875691500e-4f;
    static final float P1 = 1.3981999507e-3f;
    static final float P2 = 8.3334519073e-3f;
    static final float P3 = 4.1665795894e-2f;
    static final float P4 = 1.6666665459e-1f;
    static final float P5 = 5.0000001201e-1f;

    /**
     * Fewest elements (rows for softmax: this many values in all) handed to the Vector API loops: they run some
     * hundred times slower until C2 has compiled them, which small training batches (Iris, 16 rows) would pay for
     * longer than they gain; below it the scalar methods give the same bits.
     */
    static final int VECTOR_MIN = 1024;

    /** Array loops on the Vector API, or null when jdk.incubator.vector is absent (the scalar loops run). */
    private static final Loops VECTOR = loadVector();

    private FloatFunctions() {
    }

    /** The array forms, implemented on the Vector API by {@code FloatVectorFunctions}. */
    interface Loops {
        void tanh(float[] x, int from, float[] y, int n);

        void exp(float[] x, int from, float[] y, int n);

        void softmax(float[] z, float[] y, int rows, int cols);
    }

    /** Widest rows {@link #softmax} takes (the output layers of classifiers; wider ones sum in double). */
    public static final int SOFTMAX_COLS = 32;

    private static Loops loadVector() {
        if (!dev.nnet.engine.matrix.VectorSupport.enabled()) {
            return null;
        }
        try {
            return (Loops) Class.forName("dev.nnet.engine.activation.FloatVectorFunctions").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** @return true when the array methods run on the Vector API */
    public static boolean vectorized() {
        return VECTOR != null;
    }

    /**
     * @param v any value
     * @return tanh(v) within 2 float ulps; ±1 for large |v| and ±inf, NaN for NaN, -0 for -0
     */
    public static float tanh(float v) {
        final float ax = Math.abs(v);
        if (ax < TANH_SMALL) {
            final float z = v * v;
            float p = Math.fma(T0, z, T1);
            p = Math.fma(p, z, T2);
            p = Math.fma(p, z, T3);
            p = Math.fma(p, z, T4);
            return v == 0 ? v : Math.fma(p * z, v, v);
        }
        final float big = 1 - 2 / (exp(ax + ax) + 1);
        return v < 0 ? -big : big;
    }

    /**
     * @param v any value
     * @return e^v within 2 float ulps; 0 below {@value #EXP_LO}, +inf above {@value #EXP_HI}, NaN for NaN
     */
    public static float exp(float v) {
        final float x = Math.max(EXP_LO, Math.min(EXP_HI, v));
        final float t = Math.fma(x, LOG2E, MAGIC);
        final float n = t - MAGIC;
        float r = Math.fma(n, -C1, x);
        r = Math.fma(n, -C2, r);
        float p = Math.fma(P0, r, P1);
        p = Math.fma(p, r, P2);
        p = Math.fma(p, r, P3);
        p = Math.fma(p, r, P4);
        p = Math.fma(p, r, P5);
        final float e = Math.fma(p, r * r, r) + 1;
        final int bits = Float.floatToRawIntBits(t) - MAGIC_BITS;
        final float low = e * Float.intBitsToFloat((bits + 127) << 23);
        final float high = e * Float.intBitsToFloat((bits + 126) << 23) * 2;
        final float y = x > EXP_TOP ? high : low;
        return v < EXP_LO ? 0 : v > EXP_HI ? Float.POSITIVE_INFINITY : y;
    }

    /**
     * Softmax of one row in float32: {@code max}, {@code e_c = exp(z_c - max)}, their sum in order from column 0,
     * {@code y_c = e_c / sum}.
     *
     * @param z inputs
     * @param y outputs (may be z)
     * @param base index of the row's first element
     * @param cols row length, at least 1
     */
    static void softmaxRow(float[] z, float[] y, int base, int cols) {
        float max = z[base];
        for (int c = 1; c < cols; c++) {
            max = Math.max(max, z[base + c]);
        }
        float sum = 0;
        for (int c = 0; c < cols; c++) {
            final float e = exp(z[base + c] - max);
            sum += e;
            y[base + c] = e;
        }
        for (int c = 0; c < cols; c++) {
            y[base + c] = y[base + c] / sum;
        }
    }

    /**
     * Row-wise softmax of a {@code rows × cols} batch, each row as {@link #softmaxRow} computes it; on the Vector
     * API L rows at a time (lanes over rows, as rows this short do not fill a vector), the same bits.
     *
     * @param z inputs
     * @param y outputs (may be z)
     * @param rows rows
     * @param cols row length, 1 to {@value #SOFTMAX_COLS}
     */
    public static void softmax(float[] z, float[] y, int rows, int cols) {
        if (cols < 1 || cols > SOFTMAX_COLS) {
            throw new IllegalArgumentException("softmax rows of " + cols + " values (1 to " + SOFTMAX_COLS + ")");
        }
        if (VECTOR != null && rows * cols >= VECTOR_MIN / 2) {
            VECTOR.softmax(z, y, rows, cols);
            return;
        }
        for (int r = 0; r < rows; r++) {
            softmaxRow(z, y, r * cols, cols);
        }
    }

    /**
     * The output step of a dense softmax layer: {@code z += b} (per row, one float add) on the arrays (the dense layer's
     * generic step went through Matrix get/set), then {@link #softmax}. (One row per vector, with the max by a lane
     * reduction, was tried: for Digits' 10 classes no faster than the gathers across rows, for Iris' 3 slower.)
     *
     * @return false if the rows are wider than {@value #SOFTMAX_COLS} (nothing is written then)
     */
    public static boolean biasSoftmax(float[] z, float[] b, float[] y, int rows, int cols) {
        if (cols < 1 || cols > SOFTMAX_COLS) {
            return false;
        }
        for (int r = 0; r < rows; r++) {
            final int base = r * cols;
            for (int c = 0; c < cols; c++) {
                z[base + c] += b[c];
            }
        }
        softmax(z, y, rows, cols);
        return true;
    }

    /**
     * {@code y[from + i] = tanh(x[from + i])} for i in [0, n).
     *
     * @param x inputs
     * @param from first index
     * @param y outputs (may be x)
     * @param n count
     */
    public static void tanh(float[] x, int from, float[] y, int n) {
        if (VECTOR != null && n >= VECTOR_MIN) {
            VECTOR.tanh(x, from, y, n);
            return;
        }
        for (int i = from; i < from + n; i++) {
            y[i] = tanh(x[i]);
        }
    }

    /**
     * {@code y[from + i] = exp(x[from + i])} for i in [0, n).
     *
     * @param x inputs
     * @param from first index
     * @param y outputs (may be x)
     * @param n count
     */
    public static void exp(float[] x, int from, float[] y, int n) {
        if (VECTOR != null && n >= VECTOR_MIN) {
            VECTOR.exp(x, from, y, n);
            return;
        }
        for (int i = from; i < from + n; i++) {
            y[i] = exp(x[i]);
        }
    }
}

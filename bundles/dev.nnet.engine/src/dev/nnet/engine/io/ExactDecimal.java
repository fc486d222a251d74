package dev.nnet.engine.io;

/**
 * The exact step the readers of numbers share (model files: {@link JsonDecimal}; CSV cells:
 * {@code data.CsvDecimal}): decimal digits held as a long below 2^53 are an exact double, and one multiplication or
 * division by an exact power of ten up to 10^22 is correctly rounded, so the result equals
 * {@link Double#parseDouble} of the same text. Outside that range the caller parses the text.
 */
public final class ExactDecimal {
    private static final double[] POWERS = new double[23];
    /** Digits below 2^53 are an exact double. */
    private static final long EXACT = 1L << 53;

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private ExactDecimal() {
    }

    /**
     * @param mantissa the significant digits as a non-negative long
     * @param scale the power of ten they are multiplied by
     * @param negative the sign
     * @return {@code ±mantissa · 10^scale}, correctly rounded, or NaN when that is not exact here (digits at or
     *         above 2^53, a non-zero mantissa with |scale| > 22)
     */
    public static double scaled(long mantissa, int scale, boolean negative) {
        double d;
        if (mantissa >= EXACT || mantissa < 0) {
            return Double.NaN;
        } else if (mantissa == 0) {
            d = 0;
        } else if (scale >= 0 && scale < POWERS.length) {
            d = mantissa * POWERS[scale];
        } else if (scale < 0 && -scale < POWERS.length) {
            d = mantissa / POWERS[-scale];
        } else {
            return Double.NaN;
        }
        return negative ? -d : d;
    }
}

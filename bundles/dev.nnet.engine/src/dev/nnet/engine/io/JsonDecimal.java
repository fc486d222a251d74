package dev.nnet.engine.io;

import java.nio.charset.StandardCharsets;

/**
 * Converts a JSON number (its grammar already checked) from bytes to exactly the float of {@link Float#parseFloat}
 * or the double of {@link Double#parseDouble}, without a String in the common case: significant digits below 2^53
 * (all of 15 digits, most of 16) and a decimal exponent within 10^±22 give the digits as an exact long and one correctly rounded multiplication or
 * division by an exact power of ten (the double). A float is that double rounded to float, which is the correctly
 * rounded float unless the double lies exactly halfway between two floats (then, and for longer or extreme numbers,
 * the JDK's parser decides).
 */
final class JsonDecimal {
    private JsonDecimal() {
    }

    static double toDouble(byte[] b, int length) {
        double d = fast(b, length);
        return d == d ? d : Double.parseDouble(new String(b, 0, length, StandardCharsets.ISO_8859_1));
    }

    static float toFloat(byte[] b, int length) {
        double d = fast(b, length);
        if (d == d) {
            float f = (float) d;
            if ((double) f == d) {
                return f;
            }
            float other = d > f ? Math.nextUp(f) : Math.nextDown(f);
            if (((double) f + (double) other) * 0.5 != d) {
                return f;
            }
        }
        return Float.parseFloat(new String(b, 0, length, StandardCharsets.ISO_8859_1));
    }

    /** @return the correctly rounded double, or NaN when the fast path does not apply */
    private static double fast(byte[] b, int length) {
        int i = 0;
        boolean negative = b[0] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int scale = 0;
        boolean fraction = false;
        for (; i < length; i++) {
            int c = b[i];
            if (c == '.') {
                fraction = true;
                continue;
            }
            if (c == 'e' || c == 'E') {
                break;
            }
            if (significant > 0 || c != '0') {
                mantissa = mantissa * 10 + (c - '0');
                if (++significant > 18) {
                    return Double.NaN;
                }
            }
            if (fraction) {
                scale--;
            }
        }
        if (i < length) {
            i++;
            boolean negativeExponent = b[i] == '-';
            if (b[i] == '-' || b[i] == '+') {
                i++;
            }
            int exponent = 0;
            for (; i < length; i++) {
                exponent = exponent * 10 + (b[i] - '0');
                if (exponent > 1000) {
                    return mantissa == 0 ? (negative ? -0.0 : 0.0) : Double.NaN;
                }
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        return ExactDecimal.scaled(mantissa, scale, negative);
    }
}

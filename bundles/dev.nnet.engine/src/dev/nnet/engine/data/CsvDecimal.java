package dev.nnet.engine.data;

import java.nio.charset.StandardCharsets;

import dev.nnet.engine.io.ExactDecimal;

/**
 * Parses a CSV cell of ASCII bytes with the grammar of {@link CsvLoader#isDecimal} straight into a double, with no
 * String per cell: up to 15 significant digits and a decimal exponent within 10^±22 take the exact path of
 * {@link ExactDecimal}, which gives the same double as {@link Double#parseDouble}; longer or extreme numbers go to
 * {@link Double#parseDouble}.
 */
final class CsvDecimal {
    private CsvDecimal() {
    }

    /** @return the digits of {@code b[from, to)} after its leading zeros (and a decimal point among them) */
    private static int significantDigits(byte[] b, int from, int to) {
        int count = 0;
        for (int i = from; i < to && b[i] != 'e' && b[i] != 'E'; i++) {
            if (b[i] >= '0' && b[i] <= '9' && (count > 0 || b[i] != '0')) {
                count++;
            }
        }
        return count;
    }

    /**
     * @param b    the bytes
     * @param from first byte of the trimmed cell
     * @param to   end (exclusive), {@code > from}
     * @return the value; NaN when the cell is not a decimal number; infinite when it is out of the double range
     */
    static double parse(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int intStart = i;
        for (int d; i < to && (d = b[i] - '0') >= 0 && d <= 9; i++) {
            mantissa = mantissa * 10 + d;
        }
        int intDigits = i - intStart;
        int fracDigits = 0;
        if (i < to && b[i] == '.') {
            i++;
            int fracStart = i;
            for (int d; i < to && (d = b[i] - '0') >= 0 && d <= 9; i++) {
                mantissa = mantissa * 10 + d;
            }
            fracDigits = i - fracStart;
        }
        if (intDigits == 0 && fracDigits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int expStart = i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                exponent = Math.min(exponent * 10 + (b[i] - '0'), 1_000_000);
                i++;
            }
            if (i == expStart) {
                return Double.NaN;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != to) {
            return Double.NaN;
        }
        if (intDigits + fracDigits > 15 && significantDigits(b, intStart, i) > 15) {
            // the digits did not fit the exact path (the long may even have overflowed)
            return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        }
        double value = ExactDecimal.scaled(mantissa, exponent - fracDigits, negative);
        return value == value ? value
                : Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }
}

package dev.nnet.engine.train;

import dev.nnet.engine.matrix.Matrix;
import java.util.Arrays;

/**
 * A histogram of a layer's values with {@link #BINS} equal-width bins spanning [{@link #min()}, {@link #max()}].
 * Computed at the end of an epoch (two passes over the values, one small array), never per batch.
 *
 * @param min the smallest finite value (NaN when there was none)
 * @param max the largest finite value (NaN when there was none)
 * @param counts values per bin, {@link #BINS} entries; the last bin includes {@code max}
 */
public record Histogram(double min, double max, int[] counts) {
    /** Number of bins of every histogram the engine records. */
    public static final int BINS = 20;

    /** An empty histogram (no values). */
    public static final Histogram EMPTY = new Histogram(Double.NaN, Double.NaN, new int[BINS]);

    /**
     * @param values the values, non-finite ones are skipped
     * @return their histogram
     */
    public static Histogram of(Matrix values) {
        int n = values.size();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = values.get(i);
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return EMPTY;
        }
        int[] counts = new int[BINS];
        double width = (hi - lo) / BINS;
        for (int i = 0; i < n; i++) {
            double v = values.get(i);
            if (Double.isFinite(v)) {
                int b = width == 0 ? 0 : (int) ((v - lo) / width);
                counts[Math.min(BINS - 1, b)]++;
            }
        }
        return new Histogram(lo, hi, counts);
    }

    /** @return the number of values counted */
    public int total() {
        int t = 0;
        for (int c : counts) {
            t += c;
        }
        return t;
    }

    /**
     * @param bin a bin index
     * @return the bin's lower edge
     */
    public double lower(int bin) {
        return min + (max - min) * bin / counts.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Double.compare(min, h.min) == 0 && Double.compare(max, h.max) == 0
                && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(min) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[" + min + ", " + max + ", " + Arrays.toString(counts) + "]";
    }
}

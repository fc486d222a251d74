package dev.nnet.engine.data;

import java.util.Arrays;

/** A flat, growing array of doubles (no boxing) for streamed rows. */
final class GrowableDoubles {
    private double[] values = new double[64];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 16L, 2L * size));
        }
        values[size++] = v;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}

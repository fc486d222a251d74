package dev.nnet.engine.matrix;

import java.util.Arrays;

/** A {@link Matrix} backed by a flat {@code float[]} (row-major). */
public final class FloatMatrix extends Matrix {
    private final float[] data;

    /**
     * @param rows number of rows
     * @param cols number of columns
     */
    public FloatMatrix(int rows, int cols) {
        super(rows, cols);
        this.data = new float[rows * cols];
    }

    /** @return the backing array (not a copy) */
    public float[] data() {
        return data;
    }

    @Override
    public Precision precision() {
        return Precision.FLOAT32;
    }

    @Override
    public double get(int index) {
        return data[index];
    }

    @Override
    public void set(int index, double value) {
        data[index] = (float) value; // @double: data[index] = value;
    }

    @Override
    public void fill(double value) {
        Arrays.fill(data, (float) value); // @double: Arrays.fill(data, value);
    }

    @Override
    public void copyFrom(Matrix source) {
        if (source instanceof FloatMatrix) {
            checkSameShape(source);
            System.arraycopy(((FloatMatrix) source).data, 0, data, 0, data.length);
        } else {
            super.copyFrom(source);
        }
    }

    @Override
    public double sumOfSquares() {
        final float[] d = data;
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            final double v = d[i];
            sum += v * v;
        }
        return sum;
    }

    @Override
    public boolean isFinite() {
        final float[] d = data;
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                return false;
            }
        }
        return true;
    }
}

// Generated from FloatMatrix.java by releng/scripts/GenerateDoubleKernels.java: edit that file and run the script; a test fails when this file differs from what it writes.
package dev.nnet.engine.matrix;

import java.util.Arrays;

/** A {@link Matrix} backed by a flat {@code double[]} (row-major). */
public final class DoubleMatrix extends Matrix {
    private final double[] data;

    /**
     * @param rows number of rows
     * @param cols number of columns
     */
    public DoubleMatrix(int rows, int cols) {
        super(rows, cols);
        this.data = new double[rows * cols];
    }

    /** @return the backing array (not a copy) */
    public double[] data() {
        return data;
    }

    @Override
    public Precision precision() {
        return Precision.FLOAT64;
    }

    @Override
    public double get(int index) {
        return data[index];
    }

    @Override
    public void set(int index, double value) {
        data[index] = value;
    }

    @Override
    public void fill(double value) {
        Arrays.fill(data, value);
    }

    @Override
    public void copyFrom(Matrix source) {
        if (source instanceof DoubleMatrix) {
            checkSameShape(source);
            System.arraycopy(((DoubleMatrix) source).data, 0, data, 0, data.length);
        } else {
            super.copyFrom(source);
        }
    }

    @Override
    public double sumOfSquares() {
        final double[] d = data;
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            final double v = d[i];
            sum += v * v;
        }
        return sum;
    }

    @Override
    public boolean isFinite() {
        final double[] d = data;
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                return false;
            }
        }
        return true;
    }
}

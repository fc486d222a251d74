package dev.nnet.engine.matrix;

/**
 * A dense row-major matrix stored in one flat primitive array ({@code float[]} or {@code double[]}).
 * In a batch, rows are samples. Element-wise access goes through {@link #get(int)} / {@link #set(int, double)}
 * (computed in double, stored in the matrix precision); the hot matrix products live in {@link MatMul}.
 */
public abstract class Matrix {
    private final int rows;
    private final int cols;

    Matrix(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative matrix shape " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * Allocates a zero matrix.
     *
     * @param precision storage precision
     * @param rows number of rows
     * @param cols number of columns
     * @return a new zero matrix
     */
    public static Matrix zeros(Precision precision, int rows, int cols) {
        return precision == Precision.FLOAT32 ? new FloatMatrix(rows, cols) : new DoubleMatrix(rows, cols);
    }

    /** @return number of rows */
    public final int rows() {
        return rows;
    }

    /** @return number of columns */
    public final int cols() {
        return cols;
    }

    /** @return number of elements, {@code rows * cols} */
    public final int size() {
        return rows * cols;
    }

    /** @return the storage precision */
    public abstract Precision precision();

    /**
     * @param index flat row-major index
     * @return the element as a double
     */
    public abstract double get(int index);

    /**
     * Stores a value (rounded to float for {@link Precision#FLOAT32}).
     *
     * @param index flat row-major index
     * @param value the value
     */
    public abstract void set(int index, double value);

    /**
     * @param row row index
     * @param col column index
     * @return the element
     */
    public final double get(int row, int col) {
        return get(row * cols + col);
    }

    /**
     * @param row row index
     * @param col column index
     * @param value the value
     */
    public final void set(int row, int col, double value) {
        set(row * cols + col, value);
    }

    /**
     * Sets every element.
     *
     * @param value the value
     */
    public abstract void fill(double value);

    /**
     * Copies all elements of a matrix of the same shape (any precision).
     *
     * @param source the source
     */
    public void copyFrom(Matrix source) {
        checkSameShape(source);
        int n = size();
        for (int i = 0; i < n; i++) {
            set(i, source.get(i));
        }
    }

    /** @return a copy of all elements as doubles, row-major */
    public double[] toDoubleArray() {
        int n = size();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** @return the sum of squares of all elements (NaN/Inf propagate) */
    public double sumOfSquares() {
        int n = size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = get(i);
            sum += v * v;
        }
        return sum;
    }

    /** @return true if no element is NaN or infinite */
    public boolean isFinite() {
        int n = size();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param other another matrix
     * @throws IllegalArgumentException if the shapes differ
     */
    public final void checkSameShape(Matrix other) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException("shape mismatch: " + rows + "x" + cols + " vs " + other.rows + "x" + other.cols);
        }
    }

    @Override
    public String toString() {
        return precision().fileName() + "[" + rows + "x" + cols + "]";
    }
}

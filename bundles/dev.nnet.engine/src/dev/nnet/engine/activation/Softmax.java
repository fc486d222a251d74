package dev.nnet.engine.activation;

import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.Matrix;

/** Row-wise softmax {@code y_j = e^(z_j - max z) / sum_k e^(z_k - max z)}. */
final class Softmax extends Activation {
    static final Softmax INSTANCE = new Softmax();

    private Softmax() {
        super("softmax");
    }

    @Override
    public double value(double z) {
        throw new UnsupportedOperationException("softmax is row-wise, not element-wise");
    }

    @Override
    public double derivative(double z, double y) {
        throw new UnsupportedOperationException("softmax is row-wise, not element-wise");
    }

    @Override
    public void forward(Matrix z, Matrix y) {
        if (z instanceof FloatMatrix && y instanceof FloatMatrix) {
            forward(((FloatMatrix) z).data(), ((FloatMatrix) y).data(), z.rows(), z.cols());
            return;
        }
        int rows = z.rows();
        int cols = z.cols();
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, z.get(base + c));
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += Math.exp(z.get(base + c) - max);
            }
            for (int c = 0; c < cols; c++) {
                y.set(base + c, Math.exp(z.get(base + c) - max) / sum);
            }
        }
    }

    /**
     * Float32: rows of at most {@link FloatFunctions#SOFTMAX_COLS} values (classifier outputs) by
     * {@link FloatFunctions#softmax}, in float and vectorised across rows; wider rows here: {@code z - max} per row
     * into y, one vectorised {@link FloatFunctions#exp} pass over the whole batch, then each row scaled by the
     * inverse of its sum in double.
     */
    private static void forward(float[] z, float[] y, int rows, int cols) {
        if (cols <= FloatFunctions.SOFTMAX_COLS) {
            FloatFunctions.softmax(z, y, rows, cols);
            return;
        }
        for (int r = 0; r < rows; r++) {
            final int base = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, z[base + c]);
            }
            for (int c = 0; c < cols; c++) {
                y[base + c] = z[base + c] - max;
            }
        }
        FloatFunctions.exp(y, 0, y, rows * cols);
        for (int r = 0; r < rows; r++) {
            final int base = r * cols;
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += y[base + c];
            }
            final double inverse = 1 / sum;
            for (int c = 0; c < cols; c++) {
                y[base + c] = (float) (y[base + c] * inverse);
            }
        }
    }

    /** {@code dz_j = y_j (dy_j - sum_k dy_k y_k)}. */
    @Override
    public void backward(Matrix z, Matrix y, Matrix dy, Matrix dz) {
        int rows = y.rows();
        int cols = y.cols();
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double dot = 0;
            for (int c = 0; c < cols; c++) {
                dot += dy.get(base + c) * y.get(base + c);
            }
            for (int c = 0; c < cols; c++) {
                dz.set(base + c, y.get(base + c) * (dy.get(base + c) - dot));
            }
        }
    }
}

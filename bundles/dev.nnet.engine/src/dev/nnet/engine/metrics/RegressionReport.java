package dev.nnet.engine.metrics;

import java.util.Locale;

/**
 * Regression metrics over all outputs: mean squared error, mean absolute error, their root (RMSE) and the coefficient
 * of determination R^2 = 1 - SS_res / SS_tot, averaged over the outputs (scikit-learn's {@code uniform_average};
 * an output with constant targets scores 1 when predicted exactly, else 0).
 *
 * @param samples number of samples
 * @param mse mean squared error
 * @param mae mean absolute error
 * @param rmse square root of the MSE
 * @param r2 coefficient of determination
 */
public record RegressionReport(int samples, double mse, double mae, double rmse, double r2) {

    /**
     * @param predicted predictions, {@code samples × outputs}
     * @param actual targets, same shape
     * @return the report
     */
    public static RegressionReport of(double[][] predicted, double[][] actual) {
        int n = actual.length;
        if (n == 0 || predicted.length != n) {
            throw new IllegalArgumentException("need the same positive number of predictions and targets, got "
                    + predicted.length + " and " + n);
        }
        int outputs = actual[0].length;
        double squared = 0;
        double absolute = 0;
        double r2 = 0;
        for (int o = 0; o < outputs; o++) {
            double mean = 0;
            for (double[] row : actual) {
                mean += row[o];
            }
            mean /= n;
            double res = 0;
            double tot = 0;
            for (int r = 0; r < n; r++) {
                double d = predicted[r][o] - actual[r][o];
                res += d * d;
                absolute += Math.abs(d);
                double t = actual[r][o] - mean;
                tot += t * t;
            }
            squared += res;
            r2 += tot == 0 ? (res == 0 ? 1 : 0) : 1 - res / tot;
        }
        double mse = squared / (n * outputs);
        return new RegressionReport(n, mse, absolute / (n * outputs), Math.sqrt(mse), r2 / outputs);
    }

    /** @return the metrics as one readable line */
    public String line() {
        return String.format(Locale.ROOT, "mse %.6g  mae %.6g  rmse %.6g  r2 %.6f  (%d samples)", mse, mae, rmse, r2,
                samples);
    }
}

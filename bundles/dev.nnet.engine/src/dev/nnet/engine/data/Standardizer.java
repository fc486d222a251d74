package dev.nnet.engine.data;

/**
 * Z-score standardization {@code (x - mean) / std} per feature, with the population standard deviation (ddof 0).
 * Fit on the training part only, then apply to training and test parts. A constant feature (std 0) maps to 0.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] std;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /**
     * @param train the training data
     * @return a standardizer with the training means and standard deviations
     */
    public static Standardizer fit(DataSet train) {
        int n = train.rows();
        int f = train.featureCount();
        double[] mean = new double[f];
        double[] std = new double[f];
        for (int c = 0; c < f; c++) {
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += train.feature(r, c);
            }
            double m = sum / n;
            double sq = 0;
            for (int r = 0; r < n; r++) {
                double d = train.feature(r, c) - m;
                sq += d * d;
            }
            mean[c] = m;
            std[c] = Math.sqrt(sq / n);
        }
        return new Standardizer(mean, std);
    }

    /** @return the per-feature means (copy) */
    public double[] mean() {
        return mean.clone();
    }

    /** @return the per-feature population standard deviations (copy) */
    public double[] std() {
        return std.clone();
    }

    /**
     * @param data data with the same features
     * @return standardized copy
     */
    public DataSet apply(DataSet data) {
        if (data.featureCount() != mean.length) {
            throw new IllegalArgumentException("standardizer was fitted on " + mean.length + " features, data has "
                    + data.featureCount());
        }
        int f = mean.length;
        double[] out = data.featureArray();
        for (int i = 0; i < out.length; i++) {
            int c = i % f;
            out[i] = scale(out[i], mean[c], std[c]);
        }
        return data.withFeatures(out);
    }

    /**
     * @param x a feature value
     * @param mean the feature's mean
     * @param std the feature's standard deviation
     * @return the standardized value (0 for a constant feature)
     */
    static double scale(double x, double mean, double std) {
        return std == 0 ? 0 : (x - mean) / std;
    }
}

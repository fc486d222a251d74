package dev.nnet.engine.data;

/**
 * Min-max scaling {@code (x - min) / (max - min)} per feature to [0, 1] on the training data.
 * Fit on the training part only; test values may fall outside [0, 1]. A constant feature maps to 0.
 */
public final class MinMaxScaler {
    private final double[] min;
    private final double[] max;

    private MinMaxScaler(double[] min, double[] max) {
        this.min = min;
        this.max = max;
    }

    /**
     * @param train the training data
     * @return a scaler with the training minima and maxima
     */
    public static MinMaxScaler fit(DataSet train) {
        int f = train.featureCount();
        double[] min = new double[f];
        double[] max = new double[f];
        for (int c = 0; c < f; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < train.rows(); r++) {
                double v = train.feature(r, c);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            min[c] = lo;
            max[c] = hi;
        }
        return new MinMaxScaler(min, max);
    }

    /** @return per-feature minima (copy) */
    public double[] min() {
        return min.clone();
    }

    /** @return per-feature maxima (copy) */
    public double[] max() {
        return max.clone();
    }

    /**
     * @param data data with the same features
     * @return scaled copy
     */
    public DataSet apply(DataSet data) {
        if (data.featureCount() != min.length) {
            throw new IllegalArgumentException("scaler was fitted on " + min.length + " features, data has "
                    + data.featureCount());
        }
        int f = min.length;
        double[] out = data.featureArray();
        for (int i = 0; i < out.length; i++) {
            int c = i % f;
            out[i] = scale(out[i], min[c], max[c]);
        }
        return data.withFeatures(out);
    }

    /**
     * @param x a feature value
     * @param min the feature's training minimum
     * @param max the feature's training maximum
     * @return the scaled value (0 for a constant feature)
     */
    static double scale(double x, double min, double max) {
        double range = max - min;
        return range == 0 ? 0 : (x - min) / range;
    }
}

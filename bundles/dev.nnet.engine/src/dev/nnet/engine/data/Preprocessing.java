package dev.nnet.engine.data;

/**
 * The fitted per-feature preprocessing of a trained model: none, z-score standardization ({@link Standardizer}) or
 * min-max scaling ({@link MinMaxScaler}), with the numbers fitted on the training data. A model file stores it so that
 * prediction scales new rows exactly as training scaled its data (same formula, in double precision).
 */
public final class Preprocessing {
    /** What the preprocessing does. */
    public enum Kind {
        /** Features are used as they are. */
        NONE,
        /** {@code (x - mean) / std}; a constant feature (std 0) maps to 0. */
        STANDARDIZE,
        /** {@code (x - min) / (max - min)}; a constant feature maps to 0. */
        MINMAX
    }

    /** No preprocessing. */
    public static final Preprocessing NONE = new Preprocessing(Kind.NONE, new double[0], new double[0]);

    private final Kind kind;
    private final double[] first;
    private final double[] second;

    private Preprocessing(Kind kind, double[] first, double[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("preprocessing needs two arrays of equal length, got " + first.length
                    + " and " + second.length);
        }
        this.kind = kind;
        this.first = first.clone();
        this.second = second.clone();
    }

    /**
     * @param s a fitted standardizer
     * @return its preprocessing
     */
    public static Preprocessing of(Standardizer s) {
        return new Preprocessing(Kind.STANDARDIZE, s.mean(), s.std());
    }

    /**
     * @param s a fitted min-max scaler
     * @return its preprocessing
     */
    public static Preprocessing of(MinMaxScaler s) {
        return new Preprocessing(Kind.MINMAX, s.min(), s.max());
    }

    /**
     * @param kind STANDARDIZE (mean, std) or MINMAX (min, max)
     * @param first means or minima
     * @param second standard deviations or maxima
     * @return the preprocessing
     */
    public static Preprocessing of(Kind kind, double[] first, double[] second) {
        return kind == Kind.NONE ? NONE : new Preprocessing(kind, first, second);
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return means (STANDARDIZE) or minima (MINMAX), a copy; empty for NONE */
    public double[] first() {
        return first.clone();
    }

    /** @return standard deviations (STANDARDIZE) or maxima (MINMAX), a copy; empty for NONE */
    public double[] second() {
        return second.clone();
    }

    /** @return number of features it was fitted on, 0 for NONE */
    public int features() {
        return first.length;
    }

    /**
     * Scales one row in place.
     *
     * @param row the features, {@link #features()} values (any length for NONE)
     */
    public void applyInPlace(double[] row) {
        if (kind == Kind.NONE) {
            return;
        }
        if (row.length != first.length) {
            throw new IllegalArgumentException("preprocessing was fitted on " + first.length + " features, row has "
                    + row.length);
        }
        for (int c = 0; c < row.length; c++) {
            row[c] = kind == Kind.STANDARDIZE ? Standardizer.scale(row[c], first[c], second[c])
                    : MinMaxScaler.scale(row[c], first[c], second[c]);
        }
    }

    /**
     * @param data data with the fitted features
     * @return a scaled copy (the data itself for NONE)
     */
    public DataSet apply(DataSet data) {
        if (kind == Kind.NONE) {
            return data;
        }
        if (data.featureCount() != first.length) {
            throw new IllegalArgumentException("preprocessing was fitted on " + first.length + " features, data has "
                    + data.featureCount());
        }
        int f = first.length;
        double[] out = data.featureArray();
        double[] row = new double[f];
        for (int r = 0; r < data.rows(); r++) {
            System.arraycopy(out, r * f, row, 0, f);
            applyInPlace(row);
            System.arraycopy(row, 0, out, r * f, f);
        }
        return data.withFeatures(out);
    }
}

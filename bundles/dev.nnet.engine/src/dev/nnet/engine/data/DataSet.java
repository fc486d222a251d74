package dev.nnet.engine.data;

import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.Matrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A data set: a feature matrix ({@code rows × features}) and a target matrix ({@code rows × targets}), both
 * flat row-major doubles, plus optional class indices (for classification: accuracy, confusion matrix).
 * Immutable; transformations return new data sets.
 */
public final class DataSet {
    private final int rows;
    private final int featureCount;
    private final int targetCount;
    private final double[] features;
    private final double[] targets;
    private final int[] classes;
    private final List<String> featureNames;
    private final List<String> classNames;

    DataSet(int rows, int featureCount, double[] features, int targetCount, double[] targets, int[] classes,
            List<String> featureNames, List<String> classNames) {
        if (features.length != rows * featureCount || targets.length != rows * targetCount
                || (classes != null && classes.length != rows)) {
            throw new IllegalArgumentException("inconsistent data set sizes");
        }
        this.rows = rows;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.features = features;
        this.targets = targets;
        this.classes = classes;
        this.featureNames = Collections.unmodifiableList(new ArrayList<>(featureNames));
        this.classNames = classNames == null ? null : Collections.unmodifiableList(new ArrayList<>(classNames));
    }

    /**
     * Inline samples with explicit targets (e.g. XOR with one 0/1 output, regression values).
     * Accuracy is still reported by the trainer (decided by the loss from the targets); class indices are absent.
     *
     * @param features one row per sample
     * @param targets one row per sample
     * @return the data set
     */
    public static DataSet of(double[][] features, double[][] targets) {
        int rows = features.length;
        if (targets.length != rows) {
            throw new IllegalArgumentException(rows + " feature rows but " + targets.length + " target rows");
        }
        if (rows == 0) {
            throw new IllegalArgumentException("a data set needs at least one sample");
        }
        double[] f = flatten(features, "features");
        double[] t = flatten(targets, "targets");
        int fc = features[0].length;
        int tc = targets[0].length;
        return new DataSet(rows, fc, f, tc, t, null, defaultNames(fc), null);
    }

    /**
     * Inline classification samples; targets are one-hot rows of {@code classCount} columns.
     *
     * @param features one row per sample
     * @param classes class index per sample, in {@code [0, classCount)}
     * @param classCount number of classes (at least 2)
     * @return the data set
     */
    public static DataSet ofClasses(double[][] features, int[] classes, int classCount) {
        if (features.length != classes.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + classes.length + " labels");
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            names.add(Integer.toString(c));
        }
        double[] f = flatten(features, "features");
        return new DataSet(features.length, features[0].length, f, classCount,
                TargetEncoding.ONE_HOT.encode(classes, classCount), classes.clone(), defaultNames(features[0].length), names);
    }

    private static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("x" + i);
        }
        return names;
    }

    private static double[] flatten(double[][] rowsIn, String what) {
        int cols = rowsIn[0].length;
        double[] out = new double[rowsIn.length * cols];
        for (int r = 0; r < rowsIn.length; r++) {
            if (rowsIn[r].length != cols) {
                throw new IllegalArgumentException(what + " row " + r + " has " + rowsIn[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rowsIn[r], 0, out, r * cols, cols);
        }
        return out;
    }

    /** @return number of samples */
    public int rows() {
        return rows;
    }

    /** @return number of features per sample */
    public int featureCount() {
        return featureCount;
    }

    /** @return number of target columns per sample */
    public int targetCount() {
        return targetCount;
    }

    /**
     * @param row sample index
     * @param col feature index
     * @return the feature value
     */
    public double feature(int row, int col) {
        return features[row * featureCount + col];
    }

    /**
     * @param row sample index
     * @param col target column
     * @return the target value
     */
    public double target(int row, int col) {
        return targets[row * targetCount + col];
    }

    /** @return true if class indices are known */
    public boolean hasClasses() {
        return classes != null;
    }

    /**
     * @param row sample index
     * @return its class index
     * @throws IllegalStateException if the data set has no classes
     */
    public int classOf(int row) {
        if (classes == null) {
            throw new IllegalStateException("data set has no class labels");
        }
        return classes[row];
    }

    /** @return a copy of the class indices, or null */
    public int[] classes() {
        return classes == null ? null : classes.clone();
    }

    /** @return the class names by index, or null without classes */
    public List<String> classNames() {
        return classNames;
    }

    /** @return the feature (column) names */
    public List<String> featureNames() {
        return featureNames;
    }

    /** @return a copy of the feature matrix, row-major */
    public double[] featureArray() {
        return features.clone();
    }

    /**
     * Copies samples {@code order[from .. from+count)} into batch matrices (no allocation).
     *
     * @param order sample indices
     * @param from first position in {@code order}
     * @param x receives features, {@code count × features}
     * @param t receives targets, {@code count × targets}
     */
    public void copyBatch(int[] order, int from, Matrix x, Matrix t) {
        final int count = x.rows();
        final int fc = featureCount;
        final int tc = targetCount;
        final double[] f = features;
        final double[] tg = targets;
        if (x instanceof FloatMatrix && t instanceof FloatMatrix) {
            final float[] xv = ((FloatMatrix) x).data();
            final float[] tv = ((FloatMatrix) t).data();
            for (int i = 0; i < count; i++) {
                final int r = order[from + i];
                for (int c = 0; c < fc; c++) {
                    xv[i * fc + c] = (float) f[r * fc + c];
                }
                for (int c = 0; c < tc; c++) {
                    tv[i * tc + c] = (float) tg[r * tc + c];
                }
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            int r = order[from + i];
            for (int c = 0; c < fc; c++) {
                x.set(i * fc + c, f[r * fc + c]);
            }
            for (int c = 0; c < tc; c++) {
                t.set(i * tc + c, tg[r * tc + c]);
            }
        }
    }

    /**
     * @param rowIndices the samples to keep, in that order
     * @return a new data set
     */
    public DataSet subset(int[] rowIndices) {
        int n = rowIndices.length;
        double[] f = new double[n * featureCount];
        double[] t = new double[n * targetCount];
        int[] c = classes == null ? null : new int[n];
        for (int i = 0; i < n; i++) {
            int r = rowIndices[i];
            System.arraycopy(features, r * featureCount, f, i * featureCount, featureCount);
            System.arraycopy(targets, r * targetCount, t, i * targetCount, targetCount);
            if (c != null) {
                c[i] = classes[r];
            }
        }
        return new DataSet(n, featureCount, f, targetCount, t, c, featureNames, classNames);
    }

    /**
     * Seeded random train/test split: samples are permuted with {@link SeededRandom}{@code (seed)} and the first
     * {@code round(rows * trainFraction)} go to training.
     *
     * @param trainFraction in (0, 1)
     * @param seed the seed
     * @return the split
     */
    public Split split(double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("train fraction must be in (0, 1), got " + trainFraction);
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        new SeededRandom(seed).shuffle(order);
        int trainRows = (int) Math.round(rows * trainFraction);
        if (trainRows == 0 || trainRows == rows) {
            throw new IllegalArgumentException("split of " + rows + " rows with fraction " + trainFraction
                    + " leaves one part empty");
        }
        int[] train = new int[trainRows];
        int[] test = new int[rows - trainRows];
        System.arraycopy(order, 0, train, 0, trainRows);
        System.arraycopy(order, trainRows, test, 0, rows - trainRows);
        return new Split(subset(train), subset(test));
    }

    /**
     * @param newFeatures replacement features, same shape
     * @return a data set with the same targets and classes
     */
    DataSet withFeatures(double[] newFeatures) {
        return new DataSet(rows, featureCount, newFeatures, targetCount, targets, classes, featureNames, classNames);
    }

    /** A train/test pair. */
    public static final class Split {
        private final DataSet train;
        private final DataSet test;

        Split(DataSet train, DataSet test) {
            this.train = train;
            this.test = test;
        }

        /** @return the training part */
        public DataSet train() {
            return train;
        }

        /** @return the test part */
        public DataSet test() {
            return test;
        }
    }
}

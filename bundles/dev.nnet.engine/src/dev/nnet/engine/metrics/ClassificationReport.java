package dev.nnet.engine.metrics;

import java.util.List;
import java.util.Locale;

/**
 * Accuracy, per-class precision, recall and F1, their macro averages and the confusion matrix of predicted against
 * actual classes. A class never predicted has precision 0, a class that never occurs recall 0, and F1 is 0 when
 * precision and recall are both 0 (scikit-learn's {@code zero_division=0}).
 */
public final class ClassificationReport {
    private final List<String> classes;
    private final int[][] confusion;
    private final int samples;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private final int[] support;

    private ClassificationReport(List<String> classes, int[][] confusion) {
        this.classes = List.copyOf(classes);
        this.confusion = confusion;
        int k = classes.size();
        precision = new double[k];
        recall = new double[k];
        f1 = new double[k];
        support = new int[k];
        int n = 0;
        for (int c = 0; c < k; c++) {
            int predicted = 0;
            for (int a = 0; a < k; a++) {
                predicted += confusion[a][c];
                support[c] += confusion[c][a];
            }
            n += support[c];
            int tp = confusion[c][c];
            precision[c] = predicted == 0 ? 0 : (double) tp / predicted;
            recall[c] = support[c] == 0 ? 0 : (double) tp / support[c];
            f1[c] = precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
        }
        samples = n;
    }

    /**
     * @param predicted predicted class per sample
     * @param actual true class per sample
     * @param classes class names by index
     * @return the report
     */
    public static ClassificationReport of(int[] predicted, int[] actual, List<String> classes) {
        return new ClassificationReport(classes, Metrics.confusionMatrix(predicted, actual, classes.size()));
    }

    /**
     * @param confusion counts {@code [actual][predicted]}, square
     * @param classes class names by index
     * @return the report
     */
    public static ClassificationReport ofConfusion(int[][] confusion, List<String> classes) {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            if (confusion[i].length != classes.size()) {
                throw new IllegalArgumentException("confusion matrix must be " + classes.size() + " x " + classes.size());
            }
            copy[i] = confusion[i].clone();
        }
        return new ClassificationReport(classes, copy);
    }

    /** @return class names by index */
    public List<String> classes() {
        return classes;
    }

    /** @return the number of samples */
    public int samples() {
        return samples;
    }

    /** @return counts {@code [actual][predicted]} (a copy) */
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** @return the fraction of samples on the diagonal */
    public double accuracy() {
        int correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        return samples == 0 ? Double.NaN : (double) correct / samples;
    }

    /**
     * @param c class index
     * @return its precision
     */
    public double precision(int c) {
        return precision[c];
    }

    /**
     * @param c class index
     * @return its recall
     */
    public double recall(int c) {
        return recall[c];
    }

    /**
     * @param c class index
     * @return its F1 score
     */
    public double f1(int c) {
        return f1[c];
    }

    /**
     * @param c class index
     * @return how many samples have this actual class
     */
    public int support(int c) {
        return support[c];
    }

    /** @return unweighted mean of the per-class precisions */
    public double macroPrecision() {
        return mean(precision);
    }

    /** @return unweighted mean of the per-class recalls */
    public double macroRecall() {
        return mean(recall);
    }

    /** @return unweighted mean of the per-class F1 scores */
    public double macroF1() {
        return mean(f1);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** @return a readable table: per-class metrics, macro averages, then the confusion matrix */
    public String table() {
        int w = 10;
        for (String c : classes) {
            w = Math.max(w, c.length() + 2);
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "accuracy %.4f (%d samples)%n%n", accuracy(), samples));
        b.append(pad("class", w)).append(String.format(Locale.ROOT, "%10s%10s%10s%10s%n", "precision", "recall", "f1",
                "support"));
        for (int c = 0; c < classes.size(); c++) {
            b.append(pad(classes.get(c), w)).append(String.format(Locale.ROOT, "%10.4f%10.4f%10.4f%10d%n", precision[c],
                    recall[c], f1[c], support[c]));
        }
        b.append(pad("macro avg", w)).append(String.format(Locale.ROOT, "%10.4f%10.4f%10.4f%10d%n%n", macroPrecision(),
                macroRecall(), macroF1(), samples));
        b.append("confusion matrix (rows: actual, columns: predicted)").append(System.lineSeparator());
        b.append(pad("", w));
        for (String c : classes) {
            b.append(String.format(Locale.ROOT, "%" + w + "s", c));
        }
        b.append(System.lineSeparator());
        for (int a = 0; a < classes.size(); a++) {
            b.append(pad(classes.get(a), w));
            for (int p = 0; p < classes.size(); p++) {
                b.append(String.format(Locale.ROOT, "%" + w + "d", confusion[a][p]));
            }
            b.append(System.lineSeparator());
        }
        return b.toString();
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s + " " : s + " ".repeat(w - s.length());
    }
}

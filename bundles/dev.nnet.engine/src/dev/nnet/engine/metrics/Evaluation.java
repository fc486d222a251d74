package dev.nnet.engine.metrics;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.data.TargetEncoding;
import dev.nnet.engine.io.ModelMetadata;
import java.util.List;
import java.util.Map;

/**
 * Measures a network on a prepared (scaled, encoded) data set with the metrics of {@code nnet evaluate}: a
 * {@link ClassificationReport} when the outputs are classes, a {@link RegressionReport} otherwise. Classes are read
 * from the outputs as the target encoding says: arg-max for one-hot, {@code > 0.5} for binary, {@code > 0} for signed,
 * the rounded value for index.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * @param y the outputs of one sample
     * @param encoding how classes became targets
     * @param classCount number of classes
     * @return the class index
     */
    public static int classIndex(double[] y, TargetEncoding encoding, int classCount) {
        switch (encoding) {
            case BINARY:
                return y[0] > 0.5 ? 1 : 0;
            case SIGNED:
                return y[0] > 0 ? 1 : 0;
            case INDEX:
                return (int) Math.max(0, Math.min(classCount - 1, Math.round(y[0])));
            default:
                int best = 0;
                for (int i = 1; i < y.length; i++) {
                    best = y[i] > y[best] ? i : best;
                }
                return best;
        }
    }

    /**
     * @param network the trained network
     * @param data prepared data: with class indices, or binary/signed targets
     * @param encoding the target encoding of the data
     * @param classes the class names
     * @return the report
     */
    public static ClassificationReport classification(Network network, DataSet data, TargetEncoding encoding,
            List<String> classes) {
        double[][] y = network.predict(features(data));
        int[] predicted = new int[y.length];
        int[] actual = new int[y.length];
        for (int r = 0; r < y.length; r++) {
            predicted[r] = classIndex(y[r], encoding, classes.size());
            actual[r] = data.hasClasses() ? data.classOf(r) : data.target(r, 0) > (encoding == TargetEncoding.SIGNED ? 0 : 0.5) ? 1 : 0;
        }
        return ClassificationReport.of(predicted, actual, classes);
    }

    /**
     * @param network the trained network
     * @param data prepared data with numeric targets
     * @return the report
     */
    public static RegressionReport regression(Network network, DataSet data) {
        double[][] t = new double[data.rows()][data.targetCount()];
        for (int r = 0; r < t.length; r++) {
            for (int c = 0; c < t[r].length; c++) {
                t[r][c] = data.target(r, c);
            }
        }
        return RegressionReport.of(network.predict(features(data)), t);
    }

    /**
     * Measures one part of the data and adds its metrics as {@code <part>_<metric>} entries: macro precision, recall
     * and F1 for class outputs, MSE, MAE, RMSE and R^2 otherwise (the model file's provenance metrics).
     *
     * @param metrics receives the entries
     * @param part "train", "validation" or "test"
     * @param network the trained network
     * @param data the part, prepared as in training
     * @param outputs the meaning of the outputs, or null (regression)
     */
    public static void addTo(Map<String, Double> metrics, String part, Network network, DataSet data,
            ModelMetadata.Outputs outputs) {
        if (isClassification(outputs)) {
            addTo(metrics, part, classification(network, data, outputs.encoding(), outputs.names()));
        } else {
            addTo(metrics, part, regression(network, data));
        }
    }

    /**
     * @param outputs the meaning of a model's outputs, or null
     * @return true when they are classes with names
     */
    public static boolean isClassification(ModelMetadata.Outputs outputs) {
        return outputs != null && outputs.classes() && outputs.names().size() >= 2;
    }

    /**
     * @param metrics receives {@code <part>_macro_precision}, {@code _macro_recall}, {@code _macro_f1}
     * @param part the part's name
     * @param r the report
     */
    public static void addTo(Map<String, Double> metrics, String part, ClassificationReport r) {
        metrics.put(part + "_macro_precision", r.macroPrecision());
        metrics.put(part + "_macro_recall", r.macroRecall());
        metrics.put(part + "_macro_f1", r.macroF1());
    }

    /**
     * @param metrics receives {@code <part>_mse}, {@code _mae}, {@code _rmse}, {@code _r2}
     * @param part the part's name
     * @param r the report
     */
    public static void addTo(Map<String, Double> metrics, String part, RegressionReport r) {
        metrics.put(part + "_mse", r.mse());
        metrics.put(part + "_mae", r.mae());
        metrics.put(part + "_rmse", r.rmse());
        metrics.put(part + "_r2", r.r2());
    }

    private static double[][] features(DataSet data) {
        double[][] x = new double[data.rows()][data.featureCount()];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < x[r].length; c++) {
                x[r][c] = data.feature(r, c);
            }
        }
        return x;
    }
}

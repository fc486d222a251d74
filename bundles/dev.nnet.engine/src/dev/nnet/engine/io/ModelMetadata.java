package dev.nnet.engine.io;

import dev.nnet.engine.data.Preprocessing;
import dev.nnet.engine.data.TargetEncoding;
import java.util.List;
import java.util.Map;

/**
 * What a version 2 model file holds besides the layers: the input features in order, their fitted preprocessing, how
 * outputs map to class names or target names, and where the model came from. Every part may be absent (null;
 * {@link Preprocessing#NONE} for no preprocessing); a version 1 file loads with {@link #NONE}.
 *
 * @param features feature (column) names in input order, or null
 * @param preprocessing the fitted scaling of the features, never null
 * @param outputs the meaning of the outputs, or null
 * @param provenance where the model came from, or null
 */
public record ModelMetadata(List<String> features, Preprocessing preprocessing, Outputs outputs, Provenance provenance) {
    /** No metadata (a version 1 file). */
    public static final ModelMetadata NONE = new ModelMetadata(null, Preprocessing.NONE, null, null);

    /** Copies the lists; a null preprocessing becomes {@link Preprocessing#NONE}. */
    public ModelMetadata {
        features = features == null ? null : List.copyOf(features);
        preprocessing = preprocessing == null ? Preprocessing.NONE : preprocessing;
    }

    /**
     * The meaning of the outputs: class labels (with the target encoding used in training) or named regression
     * targets.
     *
     * @param column the CSV column holding the label or target, or null (inline data)
     * @param encoding for classes: how classes became targets; null for regression targets
     * @param names the class names by class index, or the target names by output
     */
    public record Outputs(String column, TargetEncoding encoding, List<String> names) {
        /** Copies the list. */
        public Outputs {
            names = List.copyOf(names);
        }

        /** @return true for class labels, false for regression targets */
        public boolean classes() {
            return encoding != null;
        }
    }

    /**
     * Where a model came from.
     *
     * @param source the {@code .nnet} file
     * @param training the training's name
     * @param network the network's name
     * @param data the data set's name
     * @param epochs epochs run
     * @param status how the training ended
     * @param metrics final metrics by name (e.g. {@code test_accuracy}), finite values only
     */
    public record Provenance(String source, String training, String network, String data, int epochs, String status,
            Map<String, Double> metrics) {
        /** Copies the map, keeping its order. */
        public Provenance {
            metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        }
    }
}

package dev.nnet.onnx;

import dev.nnet.engine.Network;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an ONNX export is made from: the trained network, the optional per-feature preprocessing
 * {@code (x - shift) * scale} applied to raw features before the network, the optional class names, the feature
 * names and the provenance written as metadata. Built by {@link ModelAdapter} from an engine model; immutable.
 */
public final class ExportModel {
    /** What the outputs of the network mean. */
    public enum Task {
        /** outputs are class scores: the graph adds the predicted class (and its name when names are known) */
        CLASSIFICATION,
        /** outputs are the predicted targets */
        REGRESSION
    }

    private final Network network;
    private final Task task;
    private final String inputName;
    private final List<String> featureNames;
    private final double[] shift;
    private final double[] scale;
    private final List<String> classNames;
    private final Map<String, String> provenance;

    private ExportModel(Builder b) {
        this.network = b.network;
        this.task = b.task;
        this.inputName = b.inputName;
        this.featureNames = Collections.unmodifiableList(new ArrayList<>(b.featureNames));
        this.shift = b.shift;
        this.scale = b.scale;
        this.classNames = Collections.unmodifiableList(new ArrayList<>(b.classNames));
        this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(b.provenance));
    }

    /**
     * @param network the trained network
     * @return a builder; the task defaults to what the output layer suggests ({@link #defaultTask})
     */
    public static Builder builder(Network network) {
        return new Builder(network);
    }

    /**
     * @param network a network
     * @return classification for a softmax output or a single sigmoid or sign unit, regression otherwise
     */
    public static Task defaultTask(Network network) {
        String out = network.outputLayer().activation().name();
        boolean single = network.outputs() == 1;
        return out.equals("softmax") || single && (out.equals("sigmoid") || out.equals("sign")) ? Task.CLASSIFICATION
                : Task.REGRESSION;
    }

    /** @return the network */
    public Network network() {
        return network;
    }

    /** @return what the outputs mean */
    public Task task() {
        return task;
    }

    /** @return the name of the graph input */
    public String inputName() {
        return inputName;
    }

    /** @return the names of the input features, empty when unknown */
    public List<String> featureNames() {
        return featureNames;
    }

    /** @return the per-feature shift of the preprocessing, or null without preprocessing */
    public double[] shift() {
        return shift == null ? null : shift.clone();
    }

    /** @return the per-feature scale of the preprocessing, or null without preprocessing */
    public double[] scale() {
        return scale == null ? null : scale.clone();
    }

    /** @return the class names, index = class number; empty when unknown */
    public List<String> classNames() {
        return classNames;
    }

    /** @return provenance entries (source file, training, date, ...) written as metadata */
    public Map<String, String> provenance() {
        return provenance;
    }

    /** Builder of {@link ExportModel}. */
    public static final class Builder {
        private final Network network;
        private Task task;
        private String inputName = "features";
        private List<String> featureNames = List.of();
        private double[] shift;
        private double[] scale;
        private List<String> classNames = List.of();
        private final Map<String, String> provenance = new LinkedHashMap<>();

        private Builder(Network network) {
            this.network = Objects.requireNonNull(network, "network");
            this.task = defaultTask(network);
        }

        /** @param value the task @return this builder */
        public Builder task(Task value) {
            this.task = Objects.requireNonNull(value, "task");
            return this;
        }

        /** @param value name of the graph input (e.g. the data set's name) @return this builder */
        public Builder inputName(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the input name must not be empty");
            }
            this.inputName = value;
            return this;
        }

        /** @param names one per input feature @return this builder */
        public Builder featureNames(List<String> names) {
            if (!names.isEmpty() && names.size() != network.inputs()) {
                throw new IllegalArgumentException(names.size() + " feature names for a network of " + network.inputs()
                        + " inputs");
            }
            this.featureNames = names;
            return this;
        }

        /**
         * @param shiftValues subtracted from each raw feature
         * @param scaleValues then multiplied with it
         * @return this builder
         */
        public Builder preprocessing(double[] shiftValues, double[] scaleValues) {
            if (shiftValues.length != network.inputs() || scaleValues.length != network.inputs()) {
                throw new IllegalArgumentException("preprocessing has " + shiftValues.length + " shifts and "
                        + scaleValues.length + " scales for a network of " + network.inputs() + " inputs");
            }
            for (int i = 0; i < shiftValues.length; i++) {
                if (!Double.isFinite(shiftValues[i]) || !Double.isFinite(scaleValues[i])) {
                    throw new IllegalArgumentException("preprocessing of feature " + (i + 1) + " is not finite");
                }
            }
            this.shift = shiftValues.clone();
            this.scale = scaleValues.clone();
            return this;
        }

        /** @param names index = class number @return this builder */
        public Builder classNames(List<String> names) {
            int classes = network.outputs() == 1 ? 2 : network.outputs();
            if (!names.isEmpty() && names.size() != classes) {
                throw new IllegalArgumentException(names.size() + " class names for an output of " + network.outputs()
                        + " unit(s), expected " + classes);
            }
            this.classNames = names;
            return this;
        }

        /** @param key entry name @param value entry value @return this builder */
        public Builder provenance(String key, String value) {
            provenance.put(key, value);
            return this;
        }

        /** @return the export model */
        public ExportModel build() {
            return new ExportModel(this);
        }
    }
}

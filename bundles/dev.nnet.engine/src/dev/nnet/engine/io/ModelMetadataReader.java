package dev.nnet.engine.io;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.Preprocessing;
import dev.nnet.engine.data.TargetEncoding;
import dev.nnet.engine.matrix.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads and checks the metadata fields of a version 2 model file against the network read from the same file. */
final class ModelMetadataReader {
    private final ModelReader reader;

    ModelMetadataReader(ModelReader reader) {
        this.reader = reader;
    }

    ModelMetadata read(JsonValue root, Network network) throws ModelFormatException {
        int inputs = network.inputs();
        List<String> features = null;
        JsonValue f = root.fields.get("features");
        if (f != null) {
            features = strings(reader.field(root, "features", JsonValue.Kind.ARRAY, "model"), "features");
            if (features.size() != inputs) {
                throw reader.error(f, "model: \"features\" names " + features.size() + " features, the model has "
                        + inputs + " inputs");
            }
        }
        Preprocessing preprocessing = Preprocessing.NONE;
        if (root.fields.containsKey("preprocessing")) {
            preprocessing = preprocessing(reader.field(root, "preprocessing", JsonValue.Kind.OBJECT, "model"), inputs);
        }
        ModelMetadata.Outputs outputs = null;
        if (root.fields.containsKey("outputs")) {
            outputs = outputs(reader.field(root, "outputs", JsonValue.Kind.OBJECT, "model"), network.outputs());
        }
        ModelMetadata.Provenance provenance = null;
        if (root.fields.containsKey("provenance")) {
            provenance = provenance(reader.field(root, "provenance", JsonValue.Kind.OBJECT, "model"));
        }
        return new ModelMetadata(features, preprocessing, outputs, provenance);
    }

    private Preprocessing preprocessing(JsonValue p, int inputs) throws ModelFormatException {
        String where = "preprocessing";
        JsonValue kind = reader.field(p, "kind", JsonValue.Kind.STRING, where);
        switch (kind.text) {
            case "none":
                reader.onlyFields(p, where, "kind");
                return Preprocessing.NONE;
            case "standardize":
                reader.onlyFields(p, where, "kind", "mean", "std");
                return Preprocessing.of(Preprocessing.Kind.STANDARDIZE, numbers(p, "mean", inputs, where),
                        numbers(p, "std", inputs, where));
            case "minmax":
                reader.onlyFields(p, where, "kind", "min", "max");
                return Preprocessing.of(Preprocessing.Kind.MINMAX, numbers(p, "min", inputs, where),
                        numbers(p, "max", inputs, where));
            default:
                throw reader.error(kind, where + ": unknown kind \"" + kind.text
                        + "\" (expected \"none\", \"standardize\" or \"minmax\")");
        }
    }

    private ModelMetadata.Outputs outputs(JsonValue o, int outputs) throws ModelFormatException {
        String where = "outputs";
        JsonValue kind = reader.field(o, "kind", JsonValue.Kind.STRING, where);
        String column = o.fields.containsKey("column") ? reader.field(o, "column", JsonValue.Kind.STRING, where).text
                : null;
        JsonValue namesValue = reader.field(o, "names", JsonValue.Kind.ARRAY, where);
        List<String> names = strings(namesValue, where + ": names");
        if (kind.text.equals("targets")) {
            reader.onlyFields(o, where, "kind", "column", "names");
            if (names.size() != outputs) {
                throw reader.error(namesValue, where + ": " + names.size() + " target names, the model has " + outputs
                        + " outputs");
            }
            return new ModelMetadata.Outputs(column, null, names);
        }
        if (!kind.text.equals("classes")) {
            throw reader.error(kind, where + ": unknown kind \"" + kind.text + "\" (expected \"classes\" or \"targets\")");
        }
        reader.onlyFields(o, where, "kind", "column", "encoding", "names");
        JsonValue enc = reader.field(o, "encoding", JsonValue.Kind.STRING, where);
        TargetEncoding encoding;
        try {
            encoding = TargetEncoding.valueOf(enc.text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw reader.error(enc, where + ": unknown encoding \"" + enc.text
                    + "\" (expected one_hot, index, signed or binary)");
        }
        int expected = encoding == TargetEncoding.ONE_HOT ? outputs : encoding == TargetEncoding.INDEX ? -1 : 2;
        if (encoding != TargetEncoding.ONE_HOT && outputs != 1) {
            throw reader.error(enc, where + ": encoding " + enc.text + " needs one output, the model has " + outputs);
        }
        if (names.size() < 2 || (expected > 0 && names.size() != expected)) {
            throw reader.error(namesValue, where + ": " + names.size() + " class names, expected "
                    + (expected > 0 ? expected : "at least 2") + " for encoding " + enc.text);
        }
        return new ModelMetadata.Outputs(column, encoding, names);
    }

    private ModelMetadata.Provenance provenance(JsonValue p) throws ModelFormatException {
        String where = "provenance";
        reader.onlyFields(p, where, "source", "training", "network", "data", "epochs", "status", "metrics");
        JsonValue epochs = reader.field(p, "epochs", JsonValue.Kind.NUMBER, where);
        int n;
        try {
            n = Integer.parseInt(epochs.text);
        } catch (NumberFormatException e) {
            throw reader.error(epochs, where + ": \"epochs\" must be a whole number, found " + epochs.text);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (p.fields.containsKey("metrics")) {
            for (Map.Entry<String, JsonValue> e : reader.field(p, "metrics", JsonValue.Kind.OBJECT, where).fields
                    .entrySet()) {
                metrics.put(e.getKey(), reader.number(e.getValue(), Precision.FLOAT64, where + ": metric " + e.getKey()));
            }
        }
        return new ModelMetadata.Provenance(text(p, "source"), text(p, "training"), text(p, "network"),
                text(p, "data"), n, text(p, "status"), metrics);
    }

    private String text(JsonValue object, String name) throws ModelFormatException {
        return object.fields.containsKey(name) ? reader.field(object, name, JsonValue.Kind.STRING, "provenance").text
                : null;
    }

    private double[] numbers(JsonValue object, String name, int length, String where) throws ModelFormatException {
        JsonValue array = reader.field(object, name, JsonValue.Kind.ARRAY, where);
        if (array.items.size() != length) {
            throw reader.error(array, where + ": \"" + name + "\" has " + array.items.size() + " numbers, the model has "
                    + length + " inputs");
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = reader.number(array.items.get(i), Precision.FLOAT64, where + ": " + name);
        }
        return out;
    }

    private List<String> strings(JsonValue array, String where) throws ModelFormatException {
        List<String> out = new ArrayList<>();
        for (JsonValue v : array.items) {
            if (v.kind != JsonValue.Kind.STRING) {
                throw reader.error(v, where + ": expected a string, found " + v.describe());
            }
            if (out.contains(v.text)) {
                throw reader.error(v, where + ": \"" + v.text + "\" appears twice");
            }
            out.add(v.text);
        }
        return out;
    }
}

package dev.nnet.engine.io;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.LayerSpec;
import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.matrix.Precision;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Builds the network from a parsed document, validating every field. */
final class ModelReader {
    private final String file;

    ModelReader(String file) {
        this.file = file;
    }

    ModelFormatException error(JsonValue at, String message) {
        return new ModelFormatException(file, at.line, at.column, message);
    }

    JsonValue field(JsonValue object, String name, JsonValue.Kind kind, String where) throws ModelFormatException {
        JsonValue v = object.fields.get(name);
        if (v == null) {
            throw error(object, where + ": missing field \"" + name + "\"");
        }
        if (v.kind != kind) {
            throw error(v, where + ": field \"" + name + "\" must be " + kind.name().toLowerCase(Locale.ROOT)
                    + ", found " + v.describe());
        }
        return v;
    }

    void onlyFields(JsonValue object, String where, String... allowed) throws ModelFormatException {
        for (String key : object.fields.keySet()) {
            if (!Arrays.asList(allowed).contains(key)) {
                throw error(object.fields.get(key), where + ": unknown field \"" + key + "\"");
            }
        }
    }

    private int positiveInt(JsonValue object, String name, String where) throws ModelFormatException {
        JsonValue v = field(object, name, JsonValue.Kind.NUMBER, where);
        try {
            int n = Integer.parseInt(v.text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(v, where + ": \"" + name + "\" must be a positive integer, found " + v.text);
    }

    double number(JsonValue v, Precision precision, String where) throws ModelFormatException {
        if (v.kind != JsonValue.Kind.NUMBER) {
            throw error(v, where + ": expected a number, found " + v.describe());
        }
        double d = precision == Precision.FLOAT32 ? Float.parseFloat(v.text) : Double.parseDouble(v.text);
        if (!Double.isFinite(d)) {
            throw error(v, where + ": number " + v.text + " is out of range for " + precision.fileName());
        }
        return d;
    }

    Network read(JsonValue root, Precision requested) throws ModelFormatException {
        if (root.kind != JsonValue.Kind.OBJECT) {
            throw error(root, "a model file must be a JSON object, found " + root.describe());
        }
        JsonValue format = field(root, "format", JsonValue.Kind.STRING, "model");
        if (!format.text.equals(ModelIO.FORMAT)) {
            throw error(format, "not an NNet model: format is \"" + format.text + "\", expected \"" + ModelIO.FORMAT + "\"");
        }
        JsonValue version = field(root, "version", JsonValue.Kind.NUMBER, "model");
        if (version.text.equals("1")) {
            onlyFields(root, "model", "format", "version", "precision", "inputs", "layers");
        } else if (version.text.equals(Integer.toString(ModelIO.VERSION))) {
            onlyFields(root, "model", "format", "version", "precision", "inputs", "features", "preprocessing",
                    "outputs", "provenance", "layers");
        } else {
            throw error(version, "unsupported model format version " + version.text + " (this engine reads versions 1"
                    + " and " + ModelIO.VERSION + ")");
        }
        JsonValue precisionField = field(root, "precision", JsonValue.Kind.STRING, "model");
        Precision filePrecision;
        try {
            filePrecision = Precision.fromFileName(precisionField.text);
        } catch (IllegalArgumentException e) {
            throw error(precisionField, e.getMessage());
        }
        Precision precision = requested == null ? filePrecision : requested;
        int inputs = positiveInt(root, "inputs", "model");
        JsonValue layers = field(root, "layers", JsonValue.Kind.ARRAY, "model");
        if (layers.items.isEmpty()) {
            throw error(layers, "model: \"layers\" is empty, a network needs at least one layer");
        }
        NetworkSpec.Builder spec = NetworkSpec.builder(inputs);
        int fanIn = inputs;
        double[][][] weights = new double[layers.items.size()][][];
        double[][] biases = new double[layers.items.size()][];
        for (int i = 0; i < layers.items.size(); i++) {
            JsonValue layer = layers.items.get(i);
            String where = "layer " + (i + 1);
            if (layer.kind != JsonValue.Kind.OBJECT) {
                throw error(layer, where + ": expected an object, found " + layer.describe());
            }
            String name = field(layer, "name", JsonValue.Kind.STRING, where).text;
            where = "layer " + (i + 1) + " ('" + name + "')";
            onlyFields(layer, where, "name", "type", "units", "activation", "weights", "bias");
            JsonValue type = field(layer, "type", JsonValue.Kind.STRING, where);
            if (!type.text.equals("dense")) {
                throw error(type, where + ": unknown layer type \"" + type.text + "\" (expected \"dense\")");
            }
            int units = positiveInt(layer, "units", where);
            Activation activation = activation(field(layer, "activation", JsonValue.Kind.OBJECT, where), where);
            weights[i] = matrix(field(layer, "weights", JsonValue.Kind.ARRAY, where), units, fanIn, precision,
                    where + ": weights");
            biases[i] = row(field(layer, "bias", JsonValue.Kind.ARRAY, where), units, precision, where + ": bias");
            try {
                spec.layer(new LayerSpec(name, units, activation, Initializers.zeros(), Initializers.zeros()));
            } catch (IllegalArgumentException e) {
                throw error(layer, where + ": " + e.getMessage());
            }
            fanIn = units;
        }
        Network network;
        try {
            network = spec.build().build(precision, 0);
        } catch (IllegalArgumentException e) {
            throw error(layers, e.getMessage());
        }
        for (int i = 0; i < weights.length; i++) {
            DenseLayer l = network.layers().get(i);
            for (int r = 0; r < weights[i].length; r++) {
                for (int c = 0; c < weights[i][r].length; c++) {
                    l.weights().set(r, c, weights[i][r][c]);
                }
            }
            for (int u = 0; u < biases[i].length; u++) {
                l.bias().set(u, biases[i][u]);
            }
        }
        return network;
    }

    private Activation activation(JsonValue object, String where) throws ModelFormatException {
        String name = field(object, "name", JsonValue.Kind.STRING, where + ": activation").text;
        Map<String, Double> parameters = new TreeMap<>();
        for (Map.Entry<String, JsonValue> e : object.fields.entrySet()) {
            if (!e.getKey().equals("name")) {
                parameters.put(e.getKey(), number(e.getValue(), Precision.FLOAT64, where + ": activation " + e.getKey()));
            }
        }
        try {
            return Activations.byName(name, parameters);
        } catch (IllegalArgumentException e) {
            throw error(object, where + ": " + e.getMessage());
        }
    }

    private double[][] matrix(JsonValue array, int rows, int cols, Precision precision, String where)
            throws ModelFormatException {
        if (array.items.size() != rows) {
            throw error(array, where + " has " + array.items.size() + " rows, expected " + rows + " (one per unit)");
        }
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            JsonValue row = array.items.get(r);
            if (row.kind != JsonValue.Kind.ARRAY) {
                throw error(row, where + " row " + (r + 1) + ": expected an array, found " + row.describe());
            }
            out[r] = row(row, cols, precision, where + " row " + (r + 1));
        }
        return out;
    }

    private double[] row(JsonValue array, int length, Precision precision, String where) throws ModelFormatException {
        if (array.items.size() != length) {
            throw error(array, where + " has " + array.items.size() + " numbers, expected " + length);
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = number(array.items.get(i), precision, where);
        }
        return out;
    }
}

package dev.nnet.engine.io;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.LayerSpec;
import dev.nnet.engine.layer.BatchNormLayer;
import dev.nnet.engine.layer.BatchNormSpec;
import dev.nnet.engine.layer.Conv2dLayer;
import dev.nnet.engine.layer.DropoutLayer;
import dev.nnet.engine.layer.DropoutSpec;
import dev.nnet.engine.layer.FlattenLayer;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.matrix.Precision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the network from a parsed document, validating every field; the layers' weights and biases are read from
 * the file into the network's matrices once it is built (see {@link DeferredNumbers}).
 */
final class ModelReader {
    private final String file;
    private final ByteInput in;
    private final ImageLayerReader images = new ImageLayerReader(this);

    /**
     * @param file the file name for messages
     * @param in   the document being read, from which the deferred weights are read once the network is built
     */
    ModelReader(String file, ByteInput in) {
        this.file = file;
        this.in = in;
    }

    /** @return the document being read (for arrays read after parsing, {@link DeferredNumbers}) */
    ByteInput input() {
        return in;
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

    int positiveInt(JsonValue object, String name, String where) throws ModelFormatException {
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
            onlyFields(root, "model", "format", "version", "precision", "inputs", "inputShape", "input_shape", "layers");
        } else if (version.text.equals(Integer.toString(ModelIO.VERSION))) {
            onlyFields(root, "model", "format", "version", "precision", "inputs", "inputShape", "input_shape", "features",
                    "preprocessing", "outputs", "provenance", "layers");
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
        Shape input = inputShape(root, inputs);
        JsonValue layers = field(root, "layers", JsonValue.Kind.ARRAY, "model");
        if (layers.items.isEmpty()) {
            throw error(layers, "model: \"layers\" is empty, a network needs at least one layer");
        }
        NetworkSpec.Builder spec = NetworkSpec.builder(input);
        Shape shape = input;
        List<LayerValues> values = new ArrayList<>();
        for (int i = 0; i < layers.items.size(); i++) {
            JsonValue layer = layers.items.get(i);
            String where = "layer " + (i + 1);
            if (layer.kind != JsonValue.Kind.OBJECT) {
                throw error(layer, where + ": expected an object, found " + layer.describe());
            }
            String name = field(layer, "name", JsonValue.Kind.STRING, where).text;
            where = "layer " + (i + 1) + " ('" + name + "')";
            JsonValue type = field(layer, "type", JsonValue.Kind.STRING, where);
            LayerDefinition definition;
            try {
                switch (type.text) {
                    case DenseLayer.TYPE:
                        definition = dense(layer, name, shape, precision, where, values);
                        break;
                    case DropoutLayer.TYPE:
                        onlyFields(layer, where, "name", "type", "p");
                        definition = new DropoutSpec(name, number(field(layer, "p", JsonValue.Kind.NUMBER, where),
                                Precision.FLOAT64, where + ": p"));
                        break;
                    case BatchNormLayer.TYPE:
                        definition = batchNorm(layer, name, shape, precision, where, values);
                        break;
                    case Conv2dLayer.TYPE:
                        definition = images.conv2d(layer, name, shape, precision, where, values);
                        break;
                    case "max_pool":
                    case "avg_pool":
                    case FlattenLayer.TYPE:
                        definition = images.windowless(layer, type.text, name, where);
                        break;
                    default:
                        throw error(type, where + ": unknown layer type \"" + type.text + "\" (expected \"dense\","
                                + " \"dropout\", \"batch_norm\", \"conv2d\", \"max_pool\", \"avg_pool\" or \"flatten\")");
                }
                shape = definition.outputShape(shape);
            } catch (IllegalArgumentException e) {
                throw error(layer, where + ": " + e.getMessage());
            }
            spec.add(definition);
        }
        Network network;
        try {
            network = spec.build().build(precision, 0);
        } catch (IllegalArgumentException e) {
            throw error(layers, e.getMessage());
        }
        int next = 0;
        LayerValues.Pending pending = new LayerValues.Pending();
        for (Layer l : network.allLayers()) {
            List<Parameter> arrays = new ArrayList<>(l.parameters());
            arrays.addAll(l.state());
            for (Parameter p : arrays) {
                pending.assign(values.get(next++), p.value());
            }
        }
        values.clear();
        pending.readAll(in);
        return network;
    }

    private Shape inputShape(JsonValue root, int inputs) throws ModelFormatException {
        JsonValue v = root.fields.get("inputShape");
        if (v == null) {
            v = root.fields.get("input_shape"); // the spelling of the first image-capable engine
        }
        if (v == null) {
            return Shape.vector(inputs);
        }
        if (v.kind != JsonValue.Kind.ARRAY || v.items.size() != 3) {
            throw error(v, "model: \"inputShape\" must be [channels, height, width], found " + v.describe());
        }
        double[] d = row(v, 3, Precision.FLOAT64, "model: inputShape");
        for (double x : d) {
            if (x < 1 || x != Math.rint(x) || x > Integer.MAX_VALUE) {
                throw error(v, "model: \"inputShape\" must hold positive integers");
            }
        }
        Shape shape;
        try {
            shape = Shape.image((int) d[0], (int) d[1], (int) d[2]);
        } catch (IllegalArgumentException e) {
            throw error(v, "model: " + e.getMessage());
        }
        if (shape.size() != inputs) {
            throw error(v, "model: \"inputShape\" " + shape + " has " + shape.size() + " values, \"inputs\" is " + inputs);
        }
        return shape;
    }

    private LayerDefinition dense(JsonValue layer, String name, Shape shape, Precision precision, String where,
            List<LayerValues> values) throws ModelFormatException {
        onlyFields(layer, where, "name", "type", "units", "activation", "weights", "bias");
        int units = positiveInt(layer, "units", where);
        Activation activation = activation(field(layer, "activation", JsonValue.Kind.OBJECT, where), where);
        values.add(matrix(field(layer, "weights", JsonValue.Kind.ARRAY, where), units, shape.size(), precision,
                where + ": weights"));
        values.add(vector(field(layer, "bias", JsonValue.Kind.ARRAY, where), units, precision, where + ": bias"));
        return new LayerSpec(name, units, activation, Initializers.zeros(), Initializers.zeros());
    }

    private LayerDefinition batchNorm(JsonValue layer, String name, Shape shape, Precision precision, String where,
            List<LayerValues> values) throws ModelFormatException {
        onlyFields(layer, where, "name", "type", "momentum", "eps", "gamma", "beta", "running_mean", "running_var");
        double momentum = number(field(layer, "momentum", JsonValue.Kind.NUMBER, where), Precision.FLOAT64,
                where + ": momentum");
        double eps = number(field(layer, "eps", JsonValue.Kind.NUMBER, where), Precision.FLOAT64, where + ": eps");
        for (String array : new String[] {"gamma", "beta", "running_mean", "running_var"}) {
            values.add(LayerValues.of(row(field(layer, array, JsonValue.Kind.ARRAY, where), shape.features(), precision,
                    where + ": " + array)));
        }
        for (double v : values.get(values.size() - 1).row(0)) {
            if (v < 0) {
                throw error(layer.fields.get("running_var"), where + ": running_var has the negative value " + v);
            }
        }
        return new BatchNormSpec(name, momentum, eps);
    }

    Activation activation(JsonValue object, String where) throws ModelFormatException {
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

    LayerValues matrix(JsonValue array, int rows, int cols, Precision precision, String where)
            throws ModelFormatException {
        if (array.items.size() != rows) {
            throw error(array, where + " has " + array.items.size() + " rows, expected " + rows + " (one per unit)");
        }
        LayerValues out = new LayerValues(rows);
        for (int r = 0; r < rows; r++) {
            JsonValue row = array.items.get(r);
            if (row.kind != JsonValue.Kind.ARRAY) {
                throw error(row, where + " row " + (r + 1) + ": expected an array, found " + row.describe());
            }
            add(out, r, row, cols, precision, where + " row " + (r + 1));
        }
        return out;
    }

    /** @return the values of a one-row array (a bias) */
    LayerValues vector(JsonValue array, int length, Precision precision, String where) throws ModelFormatException {
        LayerValues out = new LayerValues(1);
        add(out, 0, array, length, precision, where);
        return out;
    }

    private void add(LayerValues out, int r, JsonValue array, int length, Precision precision, String where)
            throws ModelFormatException {
        if (array.items instanceof DeferredNumbers) {
            if (array.items.size() != length) {
                throw error(array, where + " has " + array.items.size() + " numbers, expected " + length);
            }
            out.defer(r, (DeferredNumbers) array.items, where);
        } else {
            out.set(r, row(array, length, precision, where));
        }
    }

    double[] row(JsonValue array, int length, Precision precision, String where) throws ModelFormatException {
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

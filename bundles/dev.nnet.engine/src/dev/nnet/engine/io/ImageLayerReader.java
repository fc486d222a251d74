package dev.nnet.engine.io;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.layer.Conv2dSpec;
import dev.nnet.engine.layer.FlattenSpec;
import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.Padding;
import dev.nnet.engine.layer.PoolSpec;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.matrix.Precision;
import java.util.List;

/**
 * Reads the image layers of a model file: conv2d (sizes, padding, activation, a {@code filters × C·k·k} weight and
 * a bias), max_pool and avg_pool (size, stride) and flatten (no fields). The shape rule runs before any array is
 * read, so a kernel that does not fit is reported before its weights are looked at.
 */
final class ImageLayerReader {
    private final ModelReader r;

    ImageLayerReader(ModelReader reader) {
        this.r = reader;
    }

    LayerDefinition conv2d(JsonValue layer, String name, Shape shape, Precision precision, String where,
            List<LayerValues> values) throws ModelFormatException {
        r.onlyFields(layer, where, "name", "type", "filters", "kernel", "stride", "padding", "activation", "weight",
                "bias");
        int filters = r.positiveInt(layer, "filters", where);
        int kernel = r.positiveInt(layer, "kernel", where);
        int stride = r.positiveInt(layer, "stride", where);
        JsonValue paddingField = r.field(layer, "padding", JsonValue.Kind.STRING, where);
        Padding padding;
        try {
            padding = Padding.fromFileName(paddingField.text);
        } catch (IllegalArgumentException e) {
            throw r.error(paddingField, where + ": " + e.getMessage());
        }
        Activation activation = r.activation(r.field(layer, "activation", JsonValue.Kind.OBJECT, where), where);
        Conv2dSpec spec = new Conv2dSpec(name, filters, kernel, stride, padding, activation, Initializers.zeros(),
                Initializers.zeros());
        spec.outputShape(shape);
        int window = shape.channels() * kernel * kernel; // fits: the output shape check bounds kernel by the input
        values.add(r.matrix(r.field(layer, "weight", JsonValue.Kind.ARRAY, where), filters, window, precision,
                where + ": weight"));
        values.add(r.vector(r.field(layer, "bias", JsonValue.Kind.ARRAY, where), filters, precision, where + ": bias"));
        return spec;
    }

    LayerDefinition windowless(JsonValue layer, String type, String name, String where) throws ModelFormatException {
        if (type.equals("flatten")) {
            r.onlyFields(layer, where, "name", "type");
            return new FlattenSpec(name);
        }
        r.onlyFields(layer, where, "name", "type", "size", "stride");
        PoolSpec.Kind kind = type.equals("max_pool") ? PoolSpec.Kind.MAX : PoolSpec.Kind.AVG;
        return new PoolSpec(name, kind, r.positiveInt(layer, "size", where), r.positiveInt(layer, "stride", where));
    }
}

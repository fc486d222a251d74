package dev.nnet.engine.io;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.layer.Conv2dLayer;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.layer.PoolLayer;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the fields of one layer after its name and type: dense and conv2d their sizes, activation and weight
 * matrix (one row per unit or filter), pooling its window as integers, every other type its numeric settings and
 * then each parameter and state array as one row under its name.
 */
final class LayerJson {
    private LayerJson() {
    }

    static void append(JsonOut o, Layer layer) {
        final StringBuilder b = o.b;
        if (layer instanceof DenseLayer) {
            DenseLayer l = (DenseLayer) layer;
            b.append(",\n      \"units\": ").append(l.units());
            appendActivation(b, l.activation());
            appendMatrix(o, "weights", l.weights(), l.name());
            b.append(",\n      \"bias\": ");
            appendRow(o, l.bias(), 0, l.name());
        } else if (layer instanceof Conv2dLayer) {
            Conv2dLayer l = (Conv2dLayer) layer;
            b.append(",\n      \"filters\": ").append(l.filters());
            b.append(",\n      \"kernel\": ").append(l.kernel());
            b.append(",\n      \"stride\": ").append(l.stride());
            b.append(",\n      \"padding\": ").append(ModelIO.quote(l.padding().fileName()));
            appendActivation(b, l.activation());
            appendMatrix(o, "weight", l.weight(), l.name());
            b.append(",\n      \"bias\": ");
            appendRow(o, l.bias(), 0, l.name());
        } else if (layer instanceof PoolLayer) {
            PoolLayer l = (PoolLayer) layer;
            b.append(",\n      \"size\": ").append(l.size());
            b.append(",\n      \"stride\": ").append(l.stride());
        } else {
            appendGeneric(o, layer);
        }
    }

    private static void appendActivation(StringBuilder b, Activation a) {
        b.append(",\n      \"activation\": {\"name\": ").append(ModelIO.quote(a.name()));
        for (Map.Entry<String, Double> p : new TreeMap<>(a.parameters()).entrySet()) {
            b.append(", ").append(ModelIO.quote(p.getKey())).append(": ").append(Double.toString(p.getValue()));
        }
        b.append('}');
    }

    private static void appendMatrix(JsonOut o, String field, Matrix w, String layer) {
        final StringBuilder b = o.b;
        b.append(",\n      ").append(ModelIO.quote(field)).append(": [\n");
        for (int r = 0; r < w.rows(); r++) {
            b.append("        ");
            appendRow(o, w, r, layer);
            b.append(r + 1 < w.rows() ? ",\n" : "\n");
        }
        b.append("      ]");
    }

    /** Settings as numbers, then every parameter and state array (all one row) under its name. */
    private static void appendGeneric(JsonOut o, Layer layer) {
        final StringBuilder b = o.b;
        for (Map.Entry<String, Double> e : layer.settings().entrySet()) {
            b.append(",\n      ").append(ModelIO.quote(e.getKey())).append(": ").append(Double.toString(e.getValue()));
        }
        for (Parameter p : layer.parameters()) {
            b.append(",\n      ").append(ModelIO.quote(p.name())).append(": ");
            appendRow(o, p.value(), 0, layer.name());
        }
        for (Parameter p : layer.state()) {
            b.append(",\n      ").append(ModelIO.quote(p.name())).append(": ");
            appendRow(o, p.value(), 0, layer.name());
        }
    }

    static void appendRow(JsonOut o, Matrix m, int row, String layer) {
        final StringBuilder b = o.b;
        b.append('[');
        boolean single = m.precision() == Precision.FLOAT32;
        for (int c = 0; c < m.cols(); c++) {
            double v = m.get(row, c);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("layer '" + layer + "' has a non-finite parameter (" + v
                        + "); it cannot be saved");
            }
            if (c > 0) {
                b.append(", ");
                o.boundary();
            }
            b.append(single ? Float.toString((float) v) : Double.toString(v));
        }
        b.append(']');
    }
}

package dev.nnet.engine.io;

import dev.nnet.engine.data.Preprocessing;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the metadata fields of a version 2 model file (docs/model-format.md), each on its own line. */
final class ModelMetadataWriter {
    private ModelMetadataWriter() {
    }

    static void write(StringBuilder b, ModelMetadata m) {
        if (m.features() != null) {
            b.append("  \"features\": ");
            strings(b, m.features());
            b.append(",\n");
        }
        Preprocessing p = m.preprocessing();
        b.append("  \"preprocessing\": {\"kind\": \"").append(p.kind().name().toLowerCase(Locale.ROOT)).append('"');
        if (p.kind() == Preprocessing.Kind.STANDARDIZE) {
            numbers(b.append(", \"mean\": "), p.first());
            numbers(b.append(", \"std\": "), p.second());
        } else if (p.kind() == Preprocessing.Kind.MINMAX) {
            numbers(b.append(", \"min\": "), p.first());
            numbers(b.append(", \"max\": "), p.second());
        }
        b.append("},\n");
        ModelMetadata.Outputs o = m.outputs();
        if (o != null) {
            b.append("  \"outputs\": {\"kind\": \"").append(o.classes() ? "classes" : "targets").append('"');
            if (o.column() != null) {
                b.append(", \"column\": ").append(ModelIO.quote(o.column()));
            }
            if (o.classes()) {
                b.append(", \"encoding\": \"").append(o.encoding().name().toLowerCase(Locale.ROOT)).append('"');
            }
            b.append(", \"names\": ");
            strings(b, o.names());
            b.append("},\n");
        }
        ModelMetadata.Provenance v = m.provenance();
        if (v != null) {
            b.append("  \"provenance\": {");
            optional(b, "source", v.source());
            optional(b, "training", v.training());
            optional(b, "network", v.network());
            optional(b, "data", v.data());
            b.append("\"epochs\": ").append(v.epochs());
            if (v.status() != null) {
                b.append(", \"status\": ").append(ModelIO.quote(v.status()));
            }
            b.append(", \"metrics\": {");
            boolean first = true;
            for (Map.Entry<String, Double> e : v.metrics().entrySet()) {
                if (Double.isFinite(e.getValue())) {
                    b.append(first ? "" : ", ").append(ModelIO.quote(e.getKey())).append(": ").append(e.getValue());
                    first = false;
                }
            }
            b.append("}},\n");
        }
    }

    private static void optional(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append('"').append(name).append("\": ").append(ModelIO.quote(value)).append(", ");
        }
    }

    private static void strings(StringBuilder b, List<String> values) {
        b.append('[');
        for (int i = 0; i < values.size(); i++) {
            b.append(i > 0 ? ", " : "").append(ModelIO.quote(values.get(i)));
        }
        b.append(']');
    }

    private static void numbers(StringBuilder b, double[] values) {
        b.append('[');
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("preprocessing value " + values[i] + " of feature " + (i + 1)
                        + " is not finite; it cannot be saved");
            }
            b.append(i > 0 ? ", " : "").append(values[i]);
        }
        b.append(']');
    }
}

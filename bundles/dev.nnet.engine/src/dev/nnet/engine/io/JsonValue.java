package dev.nnet.engine.io;

import java.util.List;
import java.util.Map;

/** A parsed JSON value with its source position. Numbers keep their text for exact float/double parsing. */
final class JsonValue {
    enum Kind { OBJECT, ARRAY, STRING, NUMBER, TRUE, FALSE, NULL }

    final Kind kind;
    final String text;
    final List<JsonValue> items;
    final Map<String, JsonValue> fields;
    final int line;
    final int column;

    JsonValue(Kind kind, String text, List<JsonValue> items, Map<String, JsonValue> fields, int line, int column) {
        this.kind = kind;
        this.text = text;
        this.items = items;
        this.fields = fields;
        this.line = line;
        this.column = column;
    }

    String describe() {
        switch (kind) {
            case OBJECT: return "an object";
            case ARRAY: return "an array";
            case STRING: return "the string \"" + text + "\"";
            case NUMBER: return "the number " + text;
            default: return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

package dev.nnet.engine.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser (RFC 8259) reading bytes (strict UTF-8) and tracking line and column for error
 * messages. Arrays and objects nest at most {@link #MAX_DEPTH} deep (a located error, never a stack overflow).
 * Arrays of numbers are kept compactly ({@link JsonNumbers}); the rows of a layer's weight matrix and its bias
 * (the bulk of a model file) and the rows of a checkpoint's optimizer state are only checked and counted here, and
 * read later straight into their arrays ({@link DeferredNumbers}), so that a file is never held in memory whole.
 */
final class JsonParser {
    /** Deepest nesting of arrays and objects accepted; model files need 4. */
    static final int MAX_DEPTH = 64;
    private final ByteInput in;
    private final JsonStrings strings;
    private int depth;
    /** The field name under which each open container sits (null for an array item), by depth. */
    private final String[] keys = new String[MAX_DEPTH + 2];
    private String pendingKey;

    private JsonParser(ByteInput in) {
        this.in = in;
        this.strings = new JsonStrings(in);
    }

    /**
     * @param in the document; left open and positioned at its end (deferred arrays are read from it later)
     * @return its value
     * @throws ModelFormatException for anything that is not one well-formed JSON value, located
     */
    static JsonValue parse(ByteInput in) throws ModelFormatException {
        JsonParser p = new JsonParser(in);
        if (in.peek() == 0xEF) {
            p.strings.byteOrderMark();
        }
        in.skipWhitespace();
        if (in.peek() < 0) {
            throw in.error("file is empty");
        }
        JsonValue v = p.value();
        in.skipWhitespace();
        if (in.peek() >= 0) {
            throw in.error("unexpected " + p.strings.next() + " after the end of the JSON document");
        }
        return v;
    }

    private JsonValue value() throws ModelFormatException {
        in.skipWhitespace();
        int ch = in.peek();
        if (ch < 0) {
            throw in.endOfFile("a value");
        }
        int l = in.line();
        int c = in.column();
        switch (ch) {
            case '{': return object(l, c);
            case '[': return array(l, c);
            case '"': return new JsonValue(JsonValue.Kind.STRING, strings.string(), null, null, l, c);
            case 't': literal("true"); return new JsonValue(JsonValue.Kind.TRUE, "true", null, null, l, c);
            case 'f': literal("false"); return new JsonValue(JsonValue.Kind.FALSE, "false", null, null, l, c);
            case 'n': literal("null"); return new JsonValue(JsonValue.Kind.NULL, "null", null, null, l, c);
            default:
                if (ch == '-' || (ch >= '0' && ch <= '9')) {
                    in.scanNumber();
                    return new JsonValue(JsonValue.Kind.NUMBER, in.numberText(), null, null, l, c);
                }
                throw in.error("unexpected character " + strings.next());
        }
    }

    private void literal(String word) throws ModelFormatException {
        for (int i = 0; i < word.length(); i++) {
            int ch = in.peek();
            if (ch < 0) {
                throw in.endOfFile("'" + word + "'");
            }
            if (ch != word.charAt(i)) {
                throw in.error("invalid literal, expected '" + word + "'");
            }
            in.read();
        }
    }

    private void enter() throws ModelFormatException {
        if (++depth > MAX_DEPTH) {
            throw in.error("arrays and objects nested more than " + MAX_DEPTH + " deep");
        }
        keys[depth] = pendingKey;
        pendingKey = null;
    }

    private JsonValue object(int l, int c) throws ModelFormatException {
        enter();
        in.read();
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        in.skipWhitespace();
        if (in.peek() == '}') {
            in.read();
            depth--;
            return new JsonValue(JsonValue.Kind.OBJECT, null, null, fields, l, c);
        }
        while (true) {
            in.skipWhitespace();
            if (in.peek() < 0) {
                throw in.endOfFile("a field name");
            }
            if (in.peek() != '"') {
                throw in.error("expected a field name in double quotes");
            }
            String key = strings.string();
            if (fields.containsKey(key)) {
                throw in.error("duplicate field \"" + key + "\"");
            }
            expect(':');
            pendingKey = key;
            fields.put(key, value());
            pendingKey = null;
            in.skipWhitespace();
            int ch = in.peek();
            if (ch < 0) {
                throw in.endOfFile("',' or '}'");
            }
            if (ch == '}') {
                in.read();
                depth--;
                return new JsonValue(JsonValue.Kind.OBJECT, null, null, fields, l, c);
            }
            if (ch != ',') {
                throw in.error("expected ',' or '}' but found " + strings.next());
            }
            in.read();
        }
    }

    private JsonValue array(int l, int c) throws ModelFormatException {
        enter();
        in.read();
        in.skipWhitespace();
        if (in.peek() == ']') {
            in.read();
            depth--;
            return new JsonValue(JsonValue.Kind.ARRAY, null, new ArrayList<>(), null, l, c);
        }
        int first = in.peek();
        if (first == '-' || (first >= '0' && first <= '9')) {
            if (deferred()) {
                return new JsonValue(JsonValue.Kind.ARRAY, null, DeferredNumbers.scan(in, this::endOfItem), null,
                        l, c);
            }
            JsonNumbers.Builder numbers = new JsonNumbers.Builder(in);
            if (numbers.scan(this::endOfItem)) {
                return new JsonValue(JsonValue.Kind.ARRAY, null, numbers.build(), null, l, c);
            }
            // not only numbers: an ordinary array from here on, led by the numbers read so far
            return rest(new ArrayList<>(numbers.build()), l, c);
        }
        return rest(new ArrayList<>(), l, c);
    }

    private JsonValue rest(List<JsonValue> items, int l, int c) throws ModelFormatException {
        while (true) {
            items.add(value());
            if (endOfItem()) {
                return new JsonValue(JsonValue.Kind.ARRAY, null, items, null, l, c);
            }
        }
    }

    /**
     * @return true for the rows of a layer's {@code weights} (dense) or {@code weight} (conv2d) matrix and for its
     *         {@code bias}: {@code ... "layers": [ {... "weights": [ [HERE] ...} ...]}, and for the rows of a
     *         checkpoint's optimizer state: {@code "optimizer": {... "a": [ [HERE] ...]}}
     */
    private boolean deferred() {
        if (depth == 4 && keys[depth] == null && ("a".equals(keys[depth - 1]) || "b".equals(keys[depth - 1]))
                && "optimizer".equals(keys[depth - 2])) {
            return true;
        }
        if (depth >= 5 && keys[depth] == null && ("weights".equals(keys[depth - 1]) || "weight".equals(keys[depth - 1]))
                && keys[depth - 2] == null && "layers".equals(keys[depth - 3])) {
            return true;
        }
        return depth >= 4 && "bias".equals(keys[depth]) && keys[depth - 1] == null && "layers".equals(keys[depth - 2]);
    }

    /** @return true at the array's closing ']' (consumed), false after a ',' between items (consumed) */
    boolean endOfItem() throws ModelFormatException {
        in.skipWhitespace();
        int ch = in.peek();
        if (ch < 0) {
            throw in.endOfFile("',' or ']'");
        }
        if (ch == ']') {
            in.read();
            depth--;
            return true;
        }
        if (ch != ',') {
            throw in.error("expected ',' or ']' but found " + strings.next());
        }
        in.read();
        in.skipWhitespace();
        return false;
    }

    /** The end of an array item: {@link JsonParser#endOfItem}. */
    interface ItemEnd {
        boolean atEnd() throws ModelFormatException;
    }

    private void expect(char expected) throws ModelFormatException {
        in.skipWhitespace();
        int ch = in.peek();
        if (ch < 0) {
            throw in.endOfFile("'" + expected + "'");
        }
        if (ch != expected) {
            throw in.error("expected '" + expected + "' but found " + strings.next());
        }
        in.read();
    }
}

package dev.nnet.engine.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser (RFC 8259) tracking line and column for error messages. Arrays and objects nest at
 * most {@link #MAX_DEPTH} deep (a located error, never a stack overflow).
 */
final class JsonParser {
    /** Deepest nesting of arrays and objects accepted; model files need 4. */
    static final int MAX_DEPTH = 64;
    private int depth;
    private final String file;
    private final String s;
    private int pos;
    private int line = 1;
    private int lineStart;

    private JsonParser(String file, String text) {
        this.file = file;
        this.s = text;
    }

    static JsonValue parse(String file, String text) throws ModelFormatException {
        JsonParser p = new JsonParser(file, text);
        p.skipWhitespace();
        if (p.pos == text.length()) {
            throw p.error("file is empty");
        }
        JsonValue v = p.value();
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "' after the end of the JSON document");
        }
        return v;
    }

    private ModelFormatException error(String message) {
        return new ModelFormatException(file, line, pos - lineStart + 1, message);
    }

    private ModelFormatException endOfFile(String expected) {
        return error("unexpected end of file, expected " + expected + " (file truncated?)");
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonValue value() throws ModelFormatException {
        skipWhitespace();
        if (pos >= s.length()) {
            throw endOfFile("a value");
        }
        int l = line;
        int c = pos - lineStart + 1;
        char ch = s.charAt(pos);
        switch (ch) {
            case '{': return object(l, c);
            case '[': return array(l, c);
            case '"': return new JsonValue(JsonValue.Kind.STRING, string(), null, null, l, c);
            case 't': literal("true"); return new JsonValue(JsonValue.Kind.TRUE, "true", null, null, l, c);
            case 'f': literal("false"); return new JsonValue(JsonValue.Kind.FALSE, "false", null, null, l, c);
            case 'n': literal("null"); return new JsonValue(JsonValue.Kind.NULL, "null", null, null, l, c);
            default:
                if (ch == '-' || (ch >= '0' && ch <= '9')) {
                    return new JsonValue(JsonValue.Kind.NUMBER, number(), null, null, l, c);
                }
                throw error("unexpected character '" + ch + "'");
        }
    }

    private void literal(String word) throws ModelFormatException {
        if (!s.startsWith(word, pos)) {
            throw pos + word.length() > s.length() ? endOfFile("'" + word + "'") : error("invalid literal, expected '" + word + "'");
        }
        pos += word.length();
    }

    private void enter() throws ModelFormatException {
        if (++depth > MAX_DEPTH) {
            throw error("arrays and objects nested more than " + MAX_DEPTH + " deep");
        }
    }

    private JsonValue object(int l, int c) throws ModelFormatException {
        enter();
        pos++;
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        skipWhitespace();
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            depth--;
            return new JsonValue(JsonValue.Kind.OBJECT, null, null, fields, l, c);
        }
        while (true) {
            skipWhitespace();
            if (pos >= s.length()) {
                throw endOfFile("a field name");
            }
            if (s.charAt(pos) != '"') {
                throw error("expected a field name in double quotes");
            }
            String key = string();
            if (fields.containsKey(key)) {
                throw error("duplicate field \"" + key + "\"");
            }
            expect(':');
            fields.put(key, value());
            skipWhitespace();
            if (pos >= s.length()) {
                throw endOfFile("',' or '}'");
            }
            char ch = s.charAt(pos++);
            if (ch == '}') {
                depth--;
                return new JsonValue(JsonValue.Kind.OBJECT, null, null, fields, l, c);
            }
            if (ch != ',') {
                pos--;
                throw error("expected ',' or '}' but found '" + ch + "'");
            }
        }
    }

    private JsonValue array(int l, int c) throws ModelFormatException {
        enter();
        int arrayStart = pos;
        int arrayLine = line;
        int arrayLineStart = lineStart;
        pos++;
        skipWhitespace();
        if (pos < s.length() && s.charAt(pos) == ']') {
            pos++;
            depth--;
            return new JsonValue(JsonValue.Kind.ARRAY, null, new ArrayList<>(), null, l, c);
        }
        List<JsonValue> items = numbers(arrayStart, arrayLine, arrayLineStart);
        if (items == null) {
            return new JsonValue(JsonValue.Kind.ARRAY, null, new JsonNumbers(s, starts, count, arrayStart, arrayLine,
                    arrayLineStart), null, l, c);
        }
        while (true) {
            items.add(value());
            if (endOfItem()) {
                return new JsonValue(JsonValue.Kind.ARRAY, null, items, null, l, c);
            }
        }
    }

    /** @return true at the array's closing ']' (consumed), false after a ',' between items */
    private boolean endOfItem() throws ModelFormatException {
        skipWhitespace();
        if (pos >= s.length()) {
            throw endOfFile("',' or ']'");
        }
        char ch = s.charAt(pos++);
        if (ch == ']') {
            depth--;
            return true;
        }
        if (ch != ',') {
            pos--;
            throw error("expected ',' or ']' but found '" + ch + "'");
        }
        return false;
    }

    private int[] starts = new int[16];
    private int count;

    /**
     * Reads the items of an array as long as they are numbers, recording only where each starts.
     *
     * @return null when the array held only numbers and is closed ({@link #starts}, {@link #count} hold them);
     *         otherwise the items so far as values, the parser placed before the first item that is not a number
     */
    private List<JsonValue> numbers(int arrayStart, int arrayLine, int arrayLineStart) throws ModelFormatException {
        int[] mine = new int[16];
        int n = 0;
        while (pos < s.length() && (s.charAt(pos) == '-' || (s.charAt(pos) >= '0' && s.charAt(pos) <= '9'))) {
            if (n == mine.length) {
                mine = java.util.Arrays.copyOf(mine, 2 * n);
            }
            mine[n++] = pos;
            number();
            if (endOfItem()) {
                starts = n == mine.length ? mine : java.util.Arrays.copyOf(mine, n);
                count = n;
                return null;
            }
            skipWhitespace();
        }
        List<JsonValue> items = new ArrayList<>(new JsonNumbers(s, mine, n, arrayStart, arrayLine, arrayLineStart));
        return items;
    }

    private void expect(char expected) throws ModelFormatException {
        skipWhitespace();
        if (pos >= s.length()) {
            throw endOfFile("'" + expected + "'");
        }
        if (s.charAt(pos) != expected) {
            throw error("expected '" + expected + "' but found '" + s.charAt(pos) + "'");
        }
        pos++;
    }

    private String string() throws ModelFormatException {
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw endOfFile("'\"' closing the string");
            }
            char ch = s.charAt(pos++);
            if (ch == '"') {
                return b.toString();
            }
            if (ch < 0x20) {
                pos--;
                throw error("control character in string");
            }
            if (ch != '\\') {
                b.append(ch);
                continue;
            }
            if (pos >= s.length()) {
                throw endOfFile("an escape sequence");
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u':
                    if (pos + 4 > s.length()) {
                        throw endOfFile("4 hex digits");
                    }
                    try {
                        b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("invalid \\u escape");
                    }
                    pos += 4;
                    break;
                default:
                    pos--;
                    throw error("invalid escape '\\" + e + "'");
            }
        }
    }

    private String number() throws ModelFormatException {
        int start = pos;
        if (s.charAt(pos) == '-') {
            pos++;
        }
        int digits = digits();
        if (digits == 0) {
            throw pos >= s.length() ? endOfFile("a digit") : error("invalid number");
        }
        if (digits > 1 && s.charAt(start + (s.charAt(start) == '-' ? 1 : 0)) == '0') {
            throw error("leading zero in number");
        }
        if (pos < s.length() && s.charAt(pos) == '.') {
            pos++;
            if (digits() == 0) {
                throw pos >= s.length() ? endOfFile("a digit") : error("invalid number: digit expected after '.'");
            }
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw pos >= s.length() ? endOfFile("a digit") : error("invalid number: digit expected in exponent");
            }
        }
        return s.substring(start, pos);
    }

    private int digits() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos - start;
    }
}

package dev.nnet.engine.io;

/**
 * JSON strings read from bytes: escapes, no control characters, and strict UTF-8 (no overlong forms, surrogates or
 * code points past U+10FFFF); a malformed sequence is reported with its byte offset, line and column.
 */
final class JsonStrings {
    private final ByteInput in;
    private final StringBuilder b = new StringBuilder();

    JsonStrings(ByteInput in) {
        this.in = in;
    }

    /** Skips a UTF-8 byte order mark at the start of the file. */
    void byteOrderMark() throws ModelFormatException {
        int c = codePoint(in.read());
        if (c != 0xFEFF) {
            throw in.error("unexpected character U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                    + " at the start of the file");
        }
    }

    /** @return the next byte for a message: {@code 'x'} for printable ASCII, else its code */
    String next() throws ModelFormatException {
        int c = in.peek();
        if (c >= 0x20 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        return c < 0 ? "the end of the file" : String.format("the byte 0x%02X", c);
    }

    /** @return the string starting at the next byte (a '"'), consumed with its closing quote */
    String string() throws ModelFormatException {
        in.read();
        b.setLength(0);
        while (true) {
            int ch = in.peek();
            if (ch < 0) {
                throw in.endOfFile("'\"' closing the string");
            }
            if (ch == '"') {
                in.read();
                return b.toString();
            }
            if (ch < 0x20) {
                throw in.error("control character in string");
            }
            if (ch >= 0x80) {
                b.appendCodePoint(codePoint(in.read()));
                continue;
            }
            in.read();
            if (ch != '\\') {
                b.append((char) ch);
                continue;
            }
            int e = in.peek();
            if (e < 0) {
                throw in.endOfFile("an escape sequence");
            }
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
                    in.read();
                    b.append((char) hex4());
                    continue;
                default:
                    throw in.error("invalid escape '\\" + (char) e + "'");
            }
            in.read();
        }
    }

    private int hex4() throws ModelFormatException {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int h = in.peek();
            if (h < 0) {
                throw in.endOfFile("4 hex digits");
            }
            int d = Character.digit(h, 16);
            if (d < 0 || h >= 0x80) {
                throw in.error("invalid \\u escape");
            }
            in.read();
            v = v * 16 + d;
        }
        return v;
    }

    /**
     * @param first the first byte of a sequence (>= 0x80), already consumed
     * @return the code point of the UTF-8 sequence it starts, its continuation bytes consumed
     */
    private int codePoint(int first) throws ModelFormatException {
        long offset = in.offset() - 1;
        int line = in.line();
        int column = in.column() - 1;
        int more;
        int min;
        int lo = 0x80;
        int hi = 0xBF;
        int cp;
        if (first >= 0xC2 && first <= 0xDF) {
            more = 1;
            cp = first & 0x1F;
        } else if (first >= 0xE0 && first <= 0xEF) {
            more = 2;
            cp = first & 0x0F;
            lo = first == 0xE0 ? 0xA0 : 0x80;
            hi = first == 0xED ? 0x9F : 0xBF;
        } else if (first >= 0xF0 && first <= 0xF4) {
            more = 3;
            cp = first & 0x07;
            lo = first == 0xF0 ? 0x90 : 0x80;
            hi = first == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw malformed(offset, line, column);
        }
        for (int i = 0; i < more; i++) {
            int c = in.peek();
            min = i == 0 ? lo : 0x80;
            int max = i == 0 ? hi : 0xBF;
            if (c < min || c > max) {
                throw malformed(offset, line, column);
            }
            in.read();
            cp = (cp << 6) | (c & 0x3F);
        }
        return cp;
    }

    private ModelFormatException malformed(long offset, int line, int column) {
        return new ModelFormatException(in.file(), line, column,
                new InputFiles.MalformedTextException(offset, line, column).getMessage());
    }
}

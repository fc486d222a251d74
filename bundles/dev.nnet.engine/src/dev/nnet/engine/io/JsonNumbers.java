package dev.nnet.engine.io;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;

/**
 * The items of a JSON array of numbers kept as their characters in one byte array, with the line and column of
 * each, instead of one {@link JsonValue} and String per number (an optimizer's state in a checkpoint is millions of
 * numbers): an item is made when it is read.
 */
final class JsonNumbers extends AbstractList<JsonValue> {
    private final byte[] text;
    private final int[] ends;
    private final int[] lines;
    private final int[] columns;
    private final int size;

    private JsonNumbers(byte[] text, int[] ends, int[] lines, int[] columns, int size) {
        this.text = text;
        this.ends = ends;
        this.lines = lines;
        this.columns = columns;
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public JsonValue get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int start = index == 0 ? 0 : ends[index - 1];
        return new JsonValue(JsonValue.Kind.NUMBER, new String(text, start, ends[index] - start,
                StandardCharsets.ISO_8859_1), null, null, lines[index], columns[index]);
    }

    /** Reads the items of an array while they are numbers. */
    static final class Builder {
        private final ByteInput in;
        private byte[] text = new byte[256];
        private int length;
        private int[] ends = new int[16];
        private int[] lines = new int[16];
        private int[] columns = new int[16];
        private int size;

        Builder(ByteInput in) {
            this.in = in;
        }

        /**
         * @param end reads what follows an item
         * @return true when the array held only numbers and is closed; false with the input before the first item
         *         that is not a number
         */
        boolean scan(JsonParser.ItemEnd end) throws ModelFormatException {
            while (true) {
                int c = in.peek();
                if (c != '-' && (c < '0' || c > '9')) {
                    return false;
                }
                if (size == ends.length) {
                    ends = Arrays.copyOf(ends, 2 * size);
                    lines = Arrays.copyOf(lines, 2 * size);
                    columns = Arrays.copyOf(columns, 2 * size);
                }
                lines[size] = in.line();
                columns[size] = in.column();
                in.scanNumber();
                if (length + in.numberLength > text.length) {
                    text = Arrays.copyOf(text, Math.max(2 * text.length, length + in.numberLength));
                }
                System.arraycopy(in.number, 0, text, length, in.numberLength);
                length += in.numberLength;
                ends[size++] = length;
                if (end.atEnd()) {
                    return true;
                }
            }
        }

        /** @return the numbers read */
        JsonNumbers build() {
            return new JsonNumbers(Arrays.copyOf(text, length), Arrays.copyOf(ends, size), Arrays.copyOf(lines, size),
                    Arrays.copyOf(columns, size), size);
        }
    }
}

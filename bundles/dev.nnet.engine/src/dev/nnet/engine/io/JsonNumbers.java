package dev.nnet.engine.io;

import java.util.AbstractList;

/**
 * The items of a JSON array of numbers kept as offsets into the document instead of one {@link JsonValue} and
 * String per number (a model file's weights are millions of numbers): an item is made when it is read, with its
 * line and column found from the array's start (a cursor makes reading in order linear).
 */
final class JsonNumbers extends AbstractList<JsonValue> {
    private final String text;
    private final int[] starts;
    private final int size;
    private int cursorOffset;
    private int cursorLine;
    private int cursorLineStart;

    /**
     * @param text      the document
     * @param starts    offset of each number (the array may be longer than {@code size})
     * @param size      number of items
     * @param offset    an offset at or before the first number
     * @param line      its 1-based line
     * @param lineStart offset where that line starts
     */
    JsonNumbers(String text, int[] starts, int size, int offset, int line, int lineStart) {
        this.text = text;
        this.starts = starts;
        this.size = size;
        this.cursorOffset = offset;
        this.cursorLine = line;
        this.cursorLineStart = lineStart;
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
        int start = starts[index];
        if (start < cursorOffset) {
            rewind();
        }
        for (int i = cursorOffset; i < start; i++) {
            if (text.charAt(i) == '\n') {
                cursorLine++;
                cursorLineStart = i + 1;
            }
        }
        cursorOffset = start;
        int end = start;
        while (end < text.length() && isNumberChar(text.charAt(end))) {
            end++;
        }
        return new JsonValue(JsonValue.Kind.NUMBER, text.substring(start, end), null, null, cursorLine,
                start - cursorLineStart + 1);
    }

    private void rewind() {
        cursorOffset = 0;
        cursorLine = 1;
        cursorLineStart = 0;
    }

    private static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }
}

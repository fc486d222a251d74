package dev.nnet.engine.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The bytes of a model or checkpoint file read through a 64 KB buffer (never the whole file in memory), with the
 * byte offset, line and column (in bytes) of the next byte for error messages, a size limit checked while reading
 * (in case the file grows) and {@link #seek} back to a remembered place (the second pass over the weights). JSON
 * numbers are scanned here by their strict grammar into a small reused buffer ({@link #number}).
 */
final class ByteInput implements Closeable {
    /** A number is at most this many characters (a located error beyond, never a huge buffer or a slow parse). */
    static final int MAX_NUMBER_CHARS = 1000;
    private final String file;
    private final SeekableByteChannel channel;
    private final long limit;
    private byte[] buffer;
    private int pos;
    private int end;
    private long bufferStart;
    private int line = 1;
    private long lineStart;
    /** The characters of the last number scanned. */
    final byte[] number = new byte[MAX_NUMBER_CHARS];
    /** Their count. */
    int numberLength;

    private ByteInput(String file, SeekableByteChannel channel, long limit, byte[] bytes, int length) {
        this.file = file;
        this.channel = channel;
        this.limit = limit;
        this.buffer = bytes;
        this.end = length;
    }

    /**
     * @param file  a file, already checked with {@link InputFiles#problem}
     * @param limit its size limit
     * @return its bytes
     * @throws ModelFormatException if it cannot be opened
     */
    static ByteInput open(Path file, long limit) throws ModelFormatException {
        try {
            return new ByteInput(file.toString(), Files.newByteChannel(file), limit, new byte[64 * 1024], 0);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(file.toString(), 0, 0, "file not found");
        } catch (IOException | SecurityException e) {
            throw new ModelFormatException(file.toString(), 0, 0, "cannot read file: " + e.getMessage());
        }
    }

    /** @return the bytes of a document held in memory */
    static ByteInput of(String file, byte[] bytes) {
        return new ByteInput(file, null, Long.MAX_VALUE, bytes, bytes.length);
    }

    String file() {
        return file;
    }

    /** @return the next byte (0-255) without consuming it, -1 at the end of the file */
    int peek() throws ModelFormatException {
        if (pos == end && !fill()) {
            return -1;
        }
        return buffer[pos] & 0xff;
    }

    /** @return the next byte (0-255), consumed; -1 at the end of the file */
    int read() throws ModelFormatException {
        if (pos == end && !fill()) {
            return -1;
        }
        return buffer[pos++] & 0xff;
    }

    private boolean fill() throws ModelFormatException {
        if (channel == null) {
            return false;
        }
        bufferStart += end;
        pos = 0;
        end = 0;
        try {
            int n = channel.read(ByteBuffer.wrap(buffer));
            end = Math.max(n, 0);
        } catch (IOException e) {
            throw new ModelFormatException(file, 0, 0, "cannot read file: " + e.getMessage());
        }
        if (bufferStart + end > limit) {
            throw new ModelFormatException(file, 0, 0, "file is more than the limit of " + limit + " bytes");
        }
        return end > 0;
    }

    /** @return the byte offset of the next byte */
    long offset() {
        return bufferStart + pos;
    }

    int line() {
        return line;
    }

    long lineStart() {
        return lineStart;
    }

    /** @return the 1-based column (in bytes) of the next byte */
    int column() {
        return (int) Math.min(Integer.MAX_VALUE, offset() - lineStart + 1);
    }

    /**
     * Continues reading at a place met before.
     *
     * @param offset    its byte offset
     * @param atLine    its line
     * @param atLineStart the offset of that line's first byte
     */
    void seek(long offset, int atLine, long atLineStart) throws ModelFormatException {
        if (offset >= bufferStart && offset <= bufferStart + end) {
            pos = (int) (offset - bufferStart);
        } else {
            try {
                channel.position(offset);
            } catch (IOException e) {
                throw new ModelFormatException(file, 0, 0, "cannot read file: " + e.getMessage());
            }
            bufferStart = offset;
            pos = 0;
            end = 0;
        }
        line = atLine;
        lineStart = atLineStart;
    }

    /** Skips spaces, tabs, carriage returns and newlines (counting lines). */
    void skipWhitespace() throws ModelFormatException {
        while (true) {
            if (pos == end && !fill()) {
                return;
            }
            byte c = buffer[pos];
            if (c == '\n') {
                pos++;
                line++;
                lineStart = offset();
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    ModelFormatException error(String message) {
        return new ModelFormatException(file, line, column(), message);
    }

    ModelFormatException endOfFile(String expected) {
        return error("unexpected end of file, expected " + expected + " (file truncated?)");
    }

    /**
     * Scans a number by the JSON grammar (optional minus, no leading zero, optional fraction and exponent) into
     * {@link #number}; the next byte is '-' or a digit.
     */
    void scanNumber() throws ModelFormatException {
        numberLength = 0;
        boolean negative = peek() == '-';
        if (negative) {
            take();
        }
        int first = peek();
        int digits = digits();
        if (digits == 0) {
            throw peek() < 0 ? endOfFile("a digit") : error("invalid number");
        }
        if (digits > 1 && first == '0') {
            throw error("leading zero in number");
        }
        if (peek() == '.') {
            take();
            if (digits() == 0) {
                throw peek() < 0 ? endOfFile("a digit") : error("invalid number: digit expected after '.'");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            take();
            if (peek() == '+' || peek() == '-') {
                take();
            }
            if (digits() == 0) {
                throw peek() < 0 ? endOfFile("a digit") : error("invalid number: digit expected in exponent");
            }
        }
    }

    private int digits() throws ModelFormatException {
        int n = 0;
        for (int c = peek(); c >= '0' && c <= '9'; c = peek()) {
            take();
            n++;
        }
        return n;
    }

    private void take() throws ModelFormatException {
        if (numberLength == MAX_NUMBER_CHARS) {
            throw error("number longer than " + MAX_NUMBER_CHARS + " characters");
        }
        number[numberLength++] = buffer[pos++];
    }

    /** @return the last number scanned as text */
    String numberText() {
        return new String(number, 0, numberLength, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
        buffer = null;
    }
}

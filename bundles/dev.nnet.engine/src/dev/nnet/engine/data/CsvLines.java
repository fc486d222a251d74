package dev.nnet.engine.data;

import dev.nnet.engine.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Streams the lines of a CSV: strict UTF-8 (a leading byte order mark is dropped), at most
 * {@link InputFiles#MAX_LINE_BYTES} bytes per line, no control characters other than tab; {@code \n} or
 * {@code \r\n} ends a line. Every problem is a {@link CsvException} with line and column. Lines are available as
 * bytes ({@link #nextRaw()}, no copy into a String for the common all-ASCII line) or as text ({@link #next()}).
 */
final class CsvLines implements AutoCloseable {
    private final String sourceName;
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private byte[] buffer = new byte[256];
    private int length;
    private boolean ascii;
    private boolean checked;
    private int lineNumber;
    private long offset;
    private long lineOffset;
    private boolean eof;

    CsvLines(String sourceName, InputStream in, int maxLineBytes) {
        this.sourceName = sourceName;
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Opens a CSV file after {@link InputFiles#problem} has accepted it (regular, readable, within
     * {@link InputFiles#csvLimit()}: no FIFO, device or directory).
     *
     * @param file the file
     * @param sourceName the name errors give the file
     * @return its lines
     * @throws CsvException naming the file and why it cannot be read
     */
    static CsvLines open(java.nio.file.Path file, String sourceName) throws CsvException {
        String problem = InputFiles.problem(file, InputFiles.csvLimit());
        if (problem != null) {
            throw new CsvException(sourceName, 0, 0, problem);
        }
        try {
            return new CsvLines(sourceName, java.nio.file.Files.newInputStream(file), InputFiles.MAX_LINE_BYTES);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CsvException(sourceName, 0, 0, "file not found");
        } catch (IOException e) {
            throw new CsvException(sourceName, 0, 0, "cannot read file: " + e.getMessage());
        }
    }

    /** @return the 1-based number of the line last returned */
    int lineNumber() {
        return lineNumber;
    }

    /** @return the bytes of the line last returned by {@link #nextRaw()}: {@code [0, length)} */
    byte[] bytes() {
        return buffer;
    }

    /** @return true when the line last {@link #check()}ed has only ASCII bytes (valid UTF-8 as is) */
    boolean ascii() {
        return ascii;
    }

    /**
     * @return the next line without its terminator, or null at the end of the input
     * @throws CsvException for an over-long line, a control character, invalid UTF-8 or a read error
     */
    String next() throws CsvException {
        if (nextRaw() < 0) {
            return null;
        }
        check();
        return text();
    }

    /**
     * The next line as bytes in {@link #bytes()}, checked for its length only: {@link #check()} looks for control
     * characters, {@link #text()} decodes (and so checks the UTF-8).
     *
     * @return its length, or -1 at the end of the input
     * @throws CsvException for an over-long line or a read error
     */
    int nextRaw() throws CsvException {
        if (eof) {
            return -1;
        }
        length = 0;
        lineOffset = offset;
        try {
            while (true) {
                if (chunkPos == chunkEnd) {
                    int n = in.read(chunk);
                    if (n <= 0) {
                        eof = true;
                        if (length == 0) {
                            return -1;
                        }
                        break;
                    }
                    chunkPos = 0;
                    chunkEnd = n;
                }
                int end = chunkPos;
                while (end < chunkEnd && chunk[end] != '\n') {
                    end++;
                }
                append(end - chunkPos);
                if (end < chunkEnd) {
                    chunkPos++;
                    offset++;
                    break;
                }
            }
        } catch (IOException e) {
            throw new CsvException(sourceName, lineNumber + 1, 0, "cannot read file: " + e.getMessage());
        }
        lineNumber++;
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        checked = false;
        return length;
    }

    /**
     * Checks the line last returned by {@link #nextRaw()} for control characters and notes whether it is all ASCII.
     *
     * @throws CsvException for a control character other than tab
     */
    void check() throws CsvException {
        boolean onlyAscii = true;
        for (int i = 0; i < length; i++) {
            int b = buffer[i];
            if (b < 0) {
                onlyAscii = false;
            } else if ((b < 0x20 && b != '\t') || b == 0x7f) {
                throw new CsvException(sourceName, lineNumber, i + 1, String.format(
                        "control character U+%04X in the data (is this a text file?)", b));
            }
        }
        ascii = onlyAscii;
        checked = true;
    }

    private void append(int n) throws CsvException {
        if ((long) length + n > maxLineBytes) {
            throw new CsvException(sourceName, lineNumber + 1, 0, "line is longer than the limit of "
                    + maxLineBytes + " bytes");
        }
        if (length + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(maxLineBytes, Math.max(2L * buffer.length, length + n)));
        }
        System.arraycopy(chunk, chunkPos, buffer, length, n);
        length += n;
        chunkPos += n;
        offset += n;
    }

    /**
     * @return the line last returned by {@link #nextRaw()} decoded (a leading byte order mark dropped)
     * @throws CsvException for a control character or invalid UTF-8
     */
    String text() throws CsvException {
        if (!checked) {
            check();
        }
        try {
            return InputFiles.decodeUtf8(buffer, 0, length, lineNumber, lineOffset);
        } catch (InputFiles.MalformedTextException e) {
            throw new CsvException(sourceName, lineNumber, e.column, "invalid UTF-8 at byte offset " + e.offset
                    + "; save the file as UTF-8");
        }
    }

    /**
     * {@link #countNonBlankLines(InputStream, long)} of a file within the CSV size limit.
     *
     * @return the count, or 0 when the file cannot be read ({@link #open} then says why)
     */
    static long countNonBlankLines(java.nio.file.Path file) {
        if (InputFiles.problem(file, InputFiles.csvLimit()) != null) {
            return 0;
        }
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return countNonBlankLines(in, InputFiles.csvLimit());
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Counts the lines with a byte other than space and control characters: an upper bound of the header and data rows, read
     * before loading so that the values can go into arrays of their final size.
     *
     * @param in       the bytes (closed by the caller)
     * @param maxBytes read at most this many bytes (the file's size limit)
     * @return the count
     * @throws IOException when reading fails
     */
    static long countNonBlankLines(InputStream in, long maxBytes) throws IOException {
        byte[] chunk = new byte[1 << 16];
        long count = 0;
        long read = 0;
        boolean nonBlank = false;
        for (int n = in.read(chunk); n > 0 && read <= maxBytes; n = in.read(chunk)) {
            read += n;
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (b == '\n') {
                    count += nonBlank ? 1 : 0;
                    nonBlank = false;
                } else {
                    nonBlank |= (b & 0xff) > ' ';
                }
            }
        }
        return count + (nonBlank ? 1 : 0);
    }

    @Override
    public void close() throws CsvException {
        try {
            in.close();
        } catch (IOException e) {
            throw new CsvException(sourceName, 0, 0, "cannot close file: " + e.getMessage());
        }
    }
}

package dev.nnet.engine.data;

import dev.nnet.engine.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the lines of a CSV: strict UTF-8 (a leading byte order mark is dropped), at most
 * {@link InputFiles#MAX_LINE_BYTES} bytes per line, no control characters other than tab; {@code \n} or
 * {@code \r\n} ends a line. Every problem is a {@link CsvException} with line and column.
 */
final class CsvLines implements AutoCloseable {
    private final String sourceName;
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private byte[] buffer = new byte[256];
    private int lineNumber;
    private long offset;
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

    /**
     * @return the next line without its terminator, or null at the end of the input
     * @throws CsvException for an over-long line, a control character, invalid UTF-8 or a read error
     */
    String next() throws CsvException {
        if (eof) {
            return null;
        }
        int length = 0;
        long lineOffset = offset;
        try {
            while (true) {
                if (chunkPos == chunkEnd) {
                    chunkEnd = Math.max(0, in.read(chunk));
                    chunkPos = 0;
                }
                int b = chunkPos < chunkEnd ? chunk[chunkPos++] & 0xff : -1;
                if (b < 0) {
                    eof = true;
                    if (length == 0) {
                        return null;
                    }
                    break;
                }
                offset++;
                if (b == '\n') {
                    break;
                }
                if (length == maxLineBytes) {
                    throw new CsvException(sourceName, lineNumber + 1, 0, "line is longer than the limit of "
                            + maxLineBytes + " bytes");
                }
                if (length == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, (int) Math.min((long) maxLineBytes, 2L * length));
                }
                buffer[length++] = (byte) b;
            }
        } catch (IOException e) {
            throw new CsvException(sourceName, lineNumber + 1, 0, "cannot read file: " + e.getMessage());
        }
        lineNumber++;
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        for (int i = 0; i < length; i++) {
            int b = buffer[i] & 0xff;
            if ((b < 0x20 && b != '\t') || b == 0x7f) {
                throw new CsvException(sourceName, lineNumber, i + 1, String.format(
                        "control character U+%04X in the data (is this a text file?)", b));
            }
        }
        try {
            return InputFiles.decodeUtf8(buffer, 0, length, lineNumber, lineOffset);
        } catch (InputFiles.MalformedTextException e) {
            throw new CsvException(sourceName, lineNumber, e.column, "invalid UTF-8 at byte offset " + e.offset
                    + "; save the file as UTF-8");
        }
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

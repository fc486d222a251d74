package dev.nnet.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The limits on files NNet reads and the checks made before a byte is read: the file must exist, be a regular file
 * (not a directory, FIFO, socket or device such as {@code /dev/zero}) and not exceed a size limit derived from the
 * heap. Text is decoded as strict UTF-8; a malformed byte sequence is reported with its byte offset, line and column.
 */
public final class InputFiles {
    /** Model and checkpoint files are at most this large, or 1/16 of the maximum heap when that is smaller. */
    public static final long MAX_MODEL_BYTES = 256L * 1024 * 1024;
    /** CSV files are at most this large, or 1/8 of the maximum heap when that is smaller. */
    public static final long MAX_CSV_BYTES = 1024L * 1024 * 1024;
    /** A CSV line (the header too) is at most this many bytes. */
    public static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private InputFiles() {
    }

    /** @return the model file limit for this JVM's heap */
    public static long modelLimit() {
        return Math.min(MAX_MODEL_BYTES, Runtime.getRuntime().maxMemory() / 16);
    }

    /** @return the CSV file limit for this JVM's heap */
    public static long csvLimit() {
        return Math.min(MAX_CSV_BYTES, Runtime.getRuntime().maxMemory() / 8);
    }

    /**
     * Checks a file before it is opened; never blocks (FIFOs are not opened).
     *
     * @param file     the file
     * @param maxBytes the size limit
     * @return null when the file may be read, otherwise why not (e.g. "file not found")
     */
    public static String problem(Path file, long maxBytes) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return "file not found";
        } catch (IOException | SecurityException e) {
            return "cannot read file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
        if (attributes.isDirectory()) {
            return "is a directory, not a file";
        }
        if (!attributes.isRegularFile()) {
            return "is not a regular file (a device, FIFO or socket); refusing to read it";
        }
        if (attributes.size() > maxBytes) {
            return "file is " + attributes.size() + " bytes, more than the limit of " + maxBytes + " bytes";
        }
        if (!Files.isReadable(file) && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return "file is not readable (permission denied)";
        }
        return null;
    }

    /**
     * Reads a whole file of at most {@code maxBytes} (checked again while reading, in case it grows).
     *
     * @param file     the file, already checked with {@link #problem}
     * @param maxBytes the limit
     * @return the bytes
     * @throws IOException when reading fails or the file is larger than the limit
     */
    public static byte[] readBounded(Path file, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new IOException("file is more than the limit of " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    /** Invalid UTF-8 at a known place. */
    public static final class MalformedTextException extends IOException {
        private static final long serialVersionUID = 1L;
        /** 0-based byte offset of the bad sequence */
        public final long offset;
        /** 1-based line */
        public final int line;
        /** 1-based column (in bytes from the line start) */
        public final int column;

        MalformedTextException(long offset, int line, int column) {
            super("invalid UTF-8 byte sequence at byte offset " + offset + " (line " + line + ", column " + column
                    + "); save the file as UTF-8");
            this.offset = offset;
            this.line = line;
            this.column = column;
        }
    }

    /**
     * Decodes strict UTF-8; a leading byte order mark is dropped.
     *
     * @param bytes the bytes
     * @param from  first byte
     * @param to    end (exclusive)
     * @param firstLine line number of {@code bytes[from]}, for the error
     * @param baseOffset file offset of {@code bytes[from]}, for the error
     * @return the text
     * @throws MalformedTextException for invalid UTF-8, located
     */
    public static String decodeUtf8(byte[] bytes, int from, int to, int firstLine, long baseOffset)
            throws MalformedTextException {
        int start = from;
        if (to - from >= 3 && (bytes[from] & 0xff) == 0xEF && (bytes[from + 1] & 0xff) == 0xBB
                && (bytes[from + 2] & 0xff) == 0xBF) {
            start += 3;
        }
        boolean ascii = true;
        for (int i = start; i < to && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii) {
            // one byte per character, kept that way by the String: no intermediate char buffer
            return new String(bytes, start, to - start, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, to - start);
        CharBuffer out = CharBuffer.allocate(to - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            int line = firstLine;
            int lineStart = from;
            for (int i = from; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new MalformedTextException(baseOffset + bad - from, line, bad - lineStart + 1);
        }
        out.flip();
        return out.toString();
    }
}

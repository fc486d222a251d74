package dev.nnet.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * The JSON text of a model or checkpoint as it is written: built in a {@link StringBuilder} and, when a file is
 * written, passed on to it in pieces of about 64 KB at the boundaries between numbers and rows (never inside a
 * string literal), so saving holds the text of one piece instead of the whole file two or three times over.
 */
final class JsonOut {
    private static final int PIECE = 1 << 16;

    /** The text not yet written. */
    final StringBuilder b;
    private final WritableByteChannel channel;

    /** @param channel where the text goes in pieces */
    JsonOut(WritableByteChannel channel) {
        this.channel = channel;
        this.b = new StringBuilder(PIECE + (PIECE >> 2));
    }

    /** @param capacity the expected length of the whole text, all of which is kept in {@link #b} */
    JsonOut(int capacity) {
        this.channel = null;
        this.b = new StringBuilder(capacity);
    }

    /** At a boundary between items: writes the text so far once it is a piece long. */
    void boundary() {
        if (channel != null && b.length() >= PIECE) {
            flush();
        }
    }

    /** Writes everything built so far (nothing without a channel). */
    void flush() {
        if (channel == null || b.length() == 0) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
        b.setLength(0);
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

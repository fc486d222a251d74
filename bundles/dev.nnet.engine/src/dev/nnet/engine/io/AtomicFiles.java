package dev.nnet.engine.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file atomically: the bytes go to a temporary file next to the target, are forced to disk and renamed over
 * it, so readers see the old or the new complete file, never a part. Unlike {@link Files#createTempFile}, which is
 * private (0600), the temporary file is created with the process's usual permissions (the umask), or those of the
 * file it replaces: a saved model is as readable as any file the user writes.
 */
public final class AtomicFiles {

    /** Writes the content of a file to an open channel. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param channel the temporary file, open for writing
         * @throws IOException if writing fails
         */
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * @param file the target; its directory must exist
     * @param content writes the bytes
     * @throws IOException if writing or renaming fails (an existing file is left unchanged)
     */
    public static void write(Path file, Content content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path tmp = null;
        FileChannel channel = null;
        for (int attempt = 0; channel == null; attempt++) {
            tmp = absolute.resolveSibling("." + absolute.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException taken) {
                if (attempt > 100) {
                    throw taken;
                }
            }
        }
        try {
            try (FileChannel ch = channel) {
                content.writeTo(ch);
                ch.force(true);
            }
            keepPermissions(absolute, tmp);
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void keepPermissions(Path replaced, Path tmp) {
        try {
            if (Files.isRegularFile(replaced)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(replaced));
            }
        } catch (IOException | UnsupportedOperationException notKept) {
            // not POSIX or not ours: the new file keeps the umask's permissions
        }
    }
}

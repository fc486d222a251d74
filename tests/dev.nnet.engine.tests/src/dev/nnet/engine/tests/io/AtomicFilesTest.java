package dev.nnet.engine.tests.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nnet.engine.io.AtomicFiles;

/** Atomic writes get the permissions of any file the user creates (not a temporary file's 0600), or keep the old file's. */
public class AtomicFilesTest {

    private static void write(Path file, String text) throws Exception {
        AtomicFiles.write(file, ch -> ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    public void aNewFileHasTheUsualPermissionsAndAReplacedFileKeepsItsOwn(@TempDir Path dir) throws Exception {
        Path plain = Files.createFile(dir.resolve("plain.txt")); // the umask's permissions
        Path model = dir.resolve("model.json");
        write(model, "{}");
        assertEquals("{}", Files.readString(model));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(model));

        Files.setPosixFilePermissions(model, PosixFilePermissions.fromString("rw-r-----"));
        write(model, "{ \"v\": 2 }");
        assertEquals("{ \"v\": 2 }", Files.readString(model));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(model)));
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary file left behind");
        }
    }
}

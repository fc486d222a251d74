package dev.nnet.engine.tests.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files written by an adversary: deep nesting, devices, directories, FIFOs, bad UTF-8. */
class HostileModelFileTest {
    @TempDir
    Path dir;

    private ModelFormatException bad(Path file) {
        ModelFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ModelFormatException.class, () -> ModelIO.load(file)));
        assertTrue(e.getMessage().startsWith(file.toString() + ":"), e.getMessage());
        return e;
    }

    @Test
    void deepNestingIsALocatedErrorNotAStackOverflow() throws IOException {
        Path file = dir.resolve("deep.json");
        Files.writeString(file, "[".repeat(100_000));
        ModelFormatException e = bad(file);
        assertTrue(e.getMessage().contains("nested more than 64 deep"), e.getMessage());
        assertEquals(1, e.line());
        assertEquals(65, e.column());
        Path objects = dir.resolve("objects.json");
        Files.writeString(objects, "{\"a\":".repeat(50_000));
        assertTrue(bad(objects).getMessage().contains("nested more than 64 deep"));
    }

    @Test
    void devZeroAndDirectoriesAreRefusedBeforeReading() throws IOException {
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertTrue(bad(zero).getMessage().contains("not a regular file"), bad(zero).getMessage());
        }
        assertTrue(bad(dir).getMessage().endsWith("is a directory, not a file"), bad(dir).getMessage());
    }

    @Test
    void fifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("model.fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (p.waitFor() != 0) {
            return; // no mkfifo on this system
        }
        assertTrue(bad(fifo).getMessage().contains("not a regular file"));
    }

    @Test
    void invalidUtf8IsLocated() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, new byte[] {'{', '\n', ' ', '"', (byte) 0xE9, '"', ':', '1', '}'});
        ModelFormatException e = bad(file);
        assertTrue(e.getMessage().contains("invalid UTF-8 byte sequence at byte offset 4 (line 2, column 3)"),
                e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void byteOrderMarkIsAccepted() throws IOException {
        Path file = dir.resolve("bom.json");
        String json = ModelIO.toJson(NetworkSpec.builder(2).dense("o", 1, Activations.sigmoid()).build().build());
        byte[] text = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(file, withBom);
        assertEquals(1, ModelIO.load(file).layers().size());
    }
}

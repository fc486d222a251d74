package dev.nnet.engine.tests.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.data.CsvException;
import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.io.InputFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV files written by an adversary: devices, FIFOs, huge lines, encodings, Java number syntax, NUL bytes. */
class HostileCsvTest {
    @TempDir
    Path dir;

    private CsvException bad(Path file) {
        CsvException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(CsvException.class, () -> CsvLoader.file(file).load()));
        assertTrue(e.getMessage().startsWith(file.toString() + ":"), e.getMessage());
        return e;
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nonRegularFilesAreRefusedBeforeReading() throws Exception {
        if (Files.exists(Path.of("/dev/zero"))) {
            assertTrue(bad(Path.of("/dev/zero")).getMessage().contains("not a regular file"));
        }
        assertTrue(bad(dir).getMessage().contains("is a directory"));
        Path fifo = dir.resolve("data.fifo");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertTrue(bad(fifo).getMessage().contains("not a regular file"));
        }
    }

    @Test
    void overLongHeaderLineIsALocatedErrorInBoundedMemory() throws IOException {
        Path p = dir.resolve("wide.csv");
        try (OutputStream out = Files.newOutputStream(p)) {
            byte[] block = "abcdefghi,".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 30; i++) {
                out.write(block);
            }
        }
        CsvException e = bad(p);
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("line is longer than the limit of " + InputFiles.MAX_LINE_BYTES + " bytes"),
                e.getMessage());
    }

    @Test
    void byteOrderMarkIsAccepted() throws Exception {
        Path p = write("bom.csv", "\uFEFFx,label\n1,a\n2,b\n");
        DataSet d = CsvLoader.file(p).label("label").load();
        assertEquals("x", d.featureNames().get(0));
        assertEquals(2, d.rows());
    }

    @Test
    void latin1IsALocatedError() throws IOException {
        Path p = write("latin1.csv", new byte[] {'x', ',', 'l', '\n', '1', ',', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        CsvException e = bad(p);
        assertEquals(2, e.line());
        assertEquals(6, e.column());
        assertTrue(e.getMessage().contains("invalid UTF-8 at byte offset 9"), e.getMessage());
    }

    @Test
    void nulAndControlCharactersAreRejected() throws IOException {
        CsvException e = bad(write("nul.csv", "x,label\n1\u0000,a\n2,b\n"));
        assertEquals(2, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("control character U+0000"), e.getMessage());
    }

    @Test
    void onlyDecimalNumbersAreNumbers() throws IOException {
        for (String cell : new String[] {"0x1p3", "1d", "1f", "NaN", "Infinity", "1e", ".", "+", "1.2.3", "1_000",
                "٣"}) {
            CsvException e = bad(write("n.csv", "x,label\n" + cell + ",a\n2,b\n"));
            assertTrue(e.getMessage().contains(":2:1: '" + cell + "' is not a"), e.getMessage());
        }
        for (String ok : new String[] {"1", "-1", "+1", "1.", ".5", "1e3", "1E-3", "-0.25e+2"}) {
            assertTrue(CsvLoader.isDecimal(ok), ok);
        }
        assertFalse(CsvLoader.isDecimal(""));
    }

    @Test
    void emptyLabelCellIsLocated() throws IOException {
        CsvException e = bad(write("label.csv", "x,label\n1,a\n2,\n3,b\n"));
        assertTrue(e.getMessage().contains(":3:2: empty cell in label column 'label'"), e.getMessage());
    }

    @Test
    void emptyHeaderOnlyAndOneClassFilesAreLocatedErrors() throws IOException {
        assertTrue(bad(write("empty.csv", "")).getMessage().contains("file is empty"));
        assertTrue(bad(write("header.csv", "x,label\n")).getMessage().contains(":1: no data rows"));
        assertTrue(bad(write("one.csv", "x,label\n1,a\n2,a\n")).getMessage().contains("only one class"));
    }

    @Test
    void crlfAndBlankLinesStillWork() throws Exception {
        DataSet d = CsvLoader.file(write("crlf.csv", "x,y\r\n\r\n1,a\r\n2,b\r\n")).load();
        assertEquals(2, d.rows());
        assertEquals(2.0, d.feature(1, 0));
    }
}

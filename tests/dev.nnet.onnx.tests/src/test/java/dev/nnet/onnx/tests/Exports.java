package dev.nnet.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The exported files of one test class, kept in {@code target/onnx-exports/<class>}, and their check by ONNX's own
 * checker ({@code releng/scripts/onnx-check.py}, {@code onnx.checker.check_model(m, full_check=True)}) when
 * Debian's python3-onnx is installed; CI installs it.
 */
final class Exports {
    /** Debian's interpreter, where apt installs python3-onnx (a python3 earlier on PATH may lack it). */
    static final String DEBIAN_PYTHON = "/usr/bin/python3";
    static final Path HOME = Path.of(System.getProperty("nnet.home", "../.."));
    private final Path dir;

    Exports(String name) {
        dir = Path.of(System.getProperty("nnet.exports", "target/onnx-exports")).resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** Runs the checker on every .onnx file of this class; skipped without python3-onnx. */
    void check() throws IOException, InterruptedException {
        String python = Files.isExecutable(Path.of(DEBIAN_PYTHON)) ? DEBIAN_PYTHON : "python3";
        Process probe = new ProcessBuilder(python, "-c", "import onnx").redirectErrorStream(true).start();
        boolean available = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        if (!available) {
            System.err.println("onnx checker NOT run on " + dir + ": " + python + " has no onnx module (python3-onnx)");
        }
        Assumptions.assumeTrue(available, "python3-onnx is not installed; CI installs it");
        Process p = new ProcessBuilder(python, HOME.resolve("releng/scripts/onnx-check.py").toString(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        System.out.println(out.strip());
    }
}

package dev.nnet.engine.tests.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The float64 matrix kernels are generated from the float32 ones by {@code releng/scripts/GenerateDoubleKernels.java}:
 * this test runs the script in {@code --check} mode, so a hand edit of a {@code Double*.java} file (or a float edit
 * without regenerating) fails the build.
 */
class GeneratedKernelsTest {

    @Test
    void doubleKernelsAreWhatTheScriptWrites() throws IOException, InterruptedException {
        Path root = repositoryRoot();
        Path script = root.resolve("releng/scripts/GenerateDoubleKernels.java");
        assertTrue(Files.isRegularFile(script), "missing " + script);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), script.toString(), "--check", root.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the generator did not finish");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("match their float sources"), output);
    }

    @Test
    void generatedFilesSayWhereTheyComeFrom() throws IOException {
        Path matrix = repositoryRoot().resolve("bundles/dev.nnet.engine/src/dev/nnet/engine/matrix");
        for (String name : new String[] { "Gemm", "Kernel", "MatMul", "Matrix", "ScalarKernel", "VectorKernel" }) {
            String first = Files.readAllLines(matrix.resolve("Double" + name + ".java")).get(0);
            assertTrue(first.startsWith("// Generated from Float" + name + ".java"), name + ": " + first);
        }
    }

    private static Path repositoryRoot() {
        String examples = System.getProperty("nnet.examples.dir");
        assertTrue(examples != null, "the build passes -Dnnet.examples.dir");
        return Path.of(examples).toAbsolutePath().getParent();
    }
}

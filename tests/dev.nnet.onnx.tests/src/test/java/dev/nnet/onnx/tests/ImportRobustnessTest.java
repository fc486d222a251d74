package dev.nnet.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nnet.onnx.Onnx;
import dev.nnet.onnx.OnnxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Nothing NNet reads gives a stack trace: every truncation and 2,000 random corruptions of a PyTorch fixture
 * either import or fail with an {@link OnnxException} that names the file.
 */
class ImportRobustnessTest {

    @Test
    void truncatedAndCorruptedFilesFailWithALocatedMessage() throws Exception {
        byte[] good = Files.readAllBytes(PyTorchImportTest.FIXTURES.resolve("mlp_gemm_softmax.onnx"));
        Path file = Files.createTempFile("corrupt", ".onnx");
        int failures = 0;
        for (int n = 0; n < good.length; n++) {
            failures += tryImport(file, Arrays.copyOf(good, n));
        }
        Random random = new Random(14);
        for (int i = 0; i < 2000; i++) {
            byte[] bad = good.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            failures += tryImport(file, bad);
        }
        assertTrue(failures > good.length / 2, failures + " of the corrupt files were refused");
    }

    private static int tryImport(Path file, byte[] bytes) throws Exception {
        Files.write(file, bytes);
        try {
            Onnx.read(file);
            return 0;
        } catch (OnnxException e) {
            assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
            return 1;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            fail("importing a corrupt file threw " + e, e);
            return 0;
        }
    }
}

package dev.nnet.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code nnet export} and {@code nnet import} on bad input: one located line, the documented exit code, no trace. */
class ExportImportCommandTest {

    @Test
    void exportOfACorruptModelNamesFileLineAndColumn() throws Exception {
        Path bad = Files.createTempFile("bad-model", ".json");
        Files.writeString(bad, "{\n  \"format\": \"nnet-model\",\n  \"version\": 1,\n  \"precision\": \"float32\"\n");
        Nnet.Result r = Nnet.run("export", bad.toString(), "-o", bad.resolveSibling("x.onnx").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("nnet: " + bad + ":"), r.toString());
        assertNoTrace(r);
    }

    @Test
    void exportUsageAndMissingFiles() throws Exception {
        Nnet.Result none = Nnet.run("export");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("export needs one MODEL.json"), none.toString());
        Nnet.Result missing = Nnet.run("export", "no-such-model.json");
        assertEquals(2, missing.code());
        assertEquals("nnet: no-such-model.json: file not found\n", missing.err());
        assertNoTrace(missing);
    }

    @Test
    void importOfAnUnsupportedOperatorNamesTheNode() throws Exception {
        Path dir = Files.createTempDirectory("import");
        Path fixture = PyTorchImportTest.FIXTURES.resolve("unsupported_hardswish.onnx").toAbsolutePath();
        Nnet.Result r = Nnet.run("import", fixture.toString(), "-o", dir.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("nnet: " + fixture + ": node 2 '/1/HardSwish' (HardSwish): operator HardSwish is"
                + " not supported; NNet imports Gemm, "), r.toString());
        assertNoTrace(r);
        assertFalse(Files.exists(dir.resolve("unsupported_hardswish.nnet")));
    }

    @Test
    void importedNetworkPassesCheck() throws Exception {
        Path dir = Files.createTempDirectory("import");
        Path fixture = PyTorchImportTest.FIXTURES.resolve("mlp_gemm_softmax.onnx").toAbsolutePath();
        Nnet.Result r = Nnet.run("import", fixture.toString(), "-o", dir.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("network MlpGemmSoftmax: 4 inputs, 2 layers, 131 parameters, float32\nwrote "
                + dir.resolve("mlp_gemm_softmax.nnet") + "\nwrote " + dir.resolve("mlp_gemm_softmax-model.json") + "\n",
                r.out());
        Nnet.Result check = Nnet.run("check", dir.resolve("mlp_gemm_softmax.nnet").toString());
        assertEquals(0, check.code(), check.toString());
    }

    /** The PyTorch CNN: its declaration (image input, conv2d, pools, batch_norm, flatten) passes nnet check. */
    @Test
    void importedCnnPassesCheck() throws Exception {
        Path dir = Files.createTempDirectory("import");
        Path fixture = PyTorchImportTest.FIXTURES.resolve("cnn_small.onnx").toAbsolutePath();
        Nnet.Result r = Nnet.run("import", fixture.toString(), "-o", dir.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("network CnnSmall: 1x8x8 inputs, 7 layers, 291 parameters, float32\n"), r.out());
        Nnet.Result check = Nnet.run("check", dir.resolve("cnn_small.nnet").toString());
        assertEquals(0, check.code(), check.toString());
    }

    private static void assertNoTrace(Nnet.Result r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.toString());
    }
}

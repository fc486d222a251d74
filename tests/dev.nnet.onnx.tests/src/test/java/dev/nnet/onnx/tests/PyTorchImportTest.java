package dev.nnet.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.onnx.ModelAdapter;
import dev.nnet.onnx.Onnx;
import dev.nnet.onnx.OnnxException;
import dev.nnet.onnx.export.OnnxExporter;
import dev.nnet.onnx.imports.ImportedNetwork;
import dev.nnet.onnx.imports.OnnxImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ONNX files {@code torch.onnx.export} wrote from {@code nn.Sequential} models (fixtures/make_fixtures.py):
 * imported, NNet's engine reproduces PyTorch's outputs to 1e-6; exported again, ONNX Runtime reproduces them too.
 */
class PyTorchImportTest {
    static final Path FIXTURES = Path.of(System.getProperty("nnet.fixtures", "fixtures"));
    private static final Exports EXPORTS = new Exports("roundtrip");

    @ParameterizedTest
    @ValueSource(strings = { "mlp_gemm_softmax", "mlp_activations", "mlp_matmul_add", "mlp_float64",
            "mlp_batchnorm", "cnn_small" })
    void importReproducesPyTorchAndRoundTripsThroughOnnxRuntime(String name) throws Exception {
        double[][] x = csv(FIXTURES.resolve(name + ".inputs.csv"));
        double[][] expected = csv(FIXTURES.resolve(name + ".outputs.csv"));
        ImportedNetwork imported = Onnx.read(FIXTURES.resolve(name + ".onnx"));
        Network net = imported.toNetwork();
        double diff = Ort.maxDiff(expected, net.predict(x));
        assertTrue(diff <= 1e-6, name + ": NNet vs PyTorch, max difference " + diff);

        Path file = EXPORTS.file(name + ".onnx");
        Onnx.export(ModelAdapter.fromNetwork(net, name).build(), file);
        Map<String, Object> out = Ort.run(Files.readAllBytes(file), "features", x,
                LayersOnnxRuntimeTest.dims(net.inputShape()), net.precision() == Precision.FLOAT64);
        String key = out.containsKey(OnnxExporter.PROBABILITIES) ? OnnxExporter.PROBABILITIES : OnnxExporter.OUTPUT;
        double rt = Ort.maxDiff(expected, (double[][]) out.get(key));
        System.out.println(name + ": max |NNet - PyTorch| = " + diff + ", max |ONNX Runtime (re-exported) - PyTorch| = "
                + rt);
        assertTrue(rt <= 1e-6, name + ": import -> export in ONNX Runtime vs PyTorch, max difference " + rt);
    }

    /** The CLI's files: a .nnet declaration with the layers and a model file that loads to the same network. */
    @Test
    void importWritesDeclarationAndModelFile() throws Exception {
        Path dir = Files.createTempDirectory("nnet-import");
        List<String> lines = Onnx.importTo(FIXTURES.resolve("mlp_activations.onnx"), dir);
        assertEquals("network MlpActivations: 5 inputs, 5 layers, 207 parameters, float32", lines.get(0));
        String nnet = Files.readString(dir.resolve("mlp_activations.nnet"));
        assertTrue(nnet.contains("network MlpActivations {\n  input 5\n  dense dense1 8 tanh\n"
                + "  dense dense2 8 leaky_relu(0.2)\n  dense dense3 6 elu(0.5)\n  dense dense4 4 softplus\n"
                + "  dense dense5 1 sigmoid\n}\n"), nnet);
        Network loaded = ModelIO.load(dir.resolve("mlp_activations-model.json"));
        double[][] x = csv(FIXTURES.resolve("mlp_activations.inputs.csv"));
        double diff = Ort.maxDiff(csv(FIXTURES.resolve("mlp_activations.outputs.csv")), loaded.predict(x));
        assertTrue(diff <= 1e-6, "model file vs PyTorch: " + diff);
    }

    /** The CNN's model file (conv2d, pools, batch_norm, flatten, the image input shape) loads to the same network. */
    @Test
    void importedCnnModelFileReproducesPyTorch() throws Exception {
        Path dir = Files.createTempDirectory("nnet-import");
        Onnx.importTo(FIXTURES.resolve("cnn_small.onnx"), dir);
        String nnet = Files.readString(dir.resolve("cnn_small.nnet"));
        assertTrue(nnet.contains("network CnnSmall {\n  input 1x8x8\n  conv2d conv1 4 kernel 3 stride 1 padding same relu\n"
                + "  max_pool pool2 2 stride 2\n  batch_norm bn3 momentum 0.1 eps 0.00001\n"
                + "  conv2d conv4 6 kernel 3 stride 2 padding same tanh\n  avg_pool pool5 2 stride 2\n"
                + "  flatten flatten6\n  dense dense7 3 softmax\n}\n"), nnet);
        Network loaded = ModelIO.load(dir.resolve("cnn_small-model.json"));
        double diff = Ort.maxDiff(csv(FIXTURES.resolve("cnn_small.outputs.csv")),
                loaded.predict(csv(FIXTURES.resolve("cnn_small.inputs.csv"))));
        assertTrue(diff <= 1e-6, "model file vs PyTorch: " + diff);
    }

    @Test
    void unsupportedOperatorNamesNodeOperatorAndWhatIsSupported() {
        OnnxException e = assertThrows(OnnxException.class, () -> Onnx.read(FIXTURES.resolve("unsupported_hardswish.onnx")));
        assertEquals(FIXTURES.resolve("unsupported_hardswish.onnx") + ": node 2 '/1/HardSwish' (HardSwish): operator"
                + " HardSwish is not supported; NNet imports " + String.join(", ", OnnxImporter.SUPPORTED), e.getMessage());
        assertTrue(e.getMessage().contains("Gemm, MatMul (+ Add), Conv, MaxPool, AveragePool, BatchNormalization,"),
                e.getMessage());
    }

    @Test
    void notAnOnnxFileIsReportedWithItsName() throws IOException {
        Path bad = Files.createTempFile("bad", ".onnx");
        Files.writeString(bad, "this is not protobuf at all");
        OnnxException e = assertThrows(OnnxException.class, () -> Onnx.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ": not an ONNX model"), e.getMessage());
        Path empty = Files.createTempFile("empty", ".onnx");
        assertEquals(empty + ": empty file, not an ONNX model",
                assertThrows(OnnxException.class, () -> Onnx.read(empty)).getMessage());
    }

    /** @return the rows of a fixture CSV (lines starting with # are comments) */
    static double[][] csv(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",");
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = Double.parseDouble(cells[i]);
            }
            rows.add(row);
        }
        return rows.toArray(new double[0][]);
    }

    @AfterAll
    static void checker() throws Exception {
        EXPORTS.check();
    }
}

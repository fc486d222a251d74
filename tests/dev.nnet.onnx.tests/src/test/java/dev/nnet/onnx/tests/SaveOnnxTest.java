package dev.nnet.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.io.TrainedModel;
import dev.nnet.onnx.export.OnnxExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code save "iris-model.onnx"} in a training: {@code nnet train} writes the model file {@code iris-model.json}
 * and its ONNX export {@code iris-model.onnx}, which answers on raw features (the standardization as nodes) with
 * the class names as labels and metadata, as NNet's predict on the model file does.
 */
class SaveOnnxTest {
    private static final Exports EXPORTS = new Exports("save");

    @Test
    void saveOnnxWritesTheModelFileAndItsOnnxExport() throws Exception {
        Path dir = EXPORTS.file("iris");
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Exports.HOME.resolve("examples/data/iris.csv"), dir.resolve("data/iris.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String source = Files.readString(Exports.HOME.resolve("examples/iris.nnet"), StandardCharsets.UTF_8);
        assertTrue(source.contains("save \"iris-model.json\""));
        Path nnet = dir.resolve("iris.nnet");
        Files.writeString(nnet, source.replace("save \"iris-model.json\"", "save \"iris-model.onnx\""));
        Files.deleteIfExists(dir.resolve("iris-model.onnx"));

        Nnet.Result r = Nnet.run("train", nnet.toString(), "--epochs", "20");
        assertEquals(0, r.code(), r.toString());
        Path json = dir.resolve("iris-model.json");
        Path onnx = dir.resolve("iris-model.onnx");
        assertTrue(r.out().contains("\nwrote " + onnx + ": IR 8, opset 17, "), r.toString());
        assertTrue(r.out().contains(json.toString()), "the summary names the model file: " + r.out());
        System.out.println(r.out());

        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(onnx));
        Map<String, String> meta = new HashMap<>();
        m.getMetadataPropsList().forEach(e -> meta.put(e.getKey(), e.getValue()));
        assertEquals("[\"0\", \"1\", \"2\"]", meta.get("nnet.class_names"), meta.toString()); // iris.csv's labels
        assertEquals("standardize", meta.get("nnet.preprocessing"));
        assertEquals("irisRun", meta.get("nnet.training"));

        TrainedModel trained = ModelIO.loadModel(json);
        double[][] raw = ExamplesOnnxRuntimeTest.features(dir.resolve("data/iris.csv"));
        double[][] x = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            x[i] = raw[i].clone();
            trained.metadata().preprocessing().applyInPlace(x[i]);
        }
        double[][] expected = trained.network().predict(x);
        Map<String, Object> out = Ort.run(Files.readAllBytes(onnx), "features", raw, false);
        double diff = Ort.maxDiff(expected, (double[][]) out.get(OnnxExporter.PROBABILITIES));
        System.out.println("save \"iris-model.onnx\": max |ONNX Runtime - NNet predict| = " + diff);
        assertTrue(diff <= 1e-5, "max difference " + diff);
        String[] labels = (String[]) out.get(OnnxExporter.LABEL);
        String[] names = { "0", "1", "2" };
        String[] want = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            want[i] = names[ExamplesOnnxRuntimeTest.predictedClass(trained.network(), expected[i])];
        }
        assertArrayEquals(want, labels);
    }

    @AfterAll
    static void checker() throws Exception {
        EXPORTS.check();
    }
}

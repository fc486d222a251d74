package dev.nnet.engine.tests.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.matrix.Precision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files: round trip, atomic save, and every kind of bad file. */
class ModelIOTest {
    @TempDir
    Path dir;

    private static Network sample(Precision precision) {
        return NetworkSpec.builder(3).dense("hidden", 4, Activations.leakyRelu(0.05)).dense("h2", 2, Activations.elu())
                .dense("out", 2, Activations.softmax()).build().build(precision, 123);
    }

    @Test
    void saveLoadSaveIsByteIdentical() throws IOException {
        for (Precision precision : Precision.values()) {
            Path a = dir.resolve("a-" + precision + ".json");
            Path b = dir.resolve("b-" + precision + ".json");
            Network net = sample(precision);
            ModelIO.save(net, a);
            Network loaded = ModelIO.load(a);
            assertEquals(precision, loaded.precision());
            ModelIO.save(loaded, b);
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
            for (int i = 0; i < net.layers().size(); i++) {
                assertArrayEquals(net.layers().get(i).weights().toDoubleArray(),
                        loaded.layers().get(i).weights().toDoubleArray());
                assertEquals(net.layers().get(i).activation().toString(), loaded.layers().get(i).activation().toString());
                assertEquals(net.layers().get(i).name(), loaded.layers().get(i).name());
            }
            double[][] in = {{0.5, -1, 2}};
            assertArrayEquals(net.predict(in)[0], loaded.predict(in)[0]);
        }
    }

    @Test
    void fileLayoutMatchesTheDocumentedFormat() throws IOException {
        Network net = NetworkSpec.builder(2).dense("only", 1, Activations.sigmoid()).build().build(Precision.FLOAT32, 0);
        net.layers().get(0).weights().set(0, 0.1);
        net.layers().get(0).weights().set(1, -2.5);
        net.layers().get(0).bias().set(0, 1e-7);
        String expected = "{\n  \"format\": \"nnet-model\",\n  \"version\": 1,\n  \"precision\": \"float32\",\n"
                + "  \"inputs\": 2,\n  \"layers\": [\n    {\n      \"name\": \"only\",\n      \"type\": \"dense\",\n"
                + "      \"units\": 1,\n      \"activation\": {\"name\": \"sigmoid\"},\n      \"weights\": [\n"
                + "        [0.1, -2.5]\n      ],\n      \"bias\": [1.0E-7]\n    }\n  ]\n}\n";
        assertEquals(expected, ModelIO.toJson(net));
    }

    @Test
    void atomicSaveReplacesAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("model.json");
        ModelIO.save(sample(Precision.FLOAT32), file);
        Network other = NetworkSpec.builder(1).dense(1, Activations.identity()).build().build();
        ModelIO.save(other, file);
        assertEquals(1, ModelIO.load(file).inputs());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the model file remains");
        }
    }

    @Test
    void failedSaveLeavesTheOldFileIntact() throws IOException {
        Path file = dir.resolve("model.json");
        ModelIO.save(sample(Precision.FLOAT32), file);
        byte[] before = Files.readAllBytes(file);
        Network broken = sample(Precision.FLOAT32);
        broken.layers().get(1).weights().set(0, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> ModelIO.save(broken, file));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        Network fine = sample(Precision.FLOAT32);
        assertThrows(IOException.class, () -> ModelIO.save(fine, dir.resolve("missing-dir").resolve("m.json")));
    }

    @Test
    void modelCanReinitialiseANetworkForTraining() throws IOException {
        Path file = dir.resolve("start.json");
        Network source = sample(Precision.FLOAT64);
        ModelIO.save(source, file);
        Network target = sample(Precision.FLOAT32);
        target.layers().get(0).weights().fill(0);
        ModelIO.loadParametersInto(target, file);
        assertEquals((float) source.layers().get(0).weights().get(3), target.layers().get(0).weights().get(3));
        Network wrongShape = NetworkSpec.builder(3).dense(5, Activations.relu()).dense(2, Activations.identity())
                .dense(2, Activations.softmax()).build().build();
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.loadParametersInto(wrongShape, file));
        assertTrue(e.getMessage().contains("4 units"), e.getMessage());
    }

    private ModelFormatException loadBad(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(file.toString(), e.file());
        return e;
    }

    private String valid() {
        return ModelIO.toJson(sample(Precision.FLOAT32));
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.json");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(file));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void truncatedFile() throws IOException {
        String json = valid();
        ModelFormatException e = loadBad("truncated.json", json.substring(0, json.length() / 2));
        assertTrue(e.getMessage().contains("unexpected end of file") && e.getMessage().contains("truncated"),
                e.getMessage());
        assertTrue(e.line() > 1);
        ModelFormatException empty = loadBad("empty.json", "");
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }

    @Test
    void corruptJsonNamesLineAndColumn() throws IOException {
        ModelFormatException e = loadBad("corrupt.json", "{\n  \"format\": \"nnet-model\",\n  \"version\" 1\n}");
        assertEquals(3, e.line());
        assertEquals(13, e.column());
        assertTrue(e.getMessage().contains("corrupt.json:3:13: expected ':'"), e.getMessage());
        ModelFormatException garbage = loadBad("garbage.json", valid().replace("\"weights\": [\n        [",
                "\"weights\": [\n        [x"));
        assertTrue(garbage.getMessage().contains("unexpected character 'x'"), garbage.getMessage());
    }

    @Test
    void shapeInconsistentFiles() throws IOException {
        String json = valid();
        // drop the first number of the first weight row: that row has 2 numbers instead of 3
        int row = json.indexOf("[", json.indexOf("\"weights\"") + 12);
        String fewer = json.substring(0, row + 1) + json.substring(json.indexOf(",", row) + 2);
        ModelFormatException e = loadBad("fewer.json", fewer);
        assertTrue(e.getMessage().contains("layer 1 ('hidden'): weights row 1 has 2 numbers, expected 3"), e.getMessage());
        ModelFormatException units = loadBad("units.json", json.replaceFirst("\"units\": 4", "\"units\": 5"));
        assertTrue(units.getMessage().contains("weights has 4 rows, expected 5"), units.getMessage());
        ModelFormatException bias = loadBad("bias.json", json.replaceFirst("\"units\": 2", "\"units\": 3"));
        assertTrue(bias.getMessage().contains("layer 2 ('h2')"), bias.getMessage());
    }

    @Test
    void wrongHeaderFields() throws IOException {
        String json = valid();
        assertTrue(loadBad("format.json", json.replace("nnet-model", "other")).getMessage().contains("not an NNet model"));
        assertTrue(loadBad("version.json", json.replace("\"version\": 1", "\"version\": 3")).getMessage()
                .contains("unsupported model format version 3"));
        assertTrue(loadBad("activation.json", json.replace("\"elu\"", "\"swish\"")).getMessage()
                .contains("unknown activation 'swish'"));
        assertTrue(loadBad("missing.json", json.replace("\"inputs\": 3,\n", "")).getMessage()
                .contains("missing field \"inputs\""));
        assertTrue(loadBad("type.json", json.replace("\"inputs\": 3", "\"inputs\": \"3\"")).getMessage()
                .contains("\"inputs\" must be number"));
        assertTrue(loadBad("array.json", "[1, 2]").getMessage().contains("must be a JSON object"));
    }
}

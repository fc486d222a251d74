package dev.nnet.engine.tests.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.SizeBudget;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.layer.Conv2dLayer;
import dev.nnet.engine.layer.Padding;
import dev.nnet.engine.layer.PoolLayer;
import dev.nnet.engine.layer.PoolSpec;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Model files of convolutional networks: round trips, the input shape, older spellings, hostile entries. */
class ImageModelIOTest {
    static Network cnn(Precision precision) {
        return NetworkSpec.builder(Shape.image(2, 6, 6)).conv2d("c1", 3, 3, 1, Padding.SAME, Activations.relu())
                .maxPool("p1", 2, 2).conv2d("c2", 4, 3, 2, Padding.VALID, Activations.leakyRelu(0.1))
                .batchNorm("bn").avgPool("p2", 1, 1).flatten("flat").dense("out", 3, Activations.softmax()).build()
                .build(precision, 21);
    }

    static Matrix input(Precision precision, int rows, int cols) {
        SeededRandom r = new SeededRandom(4);
        Matrix x = Matrix.zeros(precision, rows, cols);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, r.nextGaussian());
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void convolutionalNetworksRoundTripByteIdentically(Precision precision) throws ModelFormatException {
        Network net = cnn(precision);
        String json = ModelIO.toJson(net);
        assertTrue(json.contains("\"inputShape\": [2, 6, 6]") && json.contains("\"type\": \"conv2d\"")
                && json.contains("\"padding\": \"same\"") && json.contains("\"type\": \"max_pool\"")
                && json.contains("\"size\": 2,") && json.contains("\"type\": \"flatten\""), json);
        Network loaded = ModelIO.fromJson(json, "m.json", null);
        assertEquals(json, ModelIO.toJson(loaded), "save, load, save is byte-identical");
        assertEquals(Shape.image(2, 6, 6), loaded.inputShape());
        Conv2dLayer c2 = (Conv2dLayer) loaded.allLayers().get(2);
        assertEquals(4, c2.filters());
        assertEquals(2, c2.stride());
        assertEquals(Padding.VALID, c2.padding());
        assertEquals("leaky_relu", c2.activation().name());
        assertEquals(PoolSpec.Kind.AVG, ((PoolLayer) loaded.allLayers().get(4)).kind());
        Matrix x = input(precision, 3, 72);
        Matrix a = net.forward(x);
        double[] expected = a.toDoubleArray();
        double[] actual = loaded.forward(x).toDoubleArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], "prediction " + i);
        }
    }

    @Test
    void theFirstSpellingOfTheInputShapeStillLoads() throws ModelFormatException {
        String json = ModelIO.toJson(cnn(Precision.FLOAT64)).replace("\"inputShape\"", "\"input_shape\"");
        assertEquals(Shape.image(2, 6, 6), ModelIO.fromJson(json, "m.json", null).inputShape());
    }

    private static String bad(String from, String to) {
        String json = ModelIO.toJson(cnn(Precision.FLOAT64));
        assertTrue(json.contains(from), from);
        return json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    private static String error(String json) {
        return assertThrows(ModelFormatException.class, () -> ModelIO.fromJson(json, "m.json", null)).getMessage();
    }

    @Test
    void brokenImageLayersAreLocatedErrors() {
        String m = error(bad("\"padding\": \"same\"", "\"padding\": \"full\""));
        assertTrue(m.startsWith("m.json:") && m.contains("layer 1 ('c1'): unknown padding \"full\""), m);
        m = error(bad("\"kernel\": 3", "\"kernel\": 9"));
        assertTrue(m.contains("layer 1 ('c1'): weight row 1 has 18 numbers, expected 162"), m);
        m = error(bad("\"kernel\": 3,\n      \"stride\": 2", "\"kernel\": 5,\n      \"stride\": 2"));
        assertTrue(m.contains("layer 3 ('c2'): conv2d layer 'c2' receives 3x3 but its kernel is 5x5"), m);
        m = error(bad("\"filters\": 3", "\"filters\": 2000000"));
        assertTrue(m.contains("layer 1 ('c1'): weight has 3 rows, expected 2000000"), m);
        m = error(bad("\"size\": 2", "\"size\": 7"));
        assertTrue(m.contains("layer 2 ('p1'): layer 'p1' receives 6x6 but its window is 7x7"), m);
        m = error(bad("\"size\": 2", "\"size\": 2.5"));
        assertTrue(m.contains("\"size\" must be a positive integer, found 2.5"), m);
        m = error(bad("\"type\": \"flatten\"", "\"type\": \"flatten\", \"axis\": 1"));
        assertTrue(m.contains("('flat'): unknown field \"axis\""), m);
        m = error(bad("\"inputShape\": [2, 6, 6]", "\"inputShape\": [2, 6, 5]"));
        assertTrue(m.contains("\"inputShape\" 2x6x5 has 60 values, \"inputs\" is 72"), m);
        m = error(bad("\"type\": \"flatten\"", "\"type\": \"dropout\", \"p\": 0"));
        assertTrue(m.contains("needs a flatten before it"), m);
    }

    /** A file cannot make the engine allocate an im2col or window table beyond the budget. */
    @Test
    void hugeWorkspacesAreRefusedBeforeAnythingIsAllocated() {
        String json = "{\"format\": \"nnet-model\", \"version\": 1, \"precision\": \"float32\", \"inputs\": 16777216,"
                + " \"inputShape\": [1, 4096, 4096], \"layers\": [{\"name\": \"p\", \"type\": \"max_pool\", \"size\": 2048,"
                + " \"stride\": 1024}, {\"name\": \"f\", \"type\": \"flatten\"}, {\"name\": \"o\", \"type\": \"dense\","
                + " \"units\": 1, \"activation\": {\"name\": \"identity\"}, \"weights\": [[1, 1, 1, 1, 1, 1, 1, 1, 1]], \"bias\": [0]}]}";
        String m = error(json);
        assertTrue(m.contains("'p' would need 37748736 numbers of window workspace per sample") && m.contains(
                Long.toString(SizeBudget.MAX_WORKSPACE_PER_SAMPLE)), m);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkSpec
                .builder(Shape.image(64, 256, 256)).conv2d("big", 8, 5, 1, Padding.SAME, Activations.relu())
                .flatten("f").dense("o", 1, Activations.identity()).build());
        assertTrue(e.getMessage().contains("'big' would need 104857600 numbers of im2col workspace"), e.getMessage());
    }
}

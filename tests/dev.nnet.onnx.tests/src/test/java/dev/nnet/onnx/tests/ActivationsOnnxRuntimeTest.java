package dev.nnet.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.onnx.ExportModel;
import dev.nnet.onnx.ModelAdapter;
import dev.nnet.onnx.Onnx;
import dev.nnet.onnx.export.OnnxExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every activation, in float32 and float64, with preprocessing in front: ONNX Runtime's outputs against the
 * engine's {@code predict} on the preprocessed inputs, to 1e-5 (float32) and 1e-9 (float64 run as DOUBLE).
 */
class ActivationsOnnxRuntimeTest {
    private static final Exports EXPORTS = new Exports("activations");

    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        List<Activation> all = List.of(Activations.identity(), Activations.sign(), Activations.sigmoid(),
                Activations.tanh(), Activations.relu(), Activations.leakyRelu(0.2), Activations.abs(),
                Activations.elu(0.7), Activations.softplus(), Activations.softmax());
        for (Activation a : all) {
            for (Precision p : Precision.values()) {
                list.add(Arguments.of(a, p));
            }
        }
        return list.stream();
    }

    /** A 3-6-4 network whose hidden layer has {@code hidden}, random weights; inputs spread to ±40 and exact 0. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void onnxRuntimeReproducesPredict(Activation hidden, Precision precision) throws Exception {
        Network net = NetworkSpec.builder(3).dense("hidden", 6, hidden).dense("out", 4, Activations.softmax()).build()
                .build(precision, 11);
        double[] shift = { 1.5, -2, 0 };
        double[] scale = { 0.5, 2, 1 };
        ExportModel model = ModelAdapter.fromNetwork(net, "Act").preprocessing(shift, scale)
                .classNames(List.of("a", "b", "c", "d")).featureNames(List.of("x", "y", "z")).build();
        Path file = EXPORTS.file(hidden.name() + "-" + precision.fileName() + ".onnx");
        Onnx.export(model, file);
        double[][] x = inputs(new Random(5), 3, 40);
        x[0] = new double[] { 1.5, -2, 0 }; // preprocessed to exactly 0
        Map<String, Object> out = Ort.run(Files.readAllBytes(file), "features", x, precision == Precision.FLOAT64);
        double[][] expected = net.predict(preprocess(x, shift, scale));
        double tolerance = precision == Precision.FLOAT64 ? 1e-9 : 1e-5;
        double diff = Ort.maxDiff(expected, (double[][]) out.get(OnnxExporter.PROBABILITIES));
        assertTrue(diff <= tolerance, hidden + " " + precision + ": max difference " + diff);
        long[] classes = (long[]) out.get(OnnxExporter.CLASS);
        String[] labels = (String[]) out.get(OnnxExporter.LABEL);
        for (int r = 0; r < x.length; r++) {
            int best = 0;
            for (int c = 1; c < 4; c++) {
                best = expected[r][c] > expected[r][best] ? c : best;
            }
            assertEquals(best, classes[r], "row " + r);
            assertEquals("abcd".substring(best, best + 1), labels[r]);
        }
    }

    /** Sign of exactly 0 is 0 in NNet's engine (Math.signum) and in ONNX's Sign; both sides of 0 are ±1. */
    @Test
    void signOfZeroIsZero() throws Exception {
        Network net = NetworkSpec.builder(1).dense("s", 1, Activations.sign()).build().build(Precision.FLOAT64, 0);
        net.layers().get(0).weights().set(0, 1.0);
        Path file = EXPORTS.file("sign-zero.onnx");
        Onnx.export(ModelAdapter.fromNetwork(net, "Sign").task(ExportModel.Task.REGRESSION).build(), file);
        double[][] x = { { -3 }, { 0 }, { 2 } };
        Map<String, Object> out = Ort.run(Files.readAllBytes(file), "features", x, true);
        double[][] y = (double[][]) out.get(OnnxExporter.OUTPUT);
        assertArrayEquals(new double[] { -1, 0, 1 }, new double[] { y[0][0], y[1][0], y[2][0] });
        assertEquals(0.0, net.predict(new double[][] { { 0 } })[0][0]);
    }

    /** One sigmoid unit: class = y > 0.5 as Metrics.predictClasses; IR 8, opset 17 and the metadata are written. */
    @Test
    void binaryClassifierAndMetadata() throws Exception {
        Network net = NetworkSpec.builder(2).dense("out", 1, Activations.sigmoid()).build().build(Precision.FLOAT32, 3);
        Path file = EXPORTS.file("binary.onnx");
        Onnx.export(ModelAdapter.fromNetwork(net, "Bin").classNames(List.of("no", "yes")).provenance("training",
                "binRun").build(), file);
        double[][] x = inputs(new Random(9), 2, 3);
        Map<String, Object> out = Ort.run(Files.readAllBytes(file), "features", x, false);
        double[][] p = (double[][]) out.get(OnnxExporter.PROBABILITIES);
        long[] cls = (long[]) out.get(OnnxExporter.CLASS);
        String[] label = (String[]) out.get(OnnxExporter.LABEL);
        for (int r = 0; r < x.length; r++) {
            assertEquals(p[r][0] > 0.5 ? 1 : 0, cls[r]);
            assertEquals(cls[r] == 1 ? "yes" : "no", label[r]);
        }
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(file));
        assertEquals(8, m.getIrVersion());
        assertEquals(17, m.getOpsetImport(0).getVersion());
        Map<String, String> meta = new java.util.HashMap<>();
        m.getMetadataPropsList().forEach(e -> meta.put(e.getKey(), e.getValue()));
        assertEquals("[\"no\", \"yes\"]", meta.get("nnet.class_names"));
        assertEquals("binRun", meta.get("nnet.training"));
        assertEquals("classification", meta.get("nnet.task"));
    }

    static double[][] inputs(Random random, int columns, double spread) {
        double[][] x = new double[32][columns];
        for (double[] row : x) {
            for (int c = 0; c < row.length; c++) {
                row[c] = (random.nextDouble() * 2 - 1) * spread;
            }
        }
        return x;
    }

    static double[][] preprocess(double[][] x, double[] shift, double[] scale) {
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            y[r] = new double[x[r].length];
            for (int c = 0; c < x[r].length; c++) {
                y[r][c] = (x[r][c] - shift[c]) * scale[c];
            }
        }
        return y;
    }

    @AfterAll
    static void checker() throws Exception {
        EXPORTS.check();
    }
}

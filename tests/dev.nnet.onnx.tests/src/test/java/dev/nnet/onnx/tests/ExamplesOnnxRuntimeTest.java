package dev.nnet.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.io.TrainedModel;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.onnx.ExportModel;
import dev.nnet.onnx.ModelAdapter;
import dev.nnet.onnx.export.OnnxExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every example training, trained by {@code nnet train --save}, exported by {@code nnet export}, run in ONNX
 * Runtime on the example's data: the same outputs as NNet's own predict (1e-5 float32, 1e-9 float64) and the same
 * classes.
 */
class ExamplesOnnxRuntimeTest {
    private static final Exports EXPORTS = new Exports("examples");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "xor.nnet, xorRun, , ", "xor.nnet, perceptronRun, , ", "perceptron-and.nnet, andRun, , ",
            "iris.nnet, irisRun, data/iris.csv, ", "digits.nnet, digitsRun, data/digits.csv, 3",
            "digits-regularized.nnet, digitsRegularizedRun, data/digits.csv, 3",
            "digits-cnn.nnet, digitsCnnRun, data/digits.csv, 2" })
    void onnxRuntimeReproducesPredict(String example, String training, String data, String epochs) throws Exception {
        Path model = EXPORTS.file(training + "-model.json");
        Path onnx = EXPORTS.file(training + ".onnx");
        List<String> train = new ArrayList<>(List.of("train", "examples/" + example, "--training", training, "--save",
                model.toString()));
        if (epochs != null) {
            train.addAll(List.of("--epochs", epochs));
        }
        Nnet.Result t = Nnet.run(train.toArray(new String[0]));
        assertTrue(Files.isRegularFile(model), t.toString());
        Nnet.Result e = Nnet.run("export", model.toString(), "-o", onnx.toString());
        assertEquals(0, e.code(), e.toString());
        assertTrue(e.out().startsWith("wrote " + onnx + ": IR 8, opset 17, "), e.out());

        TrainedModel trained = ModelIO.loadModel(model);
        Network net = trained.network();
        ExportModel spec = ModelAdapter.fromModelFile(model);
        double[][] raw = data == null ? new double[][] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } }
                : features(Exports.HOME.resolve("examples").resolve(data));
        double[][] x = new double[raw.length][];
        for (int r = 0; r < raw.length; r++) {
            x[r] = raw[r].clone();
            trained.metadata().preprocessing().applyInPlace(x[r]); // what NNet's predict does with raw features
        }
        double[][] expected = net.predict(x);
        boolean dbl = net.precision() == Precision.FLOAT64;
        Map<String, Object> out = Ort.run(Files.readAllBytes(onnx), spec.inputName(), raw,
                LayersOnnxRuntimeTest.dims(net.inputShape()), dbl); // images as [N, C, H, W]
        boolean classifier = spec.task() == ExportModel.Task.CLASSIFICATION;
        double[][] actual = (double[][]) out.get(classifier ? OnnxExporter.PROBABILITIES : OnnxExporter.OUTPUT);
        double diff = Ort.maxDiff(expected, actual);
        System.out.println(training + " (" + net.precision().fileName() + ", " + raw.length + " rows, preprocessing "
                + trained.metadata().preprocessing().kind() + ", classes " + spec.classNames()
                + "): max |ONNX Runtime - NNet| = " + diff);
        assertTrue(diff <= (dbl ? 1e-9 : 1e-5), training + ": max difference " + diff + " over " + raw.length + " rows");
        if (classifier) {
            long[] classes = (long[]) out.get(OnnxExporter.CLASS);
            for (int r = 0; r < raw.length; r++) {
                assertEquals(predictedClass(net, expected[r]), classes[r], training + " row " + r);
            }
        }
    }

    /** The engine's rule (Metrics.predictClasses): arg-max, or for one output y > 0.5 (sigmoid) / y > 0. */
    static int predictedClass(Network net, double[] y) {
        if (y.length == 1) {
            String f = net.layers().get(net.layers().size() - 1).activation().name();
            return y[0] > (f.equals("sigmoid") ? 0.5 : 0) ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < y.length; c++) {
            best = y[c] > y[best] ? c : best;
        }
        return best;
    }

    /** @return every column but {@code label} of an example CSV with a header */
    static double[][] features(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int label = header.indexOf("label");
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            double[] row = new double[cells.length - 1];
            for (int c = 0, k = 0; c < cells.length; c++) {
                if (c != label) {
                    row[k++] = Double.parseDouble(cells[c]);
                }
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

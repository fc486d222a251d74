package dev.nnet.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OrtException;
import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.layer.BatchNormSpec;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.layer.Padding;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.onnx.ModelAdapter;
import dev.nnet.onnx.Onnx;
import dev.nnet.onnx.export.OnnxExporter;
import dev.nnet.onnx.imports.ImportedNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The layers past dense, built with the engine API, in float32 and float64: ONNX Runtime reproduces NNet's predict
 * (1e-5 / 1e-9; float64 Conv and AveragePool excepted, which ONNX Runtime's CPU provider does not implement), and
 * importing the exported file gives back a network with the same predictions (round trip).
 * Parameters and running statistics are random, so that nothing passes by being the identity.
 */
class LayersOnnxRuntimeTest {
    private static final Exports EXPORTS = new Exports("layers");

    /** dense relu, batch_norm (momentum 0.2, eps 1e-3), dropout, dense tanh, batch_norm, dense identity. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void batchNormAndDropout(Precision precision) throws Exception {
        Network net = NetworkSpec.builder(5).dense("hidden1", 8, Activations.relu())
                .add(new BatchNormSpec("bn1", 0.2, 1e-3)).dropout("drop", 0.3).dense("hidden2", 6, Activations.tanh())
                .batchNorm("bn2").dense("out", 3, Activations.identity()).build().build(precision, 4);
        randomise(net, new Random(21));
        Path file = EXPORTS.file("batchnorm-dropout-" + precision.fileName() + ".onnx");
        Onnx.export(ModelAdapter.fromNetwork(net, "BnDrop").build(), file);

        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(file));
        List<String> ops = new ArrayList<>();
        for (NodeProto n : m.getGraph().getNodeList()) {
            ops.add(n.getOpType());
        }
        assertEquals(List.of("Gemm", "Relu", "BatchNormalization", "Gemm", "Tanh", "BatchNormalization", "Gemm",
                "Identity", "Identity"), ops, "dropout leaves no node");
        NodeProto bn1 = m.getGraph().getNode(2);
        assertEquals(0.8f, bn1.getAttribute(1).getF(), "ONNX momentum = 1 - NNet's");
        assertEquals(1e-3f, bn1.getAttribute(0).getF());

        double[][] x = ActivationsOnnxRuntimeTest.inputs(new Random(3), 5, 3);
        double[][] expected = net.predict(x);
        boolean dbl = precision == Precision.FLOAT64;
        Map<String, Object> out = Ort.run(Files.readAllBytes(file), "features", x, dbl);
        double diff = Ort.maxDiff(expected, (double[][]) out.get(OnnxExporter.OUTPUT));
        System.out.println("batch_norm + dropout " + precision + ": max |ONNX Runtime - NNet| = " + diff);
        assertTrue(diff <= (dbl ? 1e-9 : 1e-5), "max difference " + diff);

        ImportedNetwork imported = Onnx.read(file);
        Network back = imported.toNetwork();
        double rt = Ort.maxDiff(expected, back.predict(x));
        System.out.println("batch_norm + dropout " + precision + ": max |imported - NNet| = " + rt);
        assertTrue(rt <= (dbl ? 1e-12 : 1e-6), "round trip, max difference " + rt);
        String nnet = imported.declaration("BnDrop", "test");
        assertTrue(nnet.contains("  dense dense1 8 relu\n  batch_norm bn2 momentum 0.2 eps 0.001\n"
                + "  dense dense3 6 tanh\n  batch_norm bn4 momentum 0.1 eps 0.00001\n  dense dense5 3 identity\n"), nnet);
        assertFalse(nnet.contains("dropout"), nnet);
    }

    /**
     * Images 2x14x14: conv2d same (stride 1, relu), max_pool 2/2, batch_norm per channel, conv2d valid stride 2 (tanh),
     * avg_pool 2/1, flatten, dense softmax; the graph input is [N, 2, 14, 14] and ONNX Runtime gets NCHW tensors.
     */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void convolutionPoolingFlatten(Precision precision) throws Exception {
        Network net = NetworkSpec.builder(Shape.image(2, 14, 14))
                .conv2d("conv1", 4, 3, 1, Padding.SAME, Activations.relu()).maxPool("pool1", 2, 2).batchNorm("bn")
                .conv2d("conv2", 5, 3, 2, Padding.VALID, Activations.tanh()).avgPool("pool2", 2, 1).flatten("flat")
                .dense("out", 3, Activations.softmax()).build().build(precision, 8);
        randomise(net, new Random(5));
        Path file = EXPORTS.file("cnn-" + precision.fileName() + ".onnx");
        Onnx.export(ModelAdapter.fromNetwork(net, "Cnn").classNames(List.of("a", "b", "c")).build(), file);
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(file));
        List<String> ops = new ArrayList<>();
        for (NodeProto n : m.getGraph().getNodeList()) {
            ops.add(n.getOpType());
        }
        assertEquals(List.of("Conv", "Relu", "MaxPool", "BatchNormalization", "Conv", "Tanh", "AveragePool", "Flatten",
                "Gemm", "Softmax", "Identity", "ArgMax", "Gather"), ops);
        assertEquals(4, m.getGraph().getInput(0).getType().getTensorType().getShape().getDimCount(), "[N, C, H, W]");

        double[][] x = ActivationsOnnxRuntimeTest.inputs(new Random(6), 2 * 14 * 14, 2);
        double[][] expected = net.predict(x);
        boolean dbl = precision == Precision.FLOAT64;
        if (dbl) {
            // valid ONNX (the checker passes it), but ONNX Runtime's CPU provider has Conv and AveragePool for float only
            OrtException e = assertThrows(OrtException.class, () -> Ort.run(Files.readAllBytes(file), "features", x,
                    dims(net.inputShape()), true));
            assertTrue(e.getMessage().contains("Could not find an implementation for Conv"), e.getMessage());
        } else {
            Map<String, Object> out = Ort.run(Files.readAllBytes(file), "features", x, dims(net.inputShape()), false);
            double diff = Ort.maxDiff(expected, (double[][]) out.get(OnnxExporter.PROBABILITIES));
            System.out.println("cnn " + precision + ": max |ONNX Runtime - NNet| = " + diff);
            assertTrue(diff <= 1e-5, "max difference " + diff);
            long[] classes = (long[]) out.get(OnnxExporter.CLASS);
            for (int r = 0; r < x.length; r++) {
                assertEquals(ExamplesOnnxRuntimeTest.predictedClass(net, expected[r]), classes[r], "row " + r);
            }
        }

        // without the class outputs, the file imports: the same layers and predictions
        Path plain = EXPORTS.file("cnn-plain-" + precision.fileName() + ".onnx");
        Onnx.export(ModelAdapter.fromNetwork(net, "Cnn").task(dev.nnet.onnx.ExportModel.Task.REGRESSION).build(), plain);
        ImportedNetwork imported = Onnx.read(plain);
        double rt = Ort.maxDiff(expected, imported.toNetwork().predict(x));
        System.out.println("cnn " + precision + ": max |imported - NNet| = " + rt);
        assertTrue(rt <= (dbl ? 1e-12 : 1e-6), "round trip, max difference " + rt);
        String nnet = imported.declaration("Cnn", "test");
        assertTrue(nnet.contains("  input 2x14x14\n  conv2d conv1 4 kernel 3 stride 1 padding same relu\n"
                + "  max_pool pool2 2 stride 2\n  batch_norm bn3 momentum 0.1 eps 0.00001\n"
                + "  conv2d conv4 5 kernel 3 stride 2 padding valid tanh\n  avg_pool pool5 2 stride 1\n"
                + "  flatten flatten6\n  dense dense7 3 softmax\n"), nnet);
    }

    /** float64 images through what ONNX Runtime runs in double: max_pool, batch_norm per channel, flatten. */
    @org.junit.jupiter.api.Test
    void doubleImagesMaxPoolBatchNormFlatten() throws Exception {
        Network net = NetworkSpec.builder(Shape.image(3, 6, 6)).maxPool("pool", 3, 2).batchNorm("bn").flatten("flat")
                .dense("out", 2, Activations.sigmoid()).build().build(Precision.FLOAT64, 2);
        randomise(net, new Random(8));
        Path file = EXPORTS.file("pool-bn-float64.onnx");
        Onnx.export(ModelAdapter.fromNetwork(net, "PoolBn").build(), file);
        double[][] x = ActivationsOnnxRuntimeTest.inputs(new Random(9), 3 * 6 * 6, 3);
        Map<String, Object> out = Ort.run(Files.readAllBytes(file), "features", x, dims(net.inputShape()), true);
        double diff = Ort.maxDiff(net.predict(x), (double[][]) out.get(OnnxExporter.OUTPUT));
        System.out.println("max_pool + batch_norm float64: max |ONNX Runtime - NNet| = " + diff);
        assertTrue(diff <= 1e-9, "max difference " + diff);
    }

    /** Every parameter and running statistic random (variances positive). */
    static void randomise(Network net, Random random) {
        for (Layer layer : net.allLayers()) {
            for (List<Parameter> list : List.of(layer.parameters(), layer.state())) {
                for (Parameter p : list) {
                    boolean positive = p.name().equals("running_var") || p.name().equals("gamma");
                    for (int i = 0; i < p.value().size(); i++) {
                        double v = random.nextGaussian() * 0.5;
                        p.value().set(i, positive ? 0.3 + Math.abs(v) * 2 : v);
                    }
                }
            }
        }
    }

    /** @return the shape of one sample as ONNX dims */
    static long[] dims(Shape s) {
        return s.image() ? new long[] { s.channels(), s.height(), s.width() } : new long[] { s.width() };
    }

    @AfterAll
    static void checker() throws Exception {
        EXPORTS.check();
    }
}

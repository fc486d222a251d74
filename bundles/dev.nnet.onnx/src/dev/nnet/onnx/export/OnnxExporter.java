package dev.nnet.onnx.export;

import dev.nnet.engine.io.ModelIO;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.nnet.engine.Network;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.layer.Shape;
import dev.nnet.onnx.ExportModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link ExportModel} into an ONNX model (IR {@value #IR_VERSION}, opset {@value #OPSET}): the
 * preprocessing {@code (x - shift) * scale} as Sub and Mul, each layer as {@link LayerNodes} writes it, and
 * the outputs {@code probabilities} and {@code class} (plus {@code label} with class names) for a classifier, or
 * {@code output} for a regression. Class names, feature names and provenance are metadata ({@code nnet.*}).
 */
public final class OnnxExporter {
    /** ONNX IR version written. */
    public static final int IR_VERSION = 8;
    /** Version of the default operator set used. */
    public static final int OPSET = 17;
    /** Output of the class probabilities (or scores) of a classifier. */
    public static final String PROBABILITIES = "probabilities";
    /** Output of the predicted class number (int64). */
    public static final String CLASS = "class";
    /** Output of the predicted class name, when class names are known. */
    public static final String LABEL = "label";
    /** Output of a regression. */
    public static final String OUTPUT = "output";

    private OnnxExporter() {
    }

    /**
     * @param model what to export
     * @return the ONNX model
     * @throws IllegalArgumentException if a parameter is not finite
     */
    public static ModelProto export(ExportModel model) {
        Network net = model.network();
        GraphProto.Builder graph = GraphProto.newBuilder().setName(model.provenance().getOrDefault("network", "nnet"));
        GraphBuilder g = new GraphBuilder(graph, net.precision());
        int type = g.elementType();
        String doc = net.inputShape().image() ? "images " + net.inputShape() + " (N, C, H, W)"
                : model.featureNames().isEmpty() ? net.inputs() + " features"
                : "features: " + String.join(", ", model.featureNames());
        graph.addInput(GraphBuilder.value(model.inputName(), type, sample(net.inputShape()), doc));
        String x = preprocessing(g, model);
        for (Layer layer : net.allLayers()) {
            x = LayerNodes.add(g, layer, x);
        }
        outputs(graph, g, model, x);
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("NNet")
                .setProducerVersion("0.1.0").setDomain("dev.nnet").setModelVersion(1)
                .setDocString("exported by NNet from a trained " + net.precision().fileName() + " network")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).setGraph(graph);
        metadata(m, "nnet.task", model.task().name().toLowerCase(java.util.Locale.ROOT));
        metadata(m, "nnet.precision", net.precision().fileName());
        if (!model.featureNames().isEmpty()) {
            metadata(m, "nnet.feature_names", json(model.featureNames()));
        }
        if (!model.classNames().isEmpty()) {
            metadata(m, "nnet.class_names", json(model.classNames()));
        }
        for (Map.Entry<String, String> e : model.provenance().entrySet()) {
            metadata(m, "nnet." + e.getKey(), e.getValue());
        }
        return m.build();
    }

    private static String preprocessing(GraphBuilder g, ExportModel model) {
        String x = model.inputName();
        double[] shift = model.shift();
        if (shift == null) {
            return x;
        }
        long[] dims = sample(model.network().inputShape());
        String s = g.initializer("preprocess.shift", dims, shift);
        String k = g.initializer("preprocess.scale", dims, model.scale());
        String centred = g.node("Sub", "preprocess/Sub", List.of(x, s), "preprocess.centred");
        return g.node("Mul", "preprocess/Mul", List.of(centred, k), "preprocess.scaled");
    }

    /** @return the dimensions of one input sample: {@code [inputs]}, or {@code [C, H, W]} for images (NCHW) */
    static long[] sample(Shape s) {
        return s.image() ? new long[] { s.channels(), s.height(), s.width() } : new long[] { s.width() };
    }

    private static void outputs(GraphProto.Builder graph, GraphBuilder g, ExportModel model, String y) {
        Network net = model.network();
        int type = g.elementType();
        if (model.task() == ExportModel.Task.REGRESSION) {
            g.node("Identity", "output/Identity", List.of(y), OUTPUT);
            graph.addOutput(GraphBuilder.value(OUTPUT, type, net.outputs(), "the network's outputs"));
            return;
        }
        g.node("Identity", "probabilities/Identity", List.of(y), PROBABILITIES);
        graph.addOutput(GraphBuilder.value(PROBABILITIES, type, net.outputs(), "class probabilities (scores)"));
        if (net.outputs() > 1) {
            g.node("ArgMax", "class/ArgMax", List.of(y), CLASS, GraphBuilder.intAttribute("axis", 1),
                    GraphBuilder.intAttribute("keepdims", 0));
        } else {
            String out = net.outputLayer().activation().name();
            String t = g.scalar("class.threshold", out.equals("sigmoid") ? 0.5 : 0);
            String above = g.node("Greater", "class/Greater", List.of(y, t), "class.above");
            String asInt = g.node("Cast", "class/Cast", List.of(above), "class.int", GraphBuilder.intAttribute("to",
                    TensorProto.DataType.INT64_VALUE));
            String axes = g.int64Initializer("class.axes", new long[] { 1 }, 1);
            g.node("Squeeze", "class/Squeeze", List.of(asInt, axes), CLASS);
        }
        graph.addOutput(GraphBuilder.value(CLASS, TensorProto.DataType.INT64_VALUE, 0, "the predicted class number"));
        if (!model.classNames().isEmpty()) {
            String names = g.stringInitializer("class.names", model.classNames());
            g.node("Gather", "label/Gather", List.of(names, CLASS), LABEL, GraphBuilder.intAttribute("axis", 0));
            graph.addOutput(GraphBuilder.value(LABEL, TensorProto.DataType.STRING_VALUE, 0, "the predicted class name"));
        }
    }

    private static void metadata(ModelProto.Builder m, String key, String value) {
        m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value));
    }

    /** @return the strings as a JSON array */
    static String json(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add(ModelIO.quote(v));
        }
        return "[" + String.join(", ", quoted) + "]";
    }
}

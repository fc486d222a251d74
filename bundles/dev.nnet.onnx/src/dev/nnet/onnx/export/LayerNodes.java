package dev.nnet.onnx.export;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.matrix.Matrix;
import java.util.List;

/**
 * The ONNX nodes of each layer type in inference form: dense as {@code Gemm} and its activation, batch_norm as
 * {@code BatchNormalization} on the running statistics, dropout as nothing (the identity when predicting).
 * Tensors are named after the layer ({@code hidden.weight}, {@code bn1.running_mean}, ...).
 */
final class LayerNodes {
    private LayerNodes() {
    }

    /**
     * Adds the nodes of one layer.
     *
     * @param g the graph
     * @param layer the layer
     * @param x its input tensor
     * @return its output tensor
     * @throws IllegalArgumentException for a layer type without an ONNX form or a non-finite parameter
     */
    static String add(GraphBuilder g, Layer layer, String x) {
        switch (layer.type()) {
            case "dense":
                return dense(g, (DenseLayer) layer, x);
            case "dropout":
                return x;
            case "batch_norm":
                return batchNorm(g, layer, x);
            default:
                throw new IllegalArgumentException("layer '" + layer.name() + "' of type " + layer.type()
                        + " has no ONNX form");
        }
    }

    private static String dense(GraphBuilder g, DenseLayer layer, String x) {
        String p = layer.name();
        String w = g.initializer(p + ".weight", new long[] { layer.units(), layer.inputs() }, values(layer.weights(), p));
        String b = g.initializer(p + ".bias", new long[] { layer.units() }, values(layer.bias(), p));
        String z = g.node("Gemm", p + "/Gemm", List.of(x, w, b), p + ".z", GraphBuilder.intAttribute("transB", 1));
        String y = p + ".y";
        ActivationNodes.add(g, layer.activation(), z, y, p);
        return y;
    }

    /**
     * {@code BatchNormalization(x, gamma, beta, running_mean, running_var)}, epsilon as the layer's; ONNX's
     * momentum weighs the old running value, so it is {@code 1 - momentum} of NNet's (PyTorch's) definition.
     */
    private static String batchNorm(GraphBuilder g, Layer layer, String x) {
        String p = layer.name();
        List<String> inputs = new java.util.ArrayList<>(List.of(x));
        for (String name : List.of("gamma", "beta", "running_mean", "running_var")) {
            Matrix m = find(layer, name);
            inputs.add(g.initializer(p + "." + name, new long[] { m.size() }, values(m, p)));
        }
        double eps = layer.settings().get("eps");
        double momentum = layer.settings().get("momentum");
        return g.node("BatchNormalization", p + "/BatchNormalization", inputs, p + ".y",
                GraphBuilder.floatAttribute("epsilon", eps), GraphBuilder.floatAttribute("momentum", 1 - momentum));
    }

    private static Matrix find(Layer layer, String name) {
        for (List<Parameter> list : List.of(layer.parameters(), layer.state())) {
            for (Parameter q : list) {
                if (q.name().equals(name)) {
                    return q.value();
                }
            }
        }
        throw new IllegalArgumentException("layer '" + layer.name() + "' has no " + name);
    }

    /** @return the values, refusing non-finite ones */
    static double[] values(Matrix m, String layer) {
        double[] v = new double[m.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = m.get(i);
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("layer '" + layer + "' has a non-finite parameter (" + v[i]
                        + "); it cannot be exported");
            }
        }
        return v;
    }
}

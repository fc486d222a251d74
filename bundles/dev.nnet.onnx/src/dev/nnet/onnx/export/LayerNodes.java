package dev.nnet.onnx.export;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.layer.Conv2dLayer;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.layer.PoolLayer;
import dev.nnet.engine.layer.PoolSpec;
import dev.nnet.engine.matrix.Matrix;
import java.util.List;

/**
 * The ONNX nodes of each layer type in inference form: dense as {@code Gemm} and conv2d as {@code Conv}, each with its
 * activation; max_pool / avg_pool as {@code MaxPool} / {@code AveragePool}, flatten of an image as {@code Flatten};
 * batch_norm as {@code BatchNormalization} on the running statistics; dropout as nothing (the identity when
 * predicting).
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
            case "conv2d":
                return conv(g, (Conv2dLayer) layer, x);
            case "max_pool":
            case "avg_pool":
                return pool(g, (PoolLayer) layer, x);
            case "flatten":
                return layer.inputShape().image() ? g.node("Flatten", layer.name() + "/Flatten", List.of(x),
                        layer.name() + ".y", GraphBuilder.intAttribute("axis", 1)) : x;
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

    /** {@code Conv} (weights {@code [filters, C, k, k]}, pads of the padding on every side) and its activation. */
    private static String conv(GraphBuilder g, Conv2dLayer layer, String x) {
        String p = layer.name();
        long k = layer.kernel();
        long pad = layer.padding().pad(layer.kernel());
        String w = g.initializer(p + ".weight", new long[] { layer.filters(), layer.inputShape().channels(), k, k },
                values(layer.weight(), p));
        String b = g.initializer(p + ".bias", new long[] { layer.filters() }, values(layer.bias(), p));
        String z = g.node("Conv", p + "/Conv", List.of(x, w, b), p + ".z", GraphBuilder.intsAttribute("kernel_shape", k, k),
                GraphBuilder.intsAttribute("strides", layer.stride(), layer.stride()),
                GraphBuilder.intsAttribute("pads", pad, pad, pad, pad));
        String y = p + ".y";
        ActivationNodes.add(g, layer.activation(), z, y, p);
        return y;
    }

    /** {@code MaxPool} / {@code AveragePool} without padding. */
    private static String pool(GraphBuilder g, PoolLayer layer, String x) {
        String op = layer.kind() == PoolSpec.Kind.MAX ? "MaxPool" : "AveragePool";
        return g.node(op, layer.name() + "/" + op, List.of(x), layer.name() + ".y",
                GraphBuilder.intsAttribute("kernel_shape", layer.size(), layer.size()),
                GraphBuilder.intsAttribute("strides", layer.stride(), layer.stride()));
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

package dev.nnet.onnx.export;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.matrix.Precision;
import java.util.List;

/**
 * The ONNX nodes of each NNet activation, computing what the engine computes. Operators ONNX Runtime implements
 * for float only (LeakyRelu, Elu) are written out from elementary operators in float64 graphs; softplus is always
 * written in the engine's overflow-free form {@code max(z, 0) + log(1 + exp(-|z|))}.
 */
final class ActivationNodes {
    private ActivationNodes() {
    }

    /**
     * Adds the nodes of {@code f(in)} named after {@code prefix}.
     *
     * @param g the graph
     * @param f the activation
     * @param in input tensor
     * @param out output tensor
     * @param prefix node name prefix (the layer name)
     * @throws IllegalArgumentException for an activation that has no ONNX form
     */
    static void add(GraphBuilder g, Activation f, String in, String out, String prefix) {
        boolean dbl = g.precision() == Precision.FLOAT64;
        Double alpha = f.parameters().get("alpha");
        switch (f.name()) {
            case "identity" -> g.node("Identity", prefix + "/Identity", List.of(in), out);
            case "sign" -> g.node("Sign", prefix + "/Sign", List.of(in), out);
            case "sigmoid" -> g.node("Sigmoid", prefix + "/Sigmoid", List.of(in), out);
            case "tanh" -> g.node("Tanh", prefix + "/Tanh", List.of(in), out);
            case "relu" -> g.node("Relu", prefix + "/Relu", List.of(in), out);
            case "abs" -> g.node("Abs", prefix + "/Abs", List.of(in), out);
            case "softmax" -> g.node("Softmax", prefix + "/Softmax", List.of(in), out, GraphBuilder.intAttribute("axis", 1));
            case "leaky_relu" -> {
                if (dbl) {
                    String neg = g.node("Mul", prefix + "/Mul", List.of(in, g.scalar(prefix + ".alpha", alpha)), prefix + ".neg");
                    where(g, in, in, neg, out, prefix);
                } else {
                    g.node("LeakyRelu", prefix + "/LeakyRelu", List.of(in), out, GraphBuilder.floatAttribute("alpha", alpha));
                }
            }
            case "elu" -> {
                if (dbl) {
                    String e = g.node("Exp", prefix + "/Exp", List.of(in), prefix + ".exp");
                    String em1 = g.node("Sub", prefix + "/Sub", List.of(e, g.scalar(prefix + ".one", 1)), prefix + ".expm1");
                    String neg = g.node("Mul", prefix + "/Mul", List.of(em1, g.scalar(prefix + ".alpha", alpha)), prefix + ".neg");
                    where(g, in, in, neg, out, prefix);
                } else {
                    g.node("Elu", prefix + "/Elu", List.of(in), out, GraphBuilder.floatAttribute("alpha", alpha));
                }
            }
            case "softplus" -> {
                String pos = g.node("Relu", prefix + "/Relu", List.of(in), prefix + ".pos");
                String abs = g.node("Abs", prefix + "/Abs", List.of(in), prefix + ".abs");
                String negAbs = g.node("Neg", prefix + "/Neg", List.of(abs), prefix + ".negabs");
                String e = g.node("Exp", prefix + "/Exp", List.of(negAbs), prefix + ".exp");
                String onePlus = g.node("Add", prefix + "/Add1", List.of(e, g.scalar(prefix + ".one", 1)), prefix + ".oneplus");
                String log = g.node("Log", prefix + "/Log", List.of(onePlus), prefix + ".log");
                g.node("Add", prefix + "/Add", List.of(pos, log), out);
            }
            default -> throw new IllegalArgumentException("activation '" + f.name() + "' has no ONNX form");
        }
    }

    /** {@code out = z > 0 ? ifPositive : otherwise}, as the engine's branch. */
    private static void where(GraphBuilder g, String z, String ifPositive, String otherwise, String out, String prefix) {
        String cond = g.node("Greater", prefix + "/Greater", List.of(z, g.scalar(prefix + ".zero", 0)), prefix + ".positive");
        g.node("Where", prefix + "/Where", List.of(cond, ifPositive, otherwise), out);
    }
}

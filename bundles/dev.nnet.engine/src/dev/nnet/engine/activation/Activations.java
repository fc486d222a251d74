package dev.nnet.engine.activation;

import java.util.List;
import java.util.Map;

/** Factory for the built-in activations, by method or by name (as used in the DSL and model files). */
public final class Activations {
    /** Default slope of leaky ReLU for negative inputs. */
    public static final double DEFAULT_LEAKY_ALPHA = 0.01;
    /** Default alpha of ELU. */
    public static final double DEFAULT_ELU_ALPHA = 1.0;

    /** The names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("identity", "sign", "sigmoid", "tanh", "relu", "leaky_relu", "abs",
            "elu", "softplus", "softmax");

    private Activations() {
    }

    /** @return {@code f(z) = z} */
    public static Activation identity() {
        return Elementwise.IDENTITY;
    }

    /** @return {@code f(z) = z < 0 ? -1 : +1}, so sign(0) = +1 (no gradient: refused by backprop) */
    public static Activation sign() {
        return Elementwise.SIGN;
    }

    /** @return logistic sigmoid {@code 1 / (1 + e^-z)} */
    public static Activation sigmoid() {
        return Elementwise.SIGMOID;
    }

    /** @return hyperbolic tangent */
    public static Activation tanh() {
        return Elementwise.TANH;
    }

    /** @return {@code max(0, z)} (derivative 0 at 0, as PyTorch) */
    public static Activation relu() {
        return Elementwise.RELU;
    }

    /** @return leaky ReLU with alpha {@value #DEFAULT_LEAKY_ALPHA} */
    public static Activation leakyRelu() {
        return leakyRelu(DEFAULT_LEAKY_ALPHA);
    }

    /**
     * @param alpha slope for negative inputs
     * @return {@code z > 0 ? z : alpha z}
     */
    public static Activation leakyRelu(double alpha) {
        return new LeakyRelu(alpha);
    }

    /** @return {@code |z|} (derivative 0 at 0, as PyTorch) */
    public static Activation abs() {
        return Elementwise.ABS;
    }

    /** @return ELU with alpha {@value #DEFAULT_ELU_ALPHA} */
    public static Activation elu() {
        return elu(DEFAULT_ELU_ALPHA);
    }

    /**
     * @param alpha scale of the negative part
     * @return {@code z > 0 ? z : alpha (e^z - 1)}
     */
    public static Activation elu(double alpha) {
        return new Elu(alpha);
    }

    /** @return {@code log(1 + e^z)} computed stably */
    public static Activation softplus() {
        return Elementwise.SOFTPLUS;
    }

    /** @return row-wise softmax (numerically stable) */
    public static Activation softmax() {
        return Softmax.INSTANCE;
    }

    /**
     * Looks an activation up by name: {@code identity, sign, sigmoid, tanh, relu, leaky_relu, abs, elu,
     * softplus, softmax}. Parameters: {@code alpha} for leaky_relu and elu (defaults apply when absent).
     *
     * @param name the name
     * @param parameters parameters, may be empty
     * @return the activation
     * @throws IllegalArgumentException for an unknown name or parameter
     */
    public static Activation byName(String name, Map<String, Double> parameters) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown activation '" + name + "' (expected one of " + String.join(", ", NAMES)
                    + ")");
        }
        for (String key : parameters.keySet()) {
            boolean ok = key.equals("alpha") && (name.equals("leaky_relu") || name.equals("elu"));
            if (!ok) {
                throw new IllegalArgumentException("activation '" + name + "' has no parameter '" + key + "'");
            }
        }
        Double alpha = parameters.get("alpha");
        switch (name) {
            case "identity": return identity();
            case "sign": return sign();
            case "sigmoid": return sigmoid();
            case "tanh": return tanh();
            case "relu": return relu();
            case "leaky_relu": return leakyRelu(alpha == null ? DEFAULT_LEAKY_ALPHA : alpha);
            case "abs": return abs();
            case "elu": return elu(alpha == null ? DEFAULT_ELU_ALPHA : alpha);
            case "softplus": return softplus();
            case "softmax": return softmax();
            default: throw new IllegalStateException(name);
        }
    }
}

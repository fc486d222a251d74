package dev.nnet.onnx.imports;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.layer.LayerDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One layer read from an ONNX graph: how it becomes an engine {@link LayerDefinition} and a line of a {@code .nnet}
 * network declaration, and its parameter and state values by the engine's names ({@code weights}, {@code gamma},
 * {@code running_mean}, ...). Layers with weights take the activation that follows them ({@link #takesActivation}).
 */
abstract class ImportedLayer {
    private final Map<String, double[]> values = new LinkedHashMap<>();
    private String activation;
    private Double alpha;
    private String activationOp;

    /** @return the prefix of the layer's name in the declaration ({@code dense}, {@code bn}, ...) */
    abstract String prefix();

    /** @return the engine definition of the layer named {@code name} */
    abstract LayerDefinition definition(String name);

    /** @return the declaration line of the layer named {@code name}, without indentation */
    abstract String declaration(String name);

    /** @return true if an activation node after it becomes its activation */
    boolean takesActivation() {
        return false;
    }

    final ImportedLayer value(String name, double[] v) {
        values.put(name, v);
        return this;
    }

    /** @return parameter and state values by name */
    final Map<String, double[]> values() {
        return values;
    }

    /** @return the NNet activation name, or null for none yet (identity) */
    final String activation() {
        return activation;
    }

    /** @return the activation's alpha, or null */
    final Double alpha() {
        return alpha;
    }

    /** @return the ONNX operator the activation came from */
    final String activationOp() {
        return activationOp;
    }

    final void setActivation(String name, Double alphaValue, String op) {
        this.activation = name;
        this.alpha = alphaValue;
        this.activationOp = op;
    }

    /** @return the engine activation (identity when none followed) */
    final Activation engineActivation() {
        String name = activation == null ? "identity" : activation;
        return Activations.byName(name, alpha == null ? Map.of() : Map.of("alpha", alpha));
    }

    /** @return the activation as the language writes it: {@code relu}, {@code leaky_relu(0.2)} */
    final String activationSource() {
        String a = activation == null ? "identity" : activation;
        return alpha == null ? a : a + "(" + ImportedNetwork.decimal(alpha) + ")";
    }
}

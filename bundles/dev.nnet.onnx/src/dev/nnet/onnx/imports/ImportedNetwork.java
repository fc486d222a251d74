package dev.nnet.onnx.imports;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.matrix.Precision;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A network read from ONNX: it becomes an engine {@link Network} with the weights, and a {@code .nnet} network
 * declaration of the same layers (named {@code dense1}, {@code dense2}, ... as NNet names unnamed layers).
 */
public final class ImportedNetwork {
    private final int inputs;
    private final Precision precision;
    private final List<ImportedLayer> layers;

    ImportedNetwork(int inputs, Precision precision, List<ImportedLayer> layers) {
        this.inputs = inputs;
        this.precision = precision;
        this.layers = List.copyOf(layers);
    }

    /** @return the precision of the ONNX graph's tensors */
    public Precision precision() {
        return precision;
    }

    /** @return the engine network with the imported weights */
    public Network toNetwork() {
        NetworkSpec.Builder spec = NetworkSpec.builder(inputs);
        for (int i = 0; i < layers.size(); i++) {
            spec.dense(layerName(i), layers.get(i).units(), activation(layers.get(i)));
        }
        Network network = spec.build().build(precision, 0);
        for (int i = 0; i < layers.size(); i++) {
            ImportedLayer l = layers.get(i);
            DenseLayer d = network.layers().get(i);
            for (int k = 0; k < l.weights().length; k++) {
                d.weights().set(k, l.weights()[k]);
            }
            for (int k = 0; k < l.units(); k++) {
                d.bias().set(k, l.bias()[k]);
            }
        }
        return network;
    }

    /**
     * @param name the network's name (an identifier)
     * @param comment first comment line (where the network came from)
     * @return the {@code .nnet} source of a network declaration
     */
    public String declaration(String name, String comment) {
        StringBuilder b = new StringBuilder();
        b.append("// ").append(comment).append('\n');
        b.append("network ").append(name).append(" {\n");
        b.append("  input ").append(inputs).append('\n');
        for (int i = 0; i < layers.size(); i++) {
            ImportedLayer l = layers.get(i);
            b.append("  dense ").append(layerName(i)).append(' ').append(l.units()).append(' ');
            String a = l.activation() == null ? "identity" : l.activation();
            b.append(a);
            if (l.alpha() != null) {
                b.append('(').append(decimal(l.alpha())).append(')');
            }
            b.append('\n');
        }
        b.append("}\n");
        return b.toString();
    }

    private static String layerName(int index) {
        return "dense" + (index + 1);
    }

    private static Activation activation(ImportedLayer l) {
        String name = l.activation() == null ? "identity" : l.activation();
        return Activations.byName(name, l.alpha() == null ? Map.of() : Map.of("alpha", l.alpha()));
    }

    /** A number as the language writes it: digits with a decimal point, no exponent. */
    static String decimal(double v) {
        String s = new BigDecimal(Double.toString(v)).toPlainString();
        return s.contains(".") ? s : s + ".0";
    }
}

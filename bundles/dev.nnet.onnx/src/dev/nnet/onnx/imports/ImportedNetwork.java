package dev.nnet.onnx.imports;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.matrix.Precision;
import java.math.BigDecimal;
import java.util.List;

/**
 * A network read from ONNX: it becomes an engine {@link Network} with the weights, and a {@code .nnet} network
 * declaration of the same layers (named after their type and position: {@code dense1}, {@code bn2}, ...).
 */
public final class ImportedNetwork {
    private final Shape input;
    private final Precision precision;
    private final List<ImportedLayer> layers;

    ImportedNetwork(Shape input, Precision precision, List<ImportedLayer> layers) {
        this.input = input;
        this.precision = precision;
        this.layers = List.copyOf(layers);
    }

    /** @return the precision of the ONNX graph's tensors */
    public Precision precision() {
        return precision;
    }

    /** @return the shape of one input sample */
    public Shape inputShape() {
        return input;
    }

    /**
     * @return the engine network with the imported weights and running statistics
     * @throws IllegalArgumentException if the engine refuses the layers (e.g. a layer of 0 units)
     */
    public Network toNetwork() {
        NetworkSpec.Builder spec = NetworkSpec.builder(input);
        for (int i = 0; i < layers.size(); i++) {
            spec.add(layers.get(i).definition(layerName(i)));
        }
        Network network = spec.build().build(precision, 0);
        for (int i = 0; i < layers.size(); i++) {
            Layer engine = network.allLayers().get(i);
            for (List<Parameter> list : List.of(engine.parameters(), engine.state())) {
                for (Parameter p : list) {
                    double[] v = layers.get(i).values().get(p.name());
                    if (v == null || v.length != p.value().size()) {
                        throw new IllegalArgumentException("layer '" + engine.name() + "': " + p.name() + " has "
                                + (v == null ? "no" : v.length) + " values, the engine expects " + p.value().size());
                    }
                    for (int k = 0; k < v.length; k++) {
                        p.value().set(k, v[k]);
                    }
                }
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
        b.append("  input ").append(inputSource()).append('\n');
        for (int i = 0; i < layers.size(); i++) {
            b.append("  ").append(layers.get(i).declaration(layerName(i))).append('\n');
        }
        b.append("}\n");
        return b.toString();
    }

    private String inputSource() {
        return input.image() ? input.channels() + "x" + input.height() + "x" + input.width()
                : Integer.toString(input.width());
    }

    private String layerName(int index) {
        return layers.get(index).prefix() + (index + 1);
    }

    /** A number as the language writes it: digits with a decimal point, no exponent. */
    static String decimal(double v) {
        String s = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }
}

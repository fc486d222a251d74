package dev.nnet.engine;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.init.Initializer;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.matrix.Precision;
import java.util.Objects;

/**
 * Description of one fully connected layer {@code y = f(W x + b)}: name, number of units, activation and
 * initializers for the weights ({@code units × inputs}) and the bias. The other layer types have their definitions
 * in {@code dev.nnet.engine.layer}.
 */
public final class LayerSpec implements LayerDefinition {
    private final String name;
    private final int units;
    private final Activation activation;
    private final Initializer weightInit;
    private final Initializer biasInit;

    /**
     * @param name layer name (unique within the network)
     * @param units number of units (outputs), positive
     * @param activation the activation
     * @param weightInit weight initializer
     * @param biasInit bias initializer
     */
    public LayerSpec(String name, int units, Activation activation, Initializer weightInit, Initializer biasInit) {
        if (units <= 0) {
            throw new IllegalArgumentException("layer '" + name + "' must have at least one unit, got " + units);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.units = units;
        this.activation = Objects.requireNonNull(activation, "activation");
        this.weightInit = Objects.requireNonNull(weightInit, "weightInit");
        this.biasInit = Objects.requireNonNull(biasInit, "biasInit");
    }

    /** @return the layer name */
    @Override
    public String name() {
        return name;
    }

    /** @return number of units */
    public int units() {
        return units;
    }

    /** @return the activation */
    public Activation activation() {
        return activation;
    }

    /** @return the weight initializer */
    public Initializer weightInit() {
        return weightInit;
    }

    /** @return the bias initializer */
    public Initializer biasInit() {
        return biasInit;
    }

    @Override
    public String type() {
        return DenseLayer.TYPE;
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.image()) {
            throw new IllegalArgumentException("dense layer '" + name + "' receives a " + input
                    + " image and needs a flatten before it");
        }
        return Shape.vector(units);
    }

    /** Weights from random stream {@code 2·index}, bias from {@code 2·index + 1} of the seed. */
    @Override
    public Layer create(Shape input, Precision precision, long seed, int index) {
        outputShape(input);
        int inputs = input.size();
        DenseLayer layer = new DenseLayer(name, inputs, units, activation, precision);
        weightInit.initialize(layer.weights(), inputs, units, SeededRandom.forStream(seed, 2L * index));
        biasInit.initialize(layer.bias(), inputs, units, SeededRandom.forStream(seed, 2L * index + 1));
        return layer;
    }
}

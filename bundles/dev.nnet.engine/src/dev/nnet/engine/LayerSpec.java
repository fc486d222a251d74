package dev.nnet.engine;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.init.Initializer;
import java.util.Objects;

/**
 * Description of one fully connected layer {@code y = f(W x + b)}: name, number of units, activation and
 * initializers for the weights ({@code units × inputs}) and the bias.
 */
public final class LayerSpec {
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
}

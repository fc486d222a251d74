package dev.nnet.engine;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.init.Initializer;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.matrix.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable description of a feed-forward network: input size and a stack of dense layers.
 * Build one with {@link #builder(int)}, then {@link #build(Precision, long)} a {@link Network}.
 */
public final class NetworkSpec {
    private final int inputs;
    private final List<LayerSpec> layers;

    private NetworkSpec(int inputs, List<LayerSpec> layers) {
        this.inputs = inputs;
        this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
    }

    /**
     * @param inputs number of input features, positive
     * @return a builder
     */
    public static Builder builder(int inputs) {
        return new Builder(inputs);
    }

    /** @return number of input features */
    public int inputs() {
        return inputs;
    }

    /** @return the layers, input side first */
    public List<LayerSpec> layers() {
        return layers;
    }

    /**
     * Creates a network with freshly initialised parameters.
     *
     * @param precision storage and compute precision
     * @param seed the seed of all initializers (same seed, bit-identical weights)
     * @return a new network
     */
    public Network build(Precision precision, long seed) {
        return new Network(this, precision, seed);
    }

    /** @return a float32 network with seed 0 */
    public Network build() {
        return build(Precision.FLOAT32, 0);
    }

    /**
     * The default weight initializer: He uniform for ReLU-like activations (relu, leaky_relu, elu),
     * Xavier uniform otherwise.
     *
     * @param activation the layer activation
     * @return the initializer
     */
    public static Initializer defaultWeightInit(Activation activation) {
        String n = activation.name();
        boolean reluLike = n.equals("relu") || n.equals("leaky_relu") || n.equals("elu");
        return reluLike ? Initializers.heUniform() : Initializers.xavierUniform();
    }

    /** Builder of {@link NetworkSpec}. */
    public static final class Builder {
        private final int inputs;
        private final List<LayerSpec> layers = new ArrayList<>();

        private Builder(int inputs) {
            if (inputs <= 0) {
                throw new IllegalArgumentException("a network needs at least one input, got " + inputs);
            }
            this.inputs = inputs;
        }

        /**
         * Adds a dense layer named {@code dense<n>} with default initializers (zero bias).
         *
         * @param units number of units
         * @param activation the activation
         * @return this builder
         */
        public Builder dense(int units, Activation activation) {
            return dense("dense" + (layers.size() + 1), units, activation);
        }

        /**
         * Adds a named dense layer with default initializers (zero bias).
         *
         * @param name the layer name
         * @param units number of units
         * @param activation the activation
         * @return this builder
         */
        public Builder dense(String name, int units, Activation activation) {
            return layer(new LayerSpec(name, units, activation, defaultWeightInit(activation), Initializers.zeros()));
        }

        /**
         * Adds a layer.
         *
         * @param layer the layer
         * @return this builder
         */
        public Builder layer(LayerSpec layer) {
            layers.add(layer);
            return this;
        }

        /**
         * @return the spec
         * @throws IllegalArgumentException if there are no layers, names repeat or {@link SizeBudget} is exceeded
         */
        public NetworkSpec build() {
            if (layers.isEmpty()) {
                throw new IllegalArgumentException("a network needs at least one layer");
            }
            Set<String> names = new HashSet<>();
            for (LayerSpec l : layers) {
                if (!names.add(l.name())) {
                    throw new IllegalArgumentException("duplicate layer name '" + l.name() + "'");
                }
            }
            SizeBudget.check(inputs, layers);
            return new NetworkSpec(inputs, layers);
        }
    }
}

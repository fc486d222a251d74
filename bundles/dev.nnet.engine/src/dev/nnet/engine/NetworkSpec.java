package dev.nnet.engine;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.init.Initializer;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.loss.LossRules;
import dev.nnet.engine.matrix.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable description of a feed-forward network: the input shape and a sequence of layer definitions
 * (dense {@link LayerSpec}s and the types of {@code dev.nnet.engine.layer}), the last one dense.
 * Build one with {@link #builder(int)} or {@link #builder(Shape)}, then {@link #build(Precision, long)} a
 * {@link Network}.
 */
public final class NetworkSpec {
    private final Shape input;
    private final List<LayerDefinition> definitions;
    private final List<Shape> shapes;
    private final List<LayerSpec> denseLayers;

    private NetworkSpec(Shape input, List<LayerDefinition> definitions, List<Shape> shapes) {
        this.input = input;
        this.definitions = Collections.unmodifiableList(new ArrayList<>(definitions));
        this.shapes = Collections.unmodifiableList(new ArrayList<>(shapes));
        List<LayerSpec> dense = new ArrayList<>();
        for (LayerDefinition d : definitions) {
            if (d instanceof LayerSpec) {
                dense.add((LayerSpec) d);
            }
        }
        this.denseLayers = Collections.unmodifiableList(dense);
    }

    /**
     * @param inputs number of input features, positive
     * @return a builder
     */
    public static Builder builder(int inputs) {
        if (inputs <= 0) {
            throw new IllegalArgumentException("a network needs at least one input, got " + inputs);
        }
        return new Builder(Shape.vector(inputs));
    }

    /**
     * @param input the shape of one input sample (a vector or a C×H×W image)
     * @return a builder
     */
    public static Builder builder(Shape input) {
        return new Builder(input);
    }

    /** @return number of input features (values per sample) */
    public int inputs() {
        return input.size();
    }

    /** @return the shape of one input sample */
    public Shape inputShape() {
        return input;
    }

    /** @return every layer definition, input side first */
    public List<LayerDefinition> definitions() {
        return definitions;
    }

    /** @return the output shape of every layer, in the order of {@link #definitions()} */
    public List<Shape> shapes() {
        return shapes;
    }

    /**
     * @return the dense layers, input side first (all layers of a network without other layer types)
     * @deprecated networks may hold other layer types; use {@link #definitions()}
     */
    @Deprecated
    public List<LayerSpec> layers() {
        return denseLayers;
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
        return LossRules.wantsHeInit(activation.name()) ? Initializers.heUniform() : Initializers.xavierUniform();
    }

    /** Builder of {@link NetworkSpec}. */
    public static final class Builder {
        private final Shape input;
        private final List<LayerDefinition> layers = new ArrayList<>();

        private Builder(Shape input) {
            this.input = input;
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
            return add(layer);
        }

        /**
         * Adds an inverted dropout layer.
         *
         * @param name the layer name
         * @param p the probability of dropping a value, in [0, 1)
         * @return this builder
         */
        public Builder dropout(String name, double p) {
            return add(new dev.nnet.engine.layer.DropoutSpec(name, p));
        }

        /**
         * Adds a batch normalization layer with PyTorch's momentum (0.1) and eps (1e-5).
         *
         * @param name the layer name
         * @return this builder
         */
        public Builder batchNorm(String name) {
            return add(dev.nnet.engine.layer.BatchNormSpec.withDefaults(name));
        }

        /**
         * Adds a 2-D convolution with the default initializers of a dense layer with that activation (zero bias).
         *
         * @param name the layer name
         * @param filters output channels
         * @param kernel kernel size (square)
         * @param stride stride
         * @param padding the padding
         * @param activation the activation
         * @return this builder
         */
        public Builder conv2d(String name, int filters, int kernel, int stride, dev.nnet.engine.layer.Padding padding,
                Activation activation) {
            return add(new dev.nnet.engine.layer.Conv2dSpec(name, filters, kernel, stride, padding, activation,
                    defaultWeightInit(activation), Initializers.zeros()));
        }

        /**
         * Adds a 2-D convolution.
         *
         * @param spec the convolution
         * @return this builder
         */
        public Builder conv2d(dev.nnet.engine.layer.Conv2dSpec spec) {
            return add(spec);
        }

        /**
         * Adds max pooling.
         *
         * @param name the layer name
         * @param size the window size
         * @param stride the stride
         * @return this builder
         */
        public Builder maxPool(String name, int size, int stride) {
            return add(new dev.nnet.engine.layer.PoolSpec(name, dev.nnet.engine.layer.PoolSpec.Kind.MAX, size, stride));
        }

        /**
         * Adds average pooling.
         *
         * @param name the layer name
         * @param size the window size
         * @param stride the stride
         * @return this builder
         */
        public Builder avgPool(String name, int size, int stride) {
            return add(new dev.nnet.engine.layer.PoolSpec(name, dev.nnet.engine.layer.PoolSpec.Kind.AVG, size, stride));
        }

        /**
         * Adds a flatten layer (C×H×W image to a vector of C·H·W values).
         *
         * @param name the layer name
         * @return this builder
         */
        public Builder flatten(String name) {
            return add(new dev.nnet.engine.layer.FlattenSpec(name));
        }

        /**
         * Adds a layer of any type.
         *
         * @param layer the layer definition
         * @return this builder
         */
        public Builder add(LayerDefinition layer) {
            layers.add(java.util.Objects.requireNonNull(layer, "layer"));
            return this;
        }

        /**
         * @return the spec
         * @throws IllegalArgumentException if there are no layers, names repeat, a layer cannot take the shape it
         *         receives, the last layer is not dense or {@link SizeBudget} is exceeded
         */
        public NetworkSpec build() {
            if (layers.isEmpty()) {
                throw new IllegalArgumentException("a network needs at least one layer");
            }
            Set<String> names = new HashSet<>();
            List<Shape> shapes = new ArrayList<>();
            Shape shape = input;
            for (LayerDefinition l : layers) {
                if (!names.add(l.name())) {
                    throw new IllegalArgumentException("duplicate layer name '" + l.name() + "'");
                }
                shape = l.outputShape(shape);
                shapes.add(shape);
            }
            SizeBudget.check(input, layers);
            LayerDefinition last = layers.get(layers.size() - 1);
            if (!(last instanceof LayerSpec)) {
                throw new IllegalArgumentException("the output layer '" + last.name() + "' is a " + last.type()
                        + " layer; a network ends with a dense layer");
            }
            return new NetworkSpec(input, layers, shapes);
        }
    }
}

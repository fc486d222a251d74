package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.Precision;

/**
 * The immutable description of one layer in a {@code NetworkSpec}: its name, the shape rule, and how to create the
 * engine layer with freshly initialised parameters.
 */
public interface LayerDefinition {
    /** @return the layer name, unique within the network */
    String name();

    /** @return the layer type as written in model files */
    String type();

    /**
     * @param input the shape of one input sample
     * @return the shape of one output sample
     * @throws IllegalArgumentException naming the layer if it cannot take that input
     */
    Shape outputShape(Shape input);

    /**
     * @param input the shape of one input sample
     * @param precision the precision of parameters and computations
     * @param seed the network's seed
     * @param index the position of the layer in the network (0 = first), which selects its random streams
     * @return the layer
     */
    Layer create(Shape input, Precision precision, long seed, int index);
}

package dev.nnet.engine.layer;

import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.matrix.Precision;
import java.util.Objects;

/**
 * Definition of a {@link DropoutLayer}.
 *
 * @param name the layer name
 * @param p the probability of dropping a value, in [0, 1)
 */
public record DropoutSpec(String name, double p) implements LayerDefinition {
    /** Validates the probability. */
    public DropoutSpec {
        Objects.requireNonNull(name, "name");
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout layer '" + name + "': probability must be in [0, 1), got " + p);
        }
    }

    @Override
    public String type() {
        return DropoutLayer.TYPE;
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    /** The noise comes from random stream {@code 2·index} of the seed (the stream a dense layer there would use). */
    @Override
    public Layer create(Shape input, Precision precision, long seed, int index) {
        return new DropoutLayer(name, input, p, SeededRandom.forStream(seed, 2L * index).nextLong());
    }
}

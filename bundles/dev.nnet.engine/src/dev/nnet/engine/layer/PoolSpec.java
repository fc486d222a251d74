package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.Precision;
import java.util.Objects;

/**
 * Definition of a {@link PoolLayer}: max or average pooling over {@code size × size} windows moved by
 * {@code stride}, per channel, without padding.
 *
 * @param name the layer name
 * @param kind max or average
 * @param size the window size, positive
 * @param stride the stride, positive
 */
public record PoolSpec(String name, PoolSpec.Kind kind, int size, int stride) implements LayerDefinition {
    /** The pooling function. */
    public enum Kind {
        /** The largest value of the window (the gradient goes to its first maximum, row-major). */
        MAX,
        /** The mean of the window. */
        AVG;

        /** @return the layer type in model files and the language */
        public String type() {
            return this == MAX ? "max_pool" : "avg_pool";
        }
    }

    /** Validates the numbers. */
    public PoolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (size <= 0 || stride <= 0) {
            throw new IllegalArgumentException(kind.type() + " layer '" + name + "': size and stride must be positive, got "
                    + size + ", " + stride);
        }
    }

    @Override
    public String type() {
        return kind.type();
    }

    @Override
    public Shape outputShape(Shape input) {
        if (!input.image()) {
            throw new IllegalArgumentException(kind.type() + " layer '" + name + "' needs a C x H x W image, it receives"
                    + " a vector of " + input.size());
        }
        if (input.height() < size || input.width() < size) {
            throw new IllegalArgumentException("layer '" + name + "' receives " + input.height() + "x" + input.width()
                    + " but its window is " + size + "x" + size);
        }
        return Shape.image(input.channels(), Conv2dSpec.outputSize(input.height(), size, stride, 0),
                Conv2dSpec.outputSize(input.width(), size, stride, 0));
    }

    @Override
    public Layer create(Shape input, Precision precision, long seed, int index) {
        return new PoolLayer(name, input, outputShape(input), kind, size, stride);
    }
}

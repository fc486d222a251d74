package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.Precision;
import java.util.Objects;

/**
 * Definition of a {@link FlattenLayer}: a C×H×W image becomes a vector of C·H·W values in NCHW order (the values
 * are unchanged; a row of a batch already holds them in that order). On a vector it is the identity.
 *
 * @param name the layer name
 */
public record FlattenSpec(String name) implements LayerDefinition {
    /** Validates the name. */
    public FlattenSpec {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String type() {
        return FlattenLayer.TYPE;
    }

    @Override
    public Shape outputShape(Shape input) {
        return Shape.vector(input.size());
    }

    @Override
    public Layer create(Shape input, Precision precision, long seed, int index) {
        return new FlattenLayer(name, input);
    }
}

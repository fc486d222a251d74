package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.Precision;
import java.util.Objects;

/**
 * Definition of a {@link BatchNormLayer}: gamma starts at 1, beta at 0, running mean at 0 and running variance at 1
 * (as PyTorch).
 *
 * @param name the layer name
 * @param momentum weight of the batch in the running statistics, in (0, 1]
 * @param eps added to the variance, positive
 */
public record BatchNormSpec(String name, double momentum, double eps) implements LayerDefinition {
    /** PyTorch's default momentum. */
    public static final double DEFAULT_MOMENTUM = 0.1;
    /** PyTorch's default eps. */
    public static final double DEFAULT_EPS = 1e-5;

    /** Validates momentum and eps. */
    public BatchNormSpec {
        Objects.requireNonNull(name, "name");
        if (!(momentum > 0 && momentum <= 1)) {
            throw new IllegalArgumentException("batch_norm layer '" + name + "': momentum must be in (0, 1], got "
                    + momentum);
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("batch_norm layer '" + name + "': eps must be positive, got " + eps);
        }
    }

    /**
     * @param name the layer name
     * @return a definition with PyTorch's momentum and eps
     */
    public static BatchNormSpec withDefaults(String name) {
        return new BatchNormSpec(name, DEFAULT_MOMENTUM, DEFAULT_EPS);
    }

    @Override
    public String type() {
        return BatchNormLayer.TYPE;
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public Layer create(Shape input, Precision precision, long seed, int index) {
        return new BatchNormLayer(name, input, momentum, eps, precision);
    }
}

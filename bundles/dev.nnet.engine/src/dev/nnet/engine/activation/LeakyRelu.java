package dev.nnet.engine.activation;

import java.util.Map;

/** Leaky ReLU: {@code z > 0 ? z : alpha z}. */
final class LeakyRelu extends Activation {
    private final double alpha;

    LeakyRelu(double alpha) {
        super("leaky_relu");
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("leaky_relu alpha must be a finite number >= 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("alpha", alpha);
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : alpha * z;
    }

    @Override
    public double derivative(double z, double y) {
        return z > 0 ? 1 : alpha;
    }
}

package dev.nnet.engine.activation;

import java.util.Map;

/** ELU: {@code z > 0 ? z : alpha (e^z - 1)}. */
final class Elu extends Activation {
    private final double alpha;

    Elu(double alpha) {
        super("elu");
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("elu alpha must be a finite number >= 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("alpha", alpha);
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : alpha * Math.expm1(z);
    }

    @Override
    public double derivative(double z, double y) {
        return z > 0 ? 1 : alpha * Math.exp(z);
    }
}

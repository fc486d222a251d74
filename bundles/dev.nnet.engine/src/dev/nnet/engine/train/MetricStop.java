package dev.nnet.engine.train;

import java.util.Locale;
import java.util.Set;

/**
 * A stop rule on a metric measured after every epoch: {@code stop when validation mae <= 0.1}. The metric is one of
 * {@code loss}, {@code accuracy}, {@code mse}, {@code mae}, {@code rmse}, {@code r2}, measured on the training data or
 * on the held-out data (validation, or test without a validation split). Reaching it ends the training CONVERGED.
 *
 * @param metric the metric's name
 * @param heldOut true to measure on the held-out data, false on the training data
 * @param atMost true for {@code <=}, false for {@code >=}
 * @param value the threshold (accuracy as a fraction)
 */
public record MetricStop(String metric, boolean heldOut, boolean atMost, double value) {
    /** The metrics a stop rule can watch. */
    public static final Set<String> METRICS = Set.of("loss", "accuracy", "mse", "mae", "rmse", "r2");

    /** Checks the metric name and the threshold. */
    public MetricStop {
        if (!METRICS.contains(metric)) {
            throw new IllegalArgumentException("unknown stop metric '" + metric + "' (expected one of loss, accuracy, "
                    + "mse, mae, rmse, r2)");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("stop threshold must be finite, got " + value);
        }
    }

    /**
     * @param measured the metric's value this epoch
     * @return true when the rule is met (never for a non-finite value)
     */
    public boolean reached(double measured) {
        return Double.isFinite(measured) && (atMost ? measured <= value : measured >= value);
    }

    /**
     * @param heldOutName what the held-out data are called ("validation" or "test")
     * @return e.g. {@code validation mae <= 0.1}
     */
    public String describe(String heldOutName) {
        return (heldOut ? heldOutName + " " : "") + metric + (atMost ? " <= " : " >= ")
                + String.format(Locale.ROOT, "%s", value);
    }
}

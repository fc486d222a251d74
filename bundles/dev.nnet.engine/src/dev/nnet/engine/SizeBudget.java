package dev.nnet.engine;

import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.Shape;
import java.util.List;

/**
 * The engine's size limits, checked before anything is allocated: one layer's weight matrix is one flat Java
 * array (at most {@link #MAX_LAYER_WEIGHTS} numbers), and a network has at most {@link #MAX_PARAMETERS}
 * parameters (weights, gradients and optimizer state then stay within a few GiB). The validator checks the same
 * limits ({@code SizeBudgetValidator}), so {@code check} rejects what would fail here.
 */
public final class SizeBudget {
    /** Largest weight matrix of one layer (units × inputs), the longest Java array with some headroom. */
    public static final long MAX_LAYER_WEIGHTS = Integer.MAX_VALUE - 16L;
    /** Largest number of parameters of one network. */
    public static final long MAX_PARAMETERS = 100_000_000L;

    private SizeBudget() {
    }

    /**
     * @param input the network's input shape
     * @param layers its layers
     * @throws IllegalArgumentException naming the layer and the numbers when a limit is exceeded
     */
    public static void check(Shape input, List<? extends LayerDefinition> layers) {
        Shape in = input;
        long total = 0;
        for (LayerDefinition l : layers) {
            Shape out = l.outputShape(in);
            if (l instanceof LayerSpec dense) {
                long fanIn = in.size();
                long weights = fanIn * dense.units();
                if (weights > MAX_LAYER_WEIGHTS) {
                    throw new IllegalArgumentException("layer '" + l.name() + "' would have " + weights
                            + " weights (" + dense.units() + " units x " + fanIn + " inputs), more than the limit of "
                            + MAX_LAYER_WEIGHTS);
                }
                total += weights + dense.units();
            } else {
                total += 2L * out.size(); // at most a scale and a shift per feature (batch_norm)
            }
            if (total > MAX_PARAMETERS) {
                throw new IllegalArgumentException("the network would have more than " + MAX_PARAMETERS
                        + " parameters (the limit) by layer '" + l.name() + "'");
            }
            in = out;
        }
    }
}

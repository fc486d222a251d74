package dev.nnet.engine;

import dev.nnet.engine.layer.Conv2dSpec;
import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.PoolSpec;
import dev.nnet.engine.layer.Shape;
import java.util.List;

/**
 * The engine's size limits, checked before anything is allocated: one layer's weight matrix is one flat Java
 * array (at most {@link #MAX_LAYER_WEIGHTS} numbers), and a network has at most {@link #MAX_PARAMETERS}
 * parameters (weights, gradients and optimizer state then stay within a few GiB); the per-sample workspace of
 * convolution and pooling is bounded by {@link #MAX_WORKSPACE_PER_SAMPLE}. The validator checks the same
 * limits ({@code SizeBudgetValidator}), so {@code check} rejects what would fail here.
 */
public final class SizeBudget {
    /** Largest weight matrix of one layer (units × inputs), the longest Java array with some headroom. */
    public static final long MAX_LAYER_WEIGHTS = Integer.MAX_VALUE - 16L;
    /** Largest number of parameters of one network. */
    public static final long MAX_PARAMETERS = 100_000_000L;

    /**
     * Largest per-sample workspace of an image layer (numbers): the im2col matrix of a convolution (output
     * positions × C·k·k) or the window table of pooling (outputs × size²); a batch multiplies it.
     */
    public static final long MAX_WORKSPACE_PER_SAMPLE = 1L << 24;

    private SizeBudget() {
    }

    /**
     * @param layer a layer definition
     * @param input the shape it receives
     * @param output the shape it gives
     * @return the numbers of workspace one sample needs in it (im2col of a convolution, windows of pooling; 0 for
     *         other layers), to compare with {@link #MAX_WORKSPACE_PER_SAMPLE}
     */
    public static long workspacePerSample(LayerDefinition layer, Shape input, Shape output) {
        if (layer instanceof Conv2dSpec conv) {
            return (long) output.height() * output.width() * input.channels() * conv.kernel() * conv.kernel();
        }
        if (layer instanceof PoolSpec pool) {
            return (long) output.size() * pool.size() * pool.size();
        }
        return 0;
    }

    private static void checkWorkspace(LayerDefinition l, long values, String what) {
        if (values > MAX_WORKSPACE_PER_SAMPLE) {
            throw new IllegalArgumentException("layer '" + l.name() + "' would need " + values + " numbers of " + what
                    + " workspace per sample, more than the limit of " + MAX_WORKSPACE_PER_SAMPLE);
        }
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
            } else if (l instanceof Conv2dSpec conv) {
                long window = (long) in.channels() * conv.kernel() * conv.kernel();
                long weights = window * conv.filters();
                if (weights > MAX_LAYER_WEIGHTS) {
                    throw new IllegalArgumentException("layer '" + l.name() + "' would have " + weights
                            + " weights (" + conv.filters() + " filters x " + window + "), more than the limit of "
                            + MAX_LAYER_WEIGHTS);
                }
                checkWorkspace(l, workspacePerSample(l, in, out), "im2col");
                total += weights + conv.filters();
            } else if (l instanceof PoolSpec pool) {
                checkWorkspace(l, workspacePerSample(l, in, out), "window");
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

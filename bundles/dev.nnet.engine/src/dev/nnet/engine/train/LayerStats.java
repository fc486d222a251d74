package dev.nnet.engine.train;

/**
 * Per-layer health statistics of one epoch.
 *
 * @param layer the layer name
 * @param gradientNorm root mean square over the epoch's batches of the L2 norm of the layer's gradient
 *        (weights and bias)
 * @param weightNorm L2 norm of the weights at the end of the epoch
 * @param updateRatio {@code ||ΔW|| / ||W||} of the epoch's last optimizer step (NaN if the weights were zero)
 * @param deadFraction fraction of ReLU units whose output is 0 for every training sample (NaN if the layer is
 *        not ReLU)
 */
public record LayerStats(String layer, double gradientNorm, double weightNorm, double updateRatio, double deadFraction) {
}

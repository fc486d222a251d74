package dev.nnet.engine.train;

/**
 * Per-layer health statistics of one epoch, measured at its end (the figures the DL4J training UI shows).
 *
 * @param layer the layer name
 * @param gradientNorm root mean square over the epoch's batches of the L2 norm of the layer's gradient
 *        (weights and bias)
 * @param weightNorm L2 norm of the weights at the end of the epoch
 * @param updateRatio {@code ||ΔW|| / ||W||} of the epoch's last optimizer step (NaN if the weights were zero)
 * @param deadFraction fraction of ReLU units whose output is 0 for every training sample (NaN if the layer is
 *        not ReLU)
 * @param activationMean mean of the layer's outputs over the whole training data (NaN if not measured)
 * @param activationStd standard deviation of those outputs (NaN if not measured)
 * @param weights histogram of the weights at the end of the epoch
 * @param gradients histogram of the weight gradient of the epoch's last batch
 */
public record LayerStats(String layer, double gradientNorm, double weightNorm, double updateRatio, double deadFraction,
        double activationMean, double activationStd, Histogram weights, Histogram gradients) {

    /** Statistics without activation figures or histograms (runs recorded before they existed). */
    public LayerStats(String layer, double gradientNorm, double weightNorm, double updateRatio, double deadFraction) {
        this(layer, gradientNorm, weightNorm, updateRatio, deadFraction, Double.NaN, Double.NaN, Histogram.EMPTY,
                Histogram.EMPTY);
    }
}

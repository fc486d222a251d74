package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.Matrix;

/**
 * One named array of a layer, exposed as a flat view: optimizers, gradient checks, statistics and model IO
 * iterate these instead of knowing layer types. Trainable parameters have a gradient of the same shape; state
 * (running statistics of batch normalization) has none and is only saved and copied.
 *
 * @param layer the name of the layer it belongs to
 * @param name the name within the layer ({@code weights}, {@code bias}, {@code gamma}, {@code running_mean}, ...),
 *        also its field in the model file
 * @param value the values, live (writes change the layer)
 * @param gradient dL/dvalue of the last gradient computation, or null for state
 */
public record Parameter(String layer, String name, Matrix value, Matrix gradient) {
    /** @return true if an optimizer updates it */
    public boolean trainable() {
        return gradient != null;
    }
}

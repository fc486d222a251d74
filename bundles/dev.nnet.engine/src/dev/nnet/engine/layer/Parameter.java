package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.Matrix;

/**
 * One named array of a layer, exposed as a flat view: optimizers, gradient checks, statistics and model IO
 * iterate these instead of knowing layer types. Trainable parameters have a gradient of the same shape; state
 * (running statistics of batch normalization) has none and is only saved and copied.
 * <p>
 * The gradient is allocated on its first use ({@link #gradient()}, normally the first backward pass), zero-filled as
 * it was when layers allocated it up front: a network built only to predict holds its values and nothing of the
 * size of its gradients.
 */
public final class Parameter {
    private final String layer;
    private final String name;
    private final Matrix value;
    private final boolean trainable;
    private Matrix gradient;

    /**
     * @param layer the name of the layer it belongs to
     * @param name the name within the layer ({@code weights}, {@code bias}, {@code gamma}, {@code running_mean}, ...),
     *        also its field in the model file
     * @param value the values, live (writes change the layer)
     * @param trainable true if an optimizer updates it (it then has a gradient of the value's shape and precision)
     */
    public Parameter(String layer, String name, Matrix value, boolean trainable) {
        this.layer = layer;
        this.name = name;
        this.value = value;
        this.trainable = trainable;
    }

    /** @return the name of the layer it belongs to */
    public String layer() {
        return layer;
    }

    /** @return the name within the layer, also its field in the model file */
    public String name() {
        return name;
    }

    /** @return the values, live (writes change the layer) */
    public Matrix value() {
        return value;
    }

    /** @return true if an optimizer updates it (whether or not its gradient has been allocated yet) */
    public boolean trainable() {
        return trainable;
    }

    /**
     * @return dL/dvalue of the last gradient computation (zeros before the first), allocated on the first call; null
     *         for state
     */
    public Matrix gradient() {
        Matrix g = gradient;
        if (g == null && trainable) {
            g = Matrix.zeros(value.precision(), value.rows(), value.cols());
            gradient = g;
        }
        return g;
    }

    /** @return true once the gradient exists (a network that only predicts never allocates it) */
    public boolean hasGradient() {
        return gradient != null;
    }

    @Override
    public String toString() {
        return "Parameter[" + layer + "." + name + " " + value.rows() + "x" + value.cols()
                + (trainable ? "" : ", state") + "]";
    }
}

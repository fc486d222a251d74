package dev.nnet.engine.activation;

import dev.nnet.engine.matrix.Matrix;
import java.util.Collections;
import java.util.Map;

/**
 * An activation function {@code y = f(z)} applied to a whole batch (rows = samples).
 * Element-wise activations implement {@link #value(double)} and {@link #derivative(double, double)};
 * row-wise ones (softmax) override {@link #forward} and {@link #backward}.
 * Obtain the built-in ones from {@link Activations}; subclass to plug in a custom one.
 */
public abstract class Activation {
    private final String name;

    /**
     * @param name the name used in the DSL and model files (e.g. {@code relu})
     */
    protected Activation(String name) {
        this.name = name;
    }

    /** @return the name used in the DSL and model files */
    public final String name() {
        return name;
    }

    /** @return the parameters written to model files (e.g. {@code alpha}); empty by default */
    public Map<String, Double> parameters() {
        return Collections.emptyMap();
    }

    /** @return false if the function has no usable gradient (sign), so backprop refuses it */
    public boolean isDifferentiable() {
        return true;
    }

    /**
     * @param z the pre-activation
     * @return {@code f(z)}
     */
    public abstract double value(double z);

    /**
     * @param z the pre-activation
     * @param y {@code f(z)}, for functions whose derivative is cheaper from the output
     * @return {@code f'(z)}
     */
    public abstract double derivative(double z, double y);

    /**
     * Computes {@code y = f(z)} for a batch.
     *
     * @param z pre-activations (batch × units)
     * @param y outputs, same shape
     */
    public void forward(Matrix z, Matrix y) {
        int n = z.size();
        for (int i = 0; i < n; i++) {
            y.set(i, value(z.get(i)));
        }
    }

    /**
     * Back-propagates {@code dz = dL/dz} from {@code dy = dL/dy} (the vector-Jacobian product).
     *
     * @param z pre-activations of the forward pass
     * @param y outputs of the forward pass
     * @param dy gradient of the loss with respect to y
     * @param dz receives the gradient with respect to z (may not alias dy for row-wise activations)
     * @throws UnsupportedOperationException if the activation is not differentiable
     */
    public void backward(Matrix z, Matrix y, Matrix dy, Matrix dz) {
        requireDifferentiable();
        int n = z.size();
        for (int i = 0; i < n; i++) {
            dz.set(i, dy.get(i) * derivative(z.get(i), y.get(i)));
        }
    }

    /** @throws UnsupportedOperationException if {@link #isDifferentiable()} is false */
    protected final void requireDifferentiable() {
        if (!isDifferentiable()) {
            throw new UnsupportedOperationException("activation '" + name
                    + "' has no gradient and cannot be trained by backpropagation;"
                    + " use the perceptron model or a differentiable activation such as tanh");
        }
    }

    @Override
    public String toString() {
        Map<String, Double> p = parameters();
        return p.isEmpty() ? name : name + p;
    }
}

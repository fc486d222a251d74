package dev.nnet.engine.activation;

import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;

/**
 * An activation function and its derivative sampled over a range of pre-activations, computed by the activation's
 * own forward and backward passes (what the views plot; {@code sigmoid' <= 1/4} is the reason for vanishing
 * gradients). A row-wise activation (softmax) is sampled as one unit against a second one held at 0.
 *
 * @param z          the pre-activations, evenly spaced
 * @param value      {@code f(z)}
 * @param derivative {@code f'(z)} (for softmax {@code ∂y_0/∂z_0}); NaN for a function without gradient (sign)
 */
public record ActivationCurve(double[] z, double[] value, double[] derivative) {

    /**
     * @param activation the activation
     * @param from the first pre-activation
     * @param to the last pre-activation
     * @param points number of samples, at least 2
     * @return the curve
     */
    public static ActivationCurve sample(Activation activation, double from, double to, int points) {
        int n = Math.max(2, points);
        Matrix z = Matrix.zeros(Precision.FLOAT64, n, 2);
        Matrix y = Matrix.zeros(Precision.FLOAT64, n, 2);
        Matrix dy = Matrix.zeros(Precision.FLOAT64, n, 2);
        Matrix dz = Matrix.zeros(Precision.FLOAT64, n, 2);
        double[] zs = new double[n];
        for (int i = 0; i < n; i++) {
            zs[i] = from + (to - from) * i / (n - 1);
            z.set(i, 0, zs[i]);
            dy.set(i, 0, 1);
        }
        activation.forward(z, y);
        double[] values = new double[n];
        double[] derivatives = new double[n];
        boolean differentiable = activation.isDifferentiable();
        if (differentiable) {
            activation.backward(z, y, dy, dz);
        }
        for (int i = 0; i < n; i++) {
            values[i] = y.get(i, 0);
            derivatives[i] = differentiable ? dz.get(i, 0) : Double.NaN;
        }
        return new ActivationCurve(zs, values, derivatives);
    }

    /** @return the largest |f'(z)| sampled (NaN without gradient) */
    public double maxDerivative() {
        double max = Double.NaN;
        for (double d : derivative) {
            max = Double.isNaN(max) ? Math.abs(d) : Math.max(max, Math.abs(d));
        }
        return max;
    }
}

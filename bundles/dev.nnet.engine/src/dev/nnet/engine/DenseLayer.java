package dev.nnet.engine;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;

/**
 * A fully connected layer {@code Y = f(X Wᵀ + b)} on a batch X (rows = samples). {@code W} has {@code units}
 * rows of {@code inputs} numbers (as in {@code y = f(W x + b)}); {@code b} is one row of {@code units}.
 * Gradients of the last {@link Network#computeGradients} call are kept next to the parameters.
 */
public final class DenseLayer {
    private final String name;
    private final int inputs;
    private final int units;
    private final Activation activation;
    private final Matrix weights;
    private final Matrix bias;
    private final Matrix weightGradient;
    private final Matrix biasGradient;
    private final int activationCode;
    private final double[] biasSums;

    DenseLayer(String name, int inputs, int units, Activation activation, Precision precision) {
        this.name = name;
        this.inputs = inputs;
        this.units = units;
        this.activation = activation;
        this.weights = Matrix.zeros(precision, units, inputs);
        this.bias = Matrix.zeros(precision, 1, units);
        this.weightGradient = Matrix.zeros(precision, units, inputs);
        this.biasGradient = Matrix.zeros(precision, 1, units);
        this.activationCode = LayerKernels.code(activation);
        this.biasSums = new double[units];
    }

    /** @return the layer name */
    public String name() {
        return name;
    }

    /** @return number of inputs (columns of W) */
    public int inputs() {
        return inputs;
    }

    /** @return number of units (rows of W) */
    public int units() {
        return units;
    }

    /** @return the activation */
    public Activation activation() {
        return activation;
    }

    /** @return the weights, {@code units × inputs}, live (writes change the layer) */
    public Matrix weights() {
        return weights;
    }

    /** @return the bias, {@code 1 × units}, live */
    public Matrix bias() {
        return bias;
    }

    /** @return dL/dW of the last gradient computation */
    public Matrix weightGradient() {
        return weightGradient;
    }

    /** @return dL/db of the last gradient computation */
    public Matrix biasGradient() {
        return biasGradient;
    }

    /** Z = X Wᵀ + b, Y = f(Z). */
    void forward(Network.Kernels k, Matrix x, Matrix z, Matrix y) {
        k.matMul.multiplyABt(x, weights, z);
        if (LayerKernels.biasActivation(activationCode, z, bias, y)) {
            return;
        }
        int rows = z.rows();
        for (int r = 0; r < rows; r++) {
            int base = r * units;
            for (int u = 0; u < units; u++) {
                z.set(base + u, z.get(base + u) + bias.get(u));
            }
        }
        activation.forward(z, y);
    }

    /** dZ = dY · f'(Z) for this layer's activation (tight loops for the built-in ones). */
    void activationBackward(Matrix z, Matrix y, Matrix dy, Matrix dz) {
        if (!LayerKernels.activationBackward(activationCode, z, y, dy, dz)) {
            activation.backward(z, y, dy, dz);
        }
    }

    /**
     * Given dZ: dW = dZᵀ X, db = column sums of dZ, and (if dx is not null) dX = dZ W.
     */
    void backward(Network.Kernels k, Matrix x, Matrix dz, Matrix dx) {
        k.matMul.multiplyAtB(dz, x, weightGradient);
        LayerKernels.biasGradient(dz, biasGradient, biasSums);
        if (dx != null) {
            k.matMul.multiplyAB(dz, weights, dx);
        }
    }
}

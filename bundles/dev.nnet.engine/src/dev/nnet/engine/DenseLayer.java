package dev.nnet.engine;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.layer.Kernels;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.layer.LayerBuffers;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.List;

/**
 * A fully connected layer {@code Y = f(X Wᵀ + b)} on a batch X (rows = samples). {@code W} has {@code units}
 * rows of {@code inputs} numbers (as in {@code y = f(W x + b)}); {@code b} is one row of {@code units}.
 * Gradients of the last {@link Network#computeGradients} call are kept next to the parameters.
 */
public final class DenseLayer extends Layer {
    /** The type name in model files. */
    public static final String TYPE = "dense";

    private final int inputs;
    private final int units;
    private final Activation activation;
    private final Matrix weights;
    private final Matrix bias;
    private final int activationCode;
    private final double[] biasSums;
    private final List<Parameter> parameters;
    /** The float32 product for few units on the Vector API, null when not used. */
    private final LayerKernels.FloatNarrow narrow;
    /** The float32 forward for short inputs on the Vector API (W kept packed), null when not used. */
    private final LayerKernels.FloatDense dense;

    DenseLayer(String name, int inputs, int units, Activation activation, Precision precision) {
        super(name, Shape.vector(inputs), Shape.vector(units));
        this.inputs = inputs;
        this.units = units;
        this.activation = activation;
        this.weights = Matrix.zeros(precision, units, inputs);
        this.bias = Matrix.zeros(precision, 1, units);
        this.activationCode = LayerKernels.code(activation);
        this.biasSums = new double[units];
        this.narrow = precision == Precision.FLOAT32 ? LayerKernels.newFloatNarrow(units) : null;
        this.dense = precision == Precision.FLOAT32 ? LayerKernels.newFloatDense(units, narrow) : null;
        this.parameters = List.of(new Parameter(name, "weights", weights, true),
                new Parameter(name, "bias", bias, true));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public LayerBuffers buffers(Precision precision, int rows) {
        return new LayerBuffers(precision, rows, units, true);
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
    @Override
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

    /** @return dL/dW of the last gradient computation (allocated on first use) */
    public Matrix weightGradient() {
        return parameters.get(0).gradient();
    }

    /** @return dL/db of the last gradient computation (allocated on first use) */
    public Matrix biasGradient() {
        return parameters.get(1).gradient();
    }

    /** Z = X Wᵀ + b, Y = f(Z) (dense layers behave the same in training and evaluation). */
    @Override
    public void forward(Kernels k, Matrix x, LayerBuffers buffers, boolean training) {
        final Matrix z = buffers.z;
        final Matrix y = buffers.y;
        final int fused = LayerKernels.denseForward(dense, activationCode, k.parallel, training, x, weights, bias, z, y);
        if (fused != 0) {
            if (fused == 2) {
                activation.forward(z, y);
            }
            return;
        }
        if (!LayerKernels.narrowProduct(narrow, k.parallel.threads(), x, weights, z)) {
            k.matMul.multiplyABt(x, weights, z);
        }
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
    @Override
    public void activationBackward(LayerBuffers b) {
        if (!LayerKernels.activationBackward(activationCode, b.z, b.y, b.dy(), b.dz())) {
            activation.backward(b.z, b.y, b.dy(), b.dz());
        }
    }

    /**
     * Given dZ: dW = dZᵀ X, db = column sums of dZ, and (if dx is not null) dX = dZ W.
     */
    @Override
    public void backward(Kernels k, Matrix x, LayerBuffers b, Matrix dx) {
        final Matrix dz = b.dz();
        k.matMul.multiplyAtB(dz, x, weightGradient());
        LayerKernels.biasGradient(dz, biasGradient(), biasSums);
        if (dx != null) {
            k.matMul.multiplyAB(dz, weights, dx);
        }
    }
}

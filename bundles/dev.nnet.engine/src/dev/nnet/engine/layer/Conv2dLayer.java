package dev.nnet.engine.layer;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.List;

/**
 * A 2-D convolution {@code y = f(W * x + b)} on a batch of C×H×W images (NCHW rows), as im2col plus one matrix
 * product per batch: the windows of every sample become the columns of {@code col} ({@code C·k·k × batch·P}, P
 * output positions), {@code out = W · col} ({@code filters × batch·P}) is copied back per sample and filter into
 * NCHW order with the bias added. Backward: {@code dW = dOut · colᵀ}, {@code dCol = Wᵀ · dOut}, and col2im adds
 * the windows back into dL/dx. Weight {@code filters × (C·k·k)} in PyTorch order [f][c][kh][kw]. (Measured on the
 * Digits CNN: this layout keeps the products wide, batch·P columns, and the copies contiguous; the
 * position-major one, {@code col · Wᵀ}, spent more time in strided transposes and narrow edge tiles.)
 */
public final class Conv2dLayer extends Layer {
    /** The type name in model files and the language. */
    public static final String TYPE = "conv2d";

    private final int filters;
    private final int kernel;
    private final int stride;
    private final Padding padding;
    private final Activation activation;
    private final boolean relu;
    private final int positions;
    private final int window;
    private final int[] patches;
    private final Matrix weight;
    private final Matrix bias;
    private final double[] biasSums;
    private final List<Parameter> parameters;

    /**
     * Buffers of one batch size: the im2col matrix (reused for dCol), the filter-major product (and dOut), and for
     * float32 the copies between them on the worker threads.
     */
    private static final class Buffers extends LayerBuffers {
        final Matrix col;
        final Matrix out;
        final SamplePasses passes;

        Buffers(Precision precision, int rows, int outputs, int[] patches, int positions, int window, int filters) {
            super(precision, rows, outputs, true);
            col = Matrix.zeros(precision, window, rows * positions);
            out = Matrix.zeros(precision, filters, rows * positions);
            passes = col instanceof FloatMatrix ? new SamplePasses(patches, positions, filters, this, col, out) : null;
        }
    }

    Conv2dLayer(String name, Shape input, Shape output, int kernel, int stride, Padding padding, Activation activation,
            Precision precision) {
        super(name, input, output);
        this.filters = output.channels();
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.activation = activation;
        this.relu = activation == Activations.relu();
        this.positions = output.height() * output.width();
        this.window = input.channels() * kernel * kernel;
        this.patches = Patches.convolution(input, kernel, stride, padding.pad(kernel), output.height(), output.width());
        weight = Matrix.zeros(precision, filters, window);
        bias = Matrix.zeros(precision, 1, filters);
        biasSums = new double[filters];
        parameters = List.of(new Parameter(name, "weight", weight, true),
                new Parameter(name, "bias", bias, true));
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** @return output channels */
    public int filters() {
        return filters;
    }

    /** @return kernel size */
    public int kernel() {
        return kernel;
    }

    /** @return stride */
    public int stride() {
        return stride;
    }

    /** @return the padding */
    public Padding padding() {
        return padding;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    /** @return the weight, {@code filters × (C·k·k)}, live */
    public Matrix weight() {
        return weight;
    }

    /** @return the bias, {@code 1 × filters}, live */
    public Matrix bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public LayerBuffers buffers(Precision precision, int rows) {
        if ((long) rows * positions * window > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("conv2d layer '" + name() + "': a batch of " + rows + " needs an im2col"
                    + " matrix of " + (long) rows * positions * window + " numbers, more than one array holds;"
                    + " use smaller batches");
        }
        return new Buffers(precision, rows, outputShape().size(), patches, positions, window, filters);
    }

    /** z, y, and per sample {@code positions} columns of the im2col matrix and of the filter-major product. */
    @Override
    public long forwardValuesPerRow() {
        return 2L * outputShape().size() + (long) positions * (window + filters);
    }

    /**
     * False: the product {@code W · col} spans the whole batch in its columns, and its result for a column can
     * change in the last bits with the batch size (seen with 4 filters).
     */
    @Override
    public boolean rowIndependent() {
        return false;
    }

    @Override
    public void forward(Kernels k, Matrix x, LayerBuffers b, boolean training) {
        final Buffers buf = (Buffers) b;
        if (buf.passes != null) {
            buf.passes.gather(k.parallel, x);
            k.matMul.multiplyAB(weight, buf.col, buf.out);
            buf.passes.toSamples(k.parallel, bias, relu);
            if (!relu) {
                activation.forward(b.z, b.y);
            }
            return;
        }
        Patches.gather(x, patches, positions, buf.col);
        k.matMul.multiplyAB(weight, buf.col, buf.out);
        ConvLayout.toSamples(buf.out, bias, b.z, filters, positions);
        activation.forward(b.z, b.y);
    }

    /** Float32 ReLU is fused into {@link #backward}; everything else runs here. */
    @Override
    public void activationBackward(LayerBuffers b) {
        if (!fusedRelu(b)) {
            activation.backward(b.z, b.y, b.dy(), b.dz());
        }
    }

    private boolean fusedRelu(LayerBuffers b) {
        return relu && b.z instanceof FloatMatrix;
    }

    /**
     * dz (with the fused ReLU) to the filter-major {@code dOut}, then {@code dW = dOut · colᵀ},
     * {@code db} = its row sums, {@code dCol = Wᵀ · dOut} (into the col buffer) and col2im into dL/dx.
     */
    @Override
    public void backward(Kernels k, Matrix x, LayerBuffers b, Matrix dx) {
        final Buffers buf = (Buffers) b;
        if (fusedRelu(b)) {
            buf.passes.toFilters(k.parallel, biasSums);
        } else {
            ConvLayout.toFilters(b, buf.out, biasSums, filters, positions);
        }
        final Matrix biasGradient = parameters.get(1).gradient();
        for (int f = 0; f < filters; f++) {
            biasGradient.set(f, biasSums[f]);
        }
        k.matMul.multiplyABt(buf.out, buf.col, parameters.get(0).gradient());
        if (dx != null) {
            k.matMul.multiplyAtB(weight, buf.out, buf.col);
            if (buf.passes != null) {
                buf.passes.scatterAdd(k.parallel, dx);
            } else {
                Patches.scatterAdd(buf.col, patches, positions, dx);
            }
        }
    }
}

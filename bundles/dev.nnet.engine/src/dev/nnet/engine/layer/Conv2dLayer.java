package dev.nnet.engine.layer;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.List;

/**
 * A 2-D convolution {@code y = f(W * x + b)} on a batch of C×H×W images (NCHW rows), as im2col plus one matrix
 * product per batch: the windows of every sample become the rows of {@code col} ({@code batch·P × C·k·k}, P output
 * positions), {@code out = col · Wᵀ} ({@code batch·P × filters}) is transposed per sample into NCHW order with the
 * bias added. Backward: {@code dW = dOutᵀ · col}, {@code dCol = dOut · W}, and col2im adds the windows back into
 * dL/dx. Weight {@code filters × (C·k·k)} in PyTorch order [f][c][kh][kw].
 */
public final class Conv2dLayer extends Layer {
    /** The type name in model files and the language. */
    public static final String TYPE = "conv2d";

    private final int filters;
    private final int kernel;
    private final int stride;
    private final Padding padding;
    private final Activation activation;
    private final int positions;
    private final int window;
    private final int[] patches;
    private final Matrix weight;
    private final Matrix bias;
    private final Matrix weightGradient;
    private final Matrix biasGradient;
    private final double[] biasSums;
    private final List<Parameter> parameters;

    /** Buffers of one batch size: the im2col matrix (reused for dCol) and the position-major product. */
    private static final class Buffers extends LayerBuffers {
        final Matrix col;
        final Matrix out;

        Buffers(Precision precision, int rows, int outputs, int positions, int window, int filters) {
            super(precision, rows, outputs, true);
            col = Matrix.zeros(precision, rows * positions, window);
            out = Matrix.zeros(precision, rows * positions, filters);
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
        this.positions = output.height() * output.width();
        this.window = input.channels() * kernel * kernel;
        this.patches = Patches.convolution(input, kernel, stride, padding.pad(kernel), output.height(), output.width());
        weight = Matrix.zeros(precision, filters, window);
        bias = Matrix.zeros(precision, 1, filters);
        weightGradient = Matrix.zeros(precision, filters, window);
        biasGradient = Matrix.zeros(precision, 1, filters);
        biasSums = new double[filters];
        parameters = List.of(new Parameter(name, "weight", weight, weightGradient),
                new Parameter(name, "bias", bias, biasGradient));
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
        return new Buffers(precision, rows, outputShape().size(), positions, window, filters);
    }

    @Override
    public void forward(Kernels k, Matrix x, LayerBuffers b, boolean training) {
        final Buffers buf = (Buffers) b;
        final int rows = x.rows();
        Patches.gather(x, patches, buf.col, 0, rows);
        k.matMul.multiplyABt(buf.col, weight, buf.out);
        final Matrix out = buf.out;
        final Matrix z = b.z;
        for (int n = 0; n < rows; n++) {
            for (int f = 0; f < filters; f++) {
                final double be = bias.get(f);
                final int dst = (n * filters + f) * positions;
                for (int p = 0; p < positions; p++) {
                    z.set(dst + p, out.get((n * positions + p) * filters + f) + be);
                }
            }
        }
        activation.forward(z, b.y);
    }

    @Override
    public void backward(Kernels k, Matrix x, LayerBuffers b, Matrix dx) {
        final Buffers buf = (Buffers) b;
        final int rows = x.rows();
        final Matrix dOut = buf.out;
        final Matrix dz = b.dz;
        java.util.Arrays.fill(biasSums, 0);
        for (int n = 0; n < rows; n++) {
            for (int f = 0; f < filters; f++) {
                final int src = (n * filters + f) * positions;
                double sum = 0;
                for (int p = 0; p < positions; p++) {
                    final double g = dz.get(src + p);
                    dOut.set((n * positions + p) * filters + f, g);
                    sum += g;
                }
                biasSums[f] += sum;
            }
        }
        for (int f = 0; f < filters; f++) {
            biasGradient.set(f, biasSums[f]);
        }
        k.matMul.multiplyAtB(dOut, buf.col, weightGradient);
        if (dx != null) {
            k.matMul.multiplyAB(dOut, weight, buf.col);
            Patches.scatterAdd(buf.col, patches, dx, 0, rows);
        }
    }
}

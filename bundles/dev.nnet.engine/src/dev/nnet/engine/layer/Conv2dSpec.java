package dev.nnet.engine.layer;

import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.init.Initializer;
import dev.nnet.engine.matrix.Precision;
import java.util.Objects;

/**
 * Definition of a {@link Conv2dLayer}: a 2-D convolution with {@code filters} square {@code kernel × kernel}
 * filters, a stride, zero padding and an activation, on a C×H×W image. Its weight is a {@code filters × (C·k·k)}
 * matrix in PyTorch/ONNX order [f][c][kh][kw], its bias one number per filter.
 */
public final class Conv2dSpec implements LayerDefinition {
    private final String name;
    private final int filters;
    private final int kernel;
    private final int stride;
    private final Padding padding;
    private final Activation activation;
    private final Initializer weightInit;
    private final Initializer biasInit;

    /**
     * @param name the layer name
     * @param filters output channels, positive
     * @param kernel kernel size (square), positive; odd for {@link Padding#SAME}
     * @param stride stride, positive
     * @param padding the padding
     * @param activation the activation
     * @param weightInit the weight initializer (fanIn = C·k·k, fanOut = filters·k·k)
     * @param biasInit the bias initializer
     * @throws IllegalArgumentException naming the layer if a number is out of range
     */
    public Conv2dSpec(String name, int filters, int kernel, int stride, Padding padding, Activation activation,
            Initializer weightInit, Initializer biasInit) {
        this.name = Objects.requireNonNull(name, "name");
        this.padding = Objects.requireNonNull(padding, "padding");
        this.activation = Objects.requireNonNull(activation, "activation");
        this.weightInit = Objects.requireNonNull(weightInit, "weightInit");
        this.biasInit = Objects.requireNonNull(biasInit, "biasInit");
        if (filters <= 0 || kernel <= 0 || stride <= 0) {
            throw new IllegalArgumentException("conv2d layer '" + name + "': filters, kernel and stride must be positive,"
                    + " got " + filters + ", " + kernel + ", " + stride);
        }
        if (padding == Padding.SAME && kernel % 2 == 0) {
            throw new IllegalArgumentException("conv2d layer '" + name + "': padding same needs an odd kernel, got "
                    + kernel);
        }
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
    }

    /**
     * @param in input size of one spatial dimension
     * @param k kernel size
     * @param s stride
     * @param p padding on each side
     * @return {@code floor((in + 2p - k) / s) + 1} (zero or negative when the window does not fit)
     */
    public static int outputSize(int in, int k, int s, int p) {
        long span = (long) in + 2L * p - k;
        return span < 0 ? 0 : (int) (span / s + 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return Conv2dLayer.TYPE;
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

    /** @return the activation */
    public Activation activation() {
        return activation;
    }

    /** @return the weight initializer */
    public Initializer weightInit() {
        return weightInit;
    }

    /** @return the bias initializer */
    public Initializer biasInit() {
        return biasInit;
    }

    @Override
    public Shape outputShape(Shape input) {
        if (!input.image()) {
            throw new IllegalArgumentException("conv2d layer '" + name + "' needs a C x H x W image, it receives a vector"
                    + " of " + input.size());
        }
        int p = padding.pad(kernel);
        int oh = outputSize(input.height(), kernel, stride, p);
        int ow = outputSize(input.width(), kernel, stride, p);
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException("conv2d layer '" + name + "' receives " + input.height() + "x"
                    + input.width() + " but its kernel is " + kernel + "x" + kernel
                    + (p > 0 ? " (padding " + p + ")" : ""));
        }
        return Shape.image(filters, oh, ow);
    }

    /** Weights from random stream {@code 2·index}, bias from {@code 2·index + 1} of the seed (as dense). */
    @Override
    public Layer create(Shape input, Precision precision, long seed, int index) {
        Shape out = outputShape(input);
        Conv2dLayer layer = new Conv2dLayer(name, input, out, kernel, stride, padding, activation, precision);
        int fanIn = input.channels() * kernel * kernel;
        int fanOut = filters * kernel * kernel;
        weightInit.initialize(layer.weight(), fanIn, fanOut, SeededRandom.forStream(seed, 2L * index));
        biasInit.initialize(layer.bias(), fanIn, fanOut, SeededRandom.forStream(seed, 2L * index + 1));
        return layer;
    }

    @Override
    public String toString() {
        return "conv2d " + name + " " + filters + " " + kernel + "x" + kernel + " stride " + stride + " "
                + padding.fileName() + " " + activation.name();
    }
}

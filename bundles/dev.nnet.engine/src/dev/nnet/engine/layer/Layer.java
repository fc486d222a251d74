package dev.nnet.engine.layer;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.List;

/**
 * One layer of a {@code Network}: forward and backward on whole batches (rows = samples, columns = the values of
 * a {@link Shape}) into buffers allocated once per batch size, parameters as flat {@link Parameter} views, an input
 * and an output shape, and a training/evaluation mode passed to {@link #forward}. A layer type is one subclass plus
 * one {@link LayerDefinition}; the network, optimizers, gradient checks, statistics and model IO need nothing else.
 */
public abstract class Layer {
    private final String name;
    private final Shape input;
    private final Shape output;

    /**
     * @param name the layer name
     * @param input the shape of one input sample
     * @param output the shape of one output sample
     */
    protected Layer(String name, Shape input, Shape output) {
        this.name = name;
        this.input = input;
        this.output = output;
    }

    /** @return the layer name */
    public final String name() {
        return name;
    }

    /** @return the layer type as written in model files ({@code dense}, {@code dropout}, ...) */
    public abstract String type();

    /** @return the shape of one input sample */
    public final Shape inputShape() {
        return input;
    }

    /** @return the shape of one output sample */
    public final Shape outputShape() {
        return output;
    }

    /** @return the activation applied to the pre-activations (identity for layers without one) */
    public Activation activation() {
        return Activations.identity();
    }

    /** @return the trainable parameters, in optimizer order (empty for layers without any) */
    public List<Parameter> parameters() {
        return List.of();
    }

    /**
     * @return the numeric settings written to the model file next to the name and type ({@code p} of dropout,
     *         {@code momentum} and {@code eps} of batch norm), in file order; dense writes its own fields
     */
    public java.util.Map<String, Double> settings() {
        return java.util.Map.of();
    }

    /** @return the non-trainable state saved with the model (running statistics), empty by default */
    public List<Parameter> state() {
        return List.of();
    }

    /** @return the number of trainable numbers */
    public final int parameterCount() {
        int n = 0;
        for (Parameter p : parameters()) {
            n += p.value().size();
        }
        return n;
    }

    /**
     * @param precision the network's precision
     * @param rows rows of the batch
     * @return fresh buffers for batches of that size
     */
    public LayerBuffers buffers(Precision precision, int rows) {
        return new LayerBuffers(precision, rows, output.size(), false);
    }

    /**
     * @return an upper bound of the numbers the forward buffers of {@link #buffers} hold per row of the batch
     *         ({@code z} and {@code y}; more for layers with working matrices); used to size the passes of a
     *         prediction over many rows
     */
    public long forwardValuesPerRow() {
        return 2L * output.size();
    }

    /**
     * @return true if, in evaluation mode, each row's outputs are bit for bit the same whatever the other rows and
     *         the size of the batch (then a prediction may split many rows into passes); true by default
     */
    public boolean rowIndependent() {
        return true;
    }

    /**
     * Computes {@code b.z} and {@code b.y} from the batch {@code x}.
     *
     * @param k the kernels
     * @param x inputs, {@code rows × inputShape().size()}
     * @param b this layer's buffers for that batch size
     * @param training true while training (dropout drops, batch norm uses batch statistics)
     */
    public abstract void forward(Kernels k, Matrix x, LayerBuffers b, boolean training);

    /**
     * Given {@code b.dz()}, fills the gradients of the parameters and, if {@code dx} is not null, dL/dx.
     *
     * @param k the kernels
     * @param x the inputs of the last forward pass
     * @param b this layer's buffers
     * @param dx where dL/dx goes, or null for the first layer
     */
    public abstract void backward(Kernels k, Matrix x, LayerBuffers b, Matrix dx);

    /**
     * {@code b.dz() = b.dy() · f'(b.z)}; nothing for layers without an activation (the buffers are shared).
     *
     * @param b this layer's buffers
     */
    public void activationBackward(LayerBuffers b) {
        if (b.dz() != b.dy()) {
            activation().backward(b.z, b.y, b.dy(), b.dz());
        }
    }

    /**
     * Restarts the layer's random stream (dropout) so that the next forward passes draw the same noise; used by
     * gradient checks. Nothing for deterministic layers.
     *
     * @param seed the seed
     */
    public void reseed(long seed) {
    }
}

package dev.nnet.engine;

import dev.nnet.engine.layer.Kernels;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.layer.LayerBuffers;
import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.ParallelFor;
import dev.nnet.engine.matrix.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A feed-forward network: a sequence of {@link Layer}s (dense and the types of {@code dev.nnet.engine.layer}) working
 * on whole batches (rows = samples), the last one dense. Created by {@link NetworkSpec#build(Precision, long)} or
 * loaded by {@code ModelIO}. Per-batch buffers are allocated once per batch size and reused. {@link #forward(Matrix)}
 * evaluates (dropout off, batch norm on its running statistics); {@link #computeGradients} trains.
 * Not thread-safe; {@link #setThreads(int)} parallelises the matrix products deterministically.
 */
public final class Network {
    private static final int MAX_WORKSPACES = 8;

    private final NetworkSpec spec;
    private final Precision precision;
    private final long seed;
    private final Layer[] layerArray;
    private final List<Layer> layers;
    private final List<DenseLayer> denseLayers;
    private final List<Parameter> parameters;
    private final List<Parameter> state;
    private final DenseLayer output;
    private final List<Workspace> workspaces = new ArrayList<>();
    private Workspace last;
    private Kernels kernels;
    private Loss checkedLoss;

    Network(NetworkSpec spec, Precision precision, long seed) {
        this.spec = spec;
        this.precision = precision;
        this.seed = seed;
        List<LayerDefinition> defs = spec.definitions();
        layerArray = new Layer[defs.size()];
        List<DenseLayer> dense = new ArrayList<>();
        List<Parameter> params = new ArrayList<>();
        List<Parameter> states = new ArrayList<>();
        Shape shape = spec.inputShape();
        for (int i = 0; i < layerArray.length; i++) {
            Layer layer = defs.get(i).create(shape, precision, seed, i);
            layerArray[i] = layer;
            if (layer instanceof DenseLayer) {
                dense.add((DenseLayer) layer);
            }
            params.addAll(layer.parameters());
            states.addAll(layer.state());
            shape = layer.outputShape();
        }
        this.layers = List.of(layerArray);
        this.denseLayers = Collections.unmodifiableList(dense);
        this.parameters = Collections.unmodifiableList(params);
        this.state = Collections.unmodifiableList(states);
        this.output = (DenseLayer) layerArray[layerArray.length - 1];
        this.kernels = new Kernels(precision, ParallelFor.SEQUENTIAL);
    }

    /** Per-batch-size buffers of every layer. */
    private static final class Workspace {
        final int rows;
        final LayerBuffers[] b;

        Workspace(int rows, Layer[] layers, Precision precision) {
            this.rows = rows;
            b = new LayerBuffers[layers.length];
            for (int i = 0; i < layers.length; i++) {
                b[i] = layers[i].buffers(precision, rows);
            }
        }
    }

    /** @return the spec this network was built from */
    public NetworkSpec spec() {
        return spec;
    }

    /** @return the precision of parameters and computations */
    public Precision precision() {
        return precision;
    }

    /** @return number of inputs (values per sample) */
    public int inputs() {
        return spec.inputs();
    }

    /** @return the shape of one input sample */
    public Shape inputShape() {
        return spec.inputShape();
    }

    /** @return number of outputs (units of the last layer) */
    public int outputs() {
        return output.units();
    }

    /** @return every layer, input side first; indexes of {@link #lastActivations(int)} refer to this list */
    public List<Layer> allLayers() {
        return layers;
    }

    /**
     * @return the dense layers, input side first (all layers of a network without other layer types)
     * @deprecated networks may hold other layer types; use {@link #allLayers()} and {@link #parameters()}
     */
    @Deprecated
    public List<DenseLayer> layers() {
        return denseLayers;
    }

    /** @return the output (last, dense) layer */
    public DenseLayer outputLayer() {
        return output;
    }

    /** @return every trainable parameter in optimizer order (layer 1 weights, layer 1 bias, layer 2 ...) */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** @return the non-trainable state of every layer (batch-norm running statistics) */
    public List<Parameter> state() {
        return state;
    }

    /** @return total number of trainable numbers */
    public int parameterCount() {
        int n = 0;
        for (Parameter p : parameters) {
            n += p.value().size();
        }
        return n;
    }

    /**
     * Sets the number of threads used by the matrix products. Results are bit-identical for every thread count.
     *
     * @param threads at least 1
     */
    public void setThreads(int threads) {
        if (threads == kernels.parallel.threads()) {
            return;
        }
        ParallelFor old = kernels.parallel;
        kernels = new Kernels(precision, threads == 1 ? ParallelFor.SEQUENTIAL : new ParallelFor(threads));
        if (old != ParallelFor.SEQUENTIAL) {
            old.close();
        }
    }

    /** @return the number of threads used by the matrix products */
    public int threads() {
        return kernels.parallel.threads();
    }

    private Workspace workspace(int rows) {
        if (last != null && last.rows == rows) {
            return last;
        }
        for (Workspace w : workspaces) {
            if (w.rows == rows) {
                last = w;
                return w;
            }
        }
        if (workspaces.size() == MAX_WORKSPACES) {
            workspaces.remove(0);
        }
        last = new Workspace(rows, layerArray, precision);
        workspaces.add(last);
        return last;
    }

    /**
     * Runs a batch forward in evaluation mode (dropout is the identity, batch norm uses its running statistics).
     *
     * @param x inputs, {@code batch × inputs}, in this network's precision
     * @return the outputs, {@code batch × outputs}; a buffer owned by the network, valid until the next call
     */
    public Matrix forward(Matrix x) {
        return forward(x, false);
    }

    /**
     * Runs a batch forward.
     *
     * @param x inputs, {@code batch × inputs}, in this network's precision
     * @param training true for training mode (dropout drops, batch norm uses and updates batch statistics)
     * @return the outputs, {@code batch × outputs}; a buffer owned by the network, valid until the next call
     */
    public Matrix forward(Matrix x, boolean training) {
        if (x.cols() != inputs()) {
            throw new IllegalArgumentException("network expects " + inputs() + " inputs, batch has " + x.cols());
        }
        if (x.precision() != precision) {
            throw new IllegalArgumentException("batch is " + x.precision().fileName() + ", network is " + precision.fileName());
        }
        Workspace w = workspace(x.rows());
        Matrix input = x;
        Kernels k = kernels;
        for (int i = 0; i < layerArray.length; i++) {
            layerArray[i].forward(k, input, w.b[i], training);
            input = w.b[i].y;
        }
        return input;
    }

    /**
     * @param layer layer index in {@link #allLayers()}
     * @return the activations of that layer in the last forward pass (buffer owned by the network)
     */
    public Matrix lastActivations(int layer) {
        return last.b[layer].y;
    }

    /**
     * @param layer layer index in {@link #allLayers()}
     * @return the pre-activations of that layer in the last forward pass (buffer owned by the network)
     */
    public Matrix lastPreActivations(int layer) {
        return last.b[layer].z;
    }

    /**
     * Mean loss of a batch in evaluation mode, without computing gradients.
     *
     * @param x inputs
     * @param targets targets, {@code batch × outputs}
     * @param loss the loss
     * @return the mean loss
     */
    public double loss(Matrix x, Matrix targets, Loss loss) {
        return loss(x, targets, loss, false);
    }

    /**
     * Mean loss of a batch without computing gradients.
     *
     * @param x inputs
     * @param targets targets, {@code batch × outputs}
     * @param loss the loss
     * @param training the mode of the forward pass
     * @return the mean loss
     */
    public double loss(Matrix x, Matrix targets, Loss loss, boolean training) {
        forward(x, training);
        LayerBuffers o = last.b[layerArray.length - 1];
        return loss.value(o.z, o.y, targets);
    }

    /**
     * Checks that backprop can train this network with this loss.
     *
     * @param loss the loss
     * @throws IllegalArgumentException naming the layer and the problem
     */
    public void checkTrainable(Loss loss) {
        for (Layer l : layerArray) {
            if (!l.activation().isDifferentiable()) {
                throw new IllegalArgumentException("layer '" + l.name() + "': activation '" + l.activation().name()
                        + "' has no gradient, backpropagation cannot train it (use the perceptron model or a"
                        + " differentiable activation)");
            }
        }
        loss.checkCompatible(output.activation(), output.units());
    }

    /**
     * Forward pass in training mode and backward pass: fills the gradient of every {@link #parameters()} entry
     * with the gradient of the mean batch loss.
     *
     * @param x inputs, {@code batch × inputs}
     * @param targets targets, {@code batch × outputs}
     * @param loss the loss
     * @return the mean loss of the batch
     */
    public double computeGradients(Matrix x, Matrix targets, Loss loss) {
        return computeGradients(x, targets, loss, true);
    }

    /**
     * Forward and backward pass in either mode: in evaluation mode dropout is the identity and batch norm a fixed
     * affine map from its running statistics (the gradients of the network as it predicts).
     *
     * @param x inputs, {@code batch × inputs}
     * @param targets targets, {@code batch × outputs}
     * @param loss the loss
     * @param training the mode
     * @return the mean loss of the batch
     */
    public double computeGradients(Matrix x, Matrix targets, Loss loss, boolean training) {
        forward(x, training);
        LayerBuffers[] b = last.b;
        Kernels k = kernels;
        int o = layerArray.length - 1;
        if (loss != checkedLoss) {
            loss.checkCompatible(output.activation(), output.units());
            checkedLoss = loss;
        }
        double value = loss.valueAndGradient(b[o].z, b[o].y, targets, output.activation(), b[o].dy(), b[o].dz());
        for (int i = o; i >= 0; i--) {
            Matrix input = i == 0 ? x : b[i - 1].y;
            Matrix dx = i == 0 ? null : b[i - 1].dy();
            layerArray[i].backward(k, input, b[i], dx);
            if (i > 0) {
                layerArray[i - 1].activationBackward(b[i - 1]);
            }
        }
        return value;
    }

    /**
     * Restarts the random streams of the layers that draw noise (dropout), so that the following training-mode
     * passes see the same noise; gradient checks use it.
     *
     * @param noiseSeed the seed
     */
    public void reseed(long noiseSeed) {
        for (int i = 0; i < layerArray.length; i++) {
            layerArray[i].reseed(noiseSeed + i);
        }
    }

    /**
     * Convenience prediction for a few samples in evaluation mode (allocates).
     *
     * @param inputs one row per sample
     * @return one row of outputs per sample
     */
    public double[][] predict(double[][] inputs) {
        Matrix x = Matrix.zeros(precision, inputs.length, inputs());
        for (int r = 0; r < inputs.length; r++) {
            if (inputs[r].length != inputs()) {
                throw new IllegalArgumentException("sample " + r + " has " + inputs[r].length + " values, network expects "
                        + inputs());
            }
            for (int c = 0; c < inputs(); c++) {
                x.set(r, c, inputs[r][c]);
            }
        }
        Matrix y = forward(x);
        double[][] out = new double[inputs.length][outputs()];
        for (int r = 0; r < inputs.length; r++) {
            for (int c = 0; c < outputs(); c++) {
                out[r][c] = y.get(r, c);
            }
        }
        return out;
    }

    /**
     * Copies all parameters and state from a network of the same architecture (any precision), e.g. to start
     * training from weights loaded from a model file.
     *
     * @param other the source
     * @throws IllegalArgumentException if layer types or shapes differ
     */
    public void copyParametersFrom(Network other) {
        if (other.layerArray.length != layerArray.length || !other.inputShape().equals(inputShape())) {
            throw new IllegalArgumentException("cannot copy parameters: network shapes differ");
        }
        for (int i = 0; i < layerArray.length; i++) {
            Layer a = layerArray[i];
            Layer b = other.layerArray[i];
            if (!a.type().equals(b.type()) || !a.outputShape().equals(b.outputShape())) {
                throw new IllegalArgumentException("cannot copy parameters: layer " + (i + 1) + " is " + a.type() + " "
                        + a.outputShape() + " here and " + b.type() + " " + b.outputShape() + " in the source");
            }
        }
        copy(other.parameters, parameters);
        copy(other.state, state);
    }

    private static void copy(List<Parameter> from, List<Parameter> to) {
        for (int i = 0; i < to.size(); i++) {
            to.get(i).value().copyFrom(from.get(i).value());
        }
    }

    /**
     * @param target the precision of the copy
     * @return an independent copy with the same spec, parameters and state (converted to {@code target})
     */
    public Network copy(Precision target) {
        Network n = new Network(spec, target, seed);
        n.copyParametersFrom(this);
        return n;
    }
}

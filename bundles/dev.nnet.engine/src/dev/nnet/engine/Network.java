package dev.nnet.engine;

import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.matrix.MatMul;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.ParallelFor;
import dev.nnet.engine.matrix.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A feed-forward network of {@link DenseLayer}s working on whole batches (rows = samples).
 * Created by {@link NetworkSpec#build(Precision, long)} or loaded by {@code ModelIO}.
 * Per-batch buffers (workspaces) are allocated once per batch size and reused.
 * Not thread-safe; {@link #setThreads(int)} parallelises the matrix products deterministically.
 */
public final class Network {
    private static final int MAX_WORKSPACES = 8;

    private final NetworkSpec spec;
    private final Precision precision;
    private final List<DenseLayer> layers;
    private final DenseLayer[] layerArray;
    private final List<Workspace> workspaces = new ArrayList<>();
    private Workspace last;
    private Kernels kernels;
    private Loss checkedLoss;

    Network(NetworkSpec spec, Precision precision, long seed) {
        this.spec = spec;
        this.precision = precision;
        List<DenseLayer> list = new ArrayList<>();
        int inputs = spec.inputs();
        int index = 0;
        for (LayerSpec ls : spec.layers()) {
            DenseLayer layer = new DenseLayer(ls.name(), inputs, ls.units(), ls.activation(), precision);
            ls.weightInit().initialize(layer.weights(), inputs, ls.units(), SeededRandom.forStream(seed, 2L * index));
            ls.biasInit().initialize(layer.bias(), inputs, ls.units(), SeededRandom.forStream(seed, 2L * index + 1));
            list.add(layer);
            inputs = ls.units();
            index++;
        }
        this.layers = Collections.unmodifiableList(list);
        this.layerArray = list.toArray(new DenseLayer[0]);
        this.kernels = new Kernels(precision, ParallelFor.SEQUENTIAL);
    }

    /** The matrix kernels and worker threads in use. */
    static final class Kernels {
        final ParallelFor parallel;
        final MatMul matMul;

        Kernels(Precision precision, ParallelFor parallel) {
            this.parallel = parallel;
            this.matMul = MatMul.create(precision, parallel);
        }
    }

    /** Per-batch-size buffers: pre-activations, activations and their gradients for every layer. */
    private static final class Workspace {
        final int rows;
        final Matrix[] z;
        final Matrix[] y;
        final Matrix[] dy;
        final Matrix[] dz;

        Workspace(int rows, DenseLayer[] layers, Precision precision) {
            this.rows = rows;
            int n = layers.length;
            z = new Matrix[n];
            y = new Matrix[n];
            dy = new Matrix[n];
            dz = new Matrix[n];
            for (int i = 0; i < n; i++) {
                int units = layers[i].units();
                z[i] = Matrix.zeros(precision, rows, units);
                y[i] = Matrix.zeros(precision, rows, units);
                dy[i] = Matrix.zeros(precision, rows, units);
                dz[i] = Matrix.zeros(precision, rows, units);
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

    /** @return number of inputs */
    public int inputs() {
        return spec.inputs();
    }

    /** @return number of outputs (units of the last layer) */
    public int outputs() {
        return layerArray[layerArray.length - 1].units();
    }

    /** @return the layers, input side first */
    public List<DenseLayer> layers() {
        return layers;
    }

    /** @return total number of weights and biases */
    public int parameterCount() {
        int n = 0;
        for (DenseLayer l : layerArray) {
            n += l.weights().size() + l.bias().size();
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
     * Runs a batch forward.
     *
     * @param x inputs, {@code batch × inputs}, in this network's precision
     * @return the outputs, {@code batch × outputs}; a buffer owned by the network, valid until the next call
     */
    public Matrix forward(Matrix x) {
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
            layerArray[i].forward(k, input, w.z[i], w.y[i]);
            input = w.y[i];
        }
        return input;
    }

    /**
     * @param layer layer index
     * @return the activations of that layer in the last forward pass (buffer owned by the network)
     */
    public Matrix lastActivations(int layer) {
        return last.y[layer];
    }

    /**
     * @param layer layer index
     * @return the pre-activations of that layer in the last forward pass (buffer owned by the network)
     */
    public Matrix lastPreActivations(int layer) {
        return last.z[layer];
    }

    /**
     * Mean loss of a batch without computing gradients.
     *
     * @param x inputs
     * @param targets targets, {@code batch × outputs}
     * @param loss the loss
     * @return the mean loss
     */
    public double loss(Matrix x, Matrix targets, Loss loss) {
        forward(x);
        int o = layerArray.length - 1;
        return loss.value(last.z[o], last.y[o], targets);
    }

    /**
     * Checks that backprop can train this network with this loss.
     *
     * @param loss the loss
     * @throws IllegalArgumentException naming the layer and the problem
     */
    public void checkTrainable(Loss loss) {
        for (DenseLayer l : layerArray) {
            if (!l.activation().isDifferentiable()) {
                throw new IllegalArgumentException("layer '" + l.name() + "': activation '" + l.activation().name()
                        + "' has no gradient, backpropagation cannot train it (use the perceptron model or a"
                        + " differentiable activation)");
            }
        }
        DenseLayer out = layerArray[layerArray.length - 1];
        loss.checkCompatible(out.activation(), out.units());
    }

    /**
     * Forward and backward pass: fills every layer's {@link DenseLayer#weightGradient()} and
     * {@link DenseLayer#biasGradient()} with the gradient of the mean batch loss.
     *
     * @param x inputs, {@code batch × inputs}
     * @param targets targets, {@code batch × outputs}
     * @param loss the loss
     * @return the mean loss of the batch
     */
    public double computeGradients(Matrix x, Matrix targets, Loss loss) {
        forward(x);
        Workspace w = last;
        Kernels k = kernels;
        int o = layerArray.length - 1;
        DenseLayer out = layerArray[o];
        if (loss != checkedLoss) {
            loss.checkCompatible(out.activation(), out.units());
            checkedLoss = loss;
        }
        double value = loss.valueAndGradient(w.z[o], w.y[o], targets, out.activation(), w.dy[o], w.dz[o]);
        for (int i = o; i >= 0; i--) {
            Matrix input = i == 0 ? x : w.y[i - 1];
            Matrix dx = i == 0 ? null : w.dy[i - 1];
            layerArray[i].backward(k, input, w.dz[i], dx);
            if (i > 0) {
                layerArray[i - 1].activationBackward(w.z[i - 1], w.y[i - 1], w.dy[i - 1], w.dz[i - 1]);
            }
        }
        return value;
    }

    /**
     * Convenience prediction for a few samples (allocates).
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
     * Copies all weights and biases from a network of the same shape (any precision), e.g. to start
     * training from weights loaded from a model file.
     *
     * @param other the source
     * @throws IllegalArgumentException if layer counts or shapes differ
     */
    public void copyParametersFrom(Network other) {
        if (other.layerArray.length != layerArray.length || other.inputs() != inputs()) {
            throw new IllegalArgumentException("cannot copy parameters: network shapes differ");
        }
        for (int i = 0; i < layerArray.length; i++) {
            layerArray[i].weights().copyFrom(other.layerArray[i].weights());
            layerArray[i].bias().copyFrom(other.layerArray[i].bias());
        }
    }

    /**
     * @param target the precision of the copy
     * @return an independent copy with the same spec and parameters (converted to {@code target})
     */
    public Network copy(Precision target) {
        Network n = new Network(spec, target, 0);
        n.copyParametersFrom(this);
        return n;
    }
}

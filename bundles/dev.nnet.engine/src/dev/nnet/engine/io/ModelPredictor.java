package dev.nnet.engine.io;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.TargetEncoding;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.metrics.Evaluation;
import java.util.List;

/**
 * Uses a trained model on raw feature rows: applies the stored preprocessing, runs the network in evaluation mode
 * and reads the outputs as the model file says: a class (arg-max for one-hot, {@code > 0.5} for binary, {@code > 0}
 * for signed, the rounded value for index) with its name, or target values. Shared by {@code nnet predict},
 * {@code nnet evaluate} and the generated network classes. Not thread-safe (nor is the network).
 * <p>
 * Many rows go through the network in passes of at most {@link #rowsPerPass()} rows, chosen so that one pass's
 * forward buffers stay near {@link #PASS_BYTES}, when every layer computes each row alone
 * ({@link Layer#rowIndependent()}: dense, pooling, batch norm and dropout in evaluation mode): the outputs are then
 * bit for bit those of one batch. Otherwise (convolutions) all rows of a call go in one batch. The input batch of a
 * pass is kept between calls.
 */
public final class ModelPredictor {
    /** The forward buffers (and input batch) one pass may use: 32 MB. */
    public static final long PASS_BYTES = 32L << 20;
    /** Passes have at least this many rows (when there are as many), whatever the network's width. */
    static final int MIN_PASS_ROWS = 64;

    private final Network network;
    private final ModelMetadata metadata;
    private final int rowsPerPass;
    /** The scaled rows of the last full pass and of the last shorter one (reused while the sizes repeat). */
    private Matrix input;
    private Matrix rest;
    private final double[] row;

    /** @param model a loaded model */
    public ModelPredictor(TrainedModel model) {
        this(model, passRows(model.network()));
    }

    /**
     * @param model a loaded model
     * @param rowsPerPass the most rows one forward pass takes (the outputs do not depend on it)
     */
    public ModelPredictor(TrainedModel model, int rowsPerPass) {
        if (rowsPerPass < 1) {
            throw new IllegalArgumentException("rows per pass must be at least 1, not " + rowsPerPass);
        }
        this.network = model.network();
        this.metadata = model.metadata();
        this.rowsPerPass = rowsPerPass;
        this.row = new double[network.inputs()];
    }

    /**
     * @return the rows of a pass whose input and forward buffers take about {@link #PASS_BYTES}; all rows in one pass
     *         when a layer's outputs depend on the batch size ({@link Layer#rowIndependent()})
     */
    static int passRows(Network network) {
        long values = network.inputs();
        for (Layer l : network.allLayers()) {
            if (!l.rowIndependent()) {
                return Integer.MAX_VALUE;
            }
            values += l.forwardValuesPerRow();
        }
        long bytes = values * (network.precision() == Precision.FLOAT32 ? 4 : 8);
        return (int) Math.max(MIN_PASS_ROWS, Math.min(Integer.MAX_VALUE, PASS_BYTES / Math.max(1, bytes)));
    }

    /** @return the most rows one forward pass takes */
    public int rowsPerPass() {
        return rowsPerPass;
    }

    /** @return the network */
    public Network network() {
        return network;
    }

    /** @return the metadata */
    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * @param raw one row of unscaled features per sample (not changed)
     * @return one row of outputs per sample
     * @throws IllegalArgumentException if a row does not have the model's input count
     */
    public double[][] outputs(double[][] raw) {
        final int inputs = network.inputs();
        for (int r = 0; r < raw.length; r++) {
            if (raw[r].length != inputs) {
                throw new IllegalArgumentException("sample " + r + " has " + raw[r].length + " values, the model has "
                        + inputs + " inputs");
            }
        }
        final double[][] out = new double[raw.length][];
        for (int from = 0; from < raw.length; from += rowsPerPass) {
            pass(raw, from, Math.min(raw.length, from + rowsPerPass), out);
        }
        return out;
    }

    /** Rows {@code from..to-1} of {@code raw} scaled, through the network, into {@code out}. */
    private void pass(double[][] raw, int from, int to, double[][] out) {
        final int inputs = network.inputs();
        final int rows = to - from;
        final Matrix x = batch(rows);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(raw[from + r], 0, row, 0, inputs);
            metadata.preprocessing().applyInPlace(row);
            for (int c = 0; c < inputs; c++) {
                x.set(r * inputs + c, row[c]);
            }
        }
        final Matrix y = network.forward(x);
        final int outputs = y.cols();
        for (int r = 0; r < rows; r++) {
            final double[] o = new double[outputs];
            for (int c = 0; c < outputs; c++) {
                o[c] = y.get(r * outputs + c);
            }
            out[from + r] = o;
        }
    }

    private Matrix batch(int rows) {
        if (rows == rowsPerPass) {
            if (input == null) {
                input = Matrix.zeros(network.precision(), rows, network.inputs());
            }
            return input;
        }
        if (rest == null || rest.rows() != rows) {
            rest = Matrix.zeros(network.precision(), rows, network.inputs());
        }
        return rest;
    }

    /** @return true when the outputs are classes (a version 2 classification model, or several outputs) */
    public boolean classifies() {
        return metadata.outputs() != null ? metadata.outputs().classes() : network.outputs() > 1;
    }

    /** @return the class names by index (indices as names for a version 1 model); empty for regression */
    public List<String> classNames() {
        if (metadata.outputs() != null) {
            return metadata.outputs().classes() ? metadata.outputs().names() : List.of();
        }
        if (network.outputs() == 1) {
            return List.of();
        }
        String[] names = new String[network.outputs()];
        for (int i = 0; i < names.length; i++) {
            names[i] = Integer.toString(i);
        }
        return List.of(names);
    }

    /** @return the output (target) names: stored ones, else {@code y1..yn} ({@code y} for one output) */
    public List<String> targetNames() {
        if (metadata.outputs() != null && !metadata.outputs().classes()) {
            return metadata.outputs().names();
        }
        String[] names = new String[network.outputs()];
        for (int i = 0; i < names.length; i++) {
            names[i] = names.length == 1 ? "y" : "y" + (i + 1);
        }
        return List.of(names);
    }

    /**
     * @param y the outputs of one sample
     * @return its class index
     */
    public int classIndex(double[] y) {
        TargetEncoding e = encoding();
        return Evaluation.classIndex(y, e == null ? TargetEncoding.ONE_HOT : e, Math.max(1, classNames().size()));
    }

    /**
     * @param y the outputs of one sample
     * @return one probability (or score) per class: the outputs for one-hot, {@code 1 - y, y} for binary; null when
     *         the outputs are no probabilities (signed, index, regression)
     */
    public double[] probabilities(double[] y) {
        TargetEncoding e = encoding();
        if (e == TargetEncoding.ONE_HOT) {
            return y.clone();
        }
        return e == TargetEncoding.BINARY ? new double[] { 1 - y[0], y[0] } : null;
    }

    private TargetEncoding encoding() {
        if (metadata.outputs() != null) {
            return metadata.outputs().encoding();
        }
        return network.outputs() > 1 ? TargetEncoding.ONE_HOT : null;
    }
}

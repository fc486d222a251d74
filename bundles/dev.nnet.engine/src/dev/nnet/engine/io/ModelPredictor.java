package dev.nnet.engine.io;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.TargetEncoding;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.metrics.Evaluation;
import java.util.List;

/**
 * Uses a trained model on raw feature rows: applies the stored preprocessing, runs the network (all rows in one
 * batch, as training measured them) and reads the outputs as the model file says: a class (arg-max for one-hot,
 * {@code > 0.5} for binary, {@code > 0} for signed, the rounded value for index) with its name, or target values.
 * Shared by {@code nnet predict}, {@code nnet evaluate} and the generated network classes. Not thread-safe (nor is
 * the network); the input batch is kept between calls of the same size.
 */
public final class ModelPredictor {
    private final Network network;
    private final ModelMetadata metadata;
    /** The scaled rows of the last call (reused while the batch size stays the same) and one row being scaled. */
    private Matrix input;
    private final double[] row;

    /** @param model a loaded model */
    public ModelPredictor(TrainedModel model) {
        this.network = model.network();
        this.metadata = model.metadata();
        this.row = new double[network.inputs()];
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
        if (raw.length == 0) {
            return new double[0][];
        }
        if (input == null || input.rows() != raw.length) {
            input = Matrix.zeros(network.precision(), raw.length, inputs);
        }
        for (int r = 0; r < raw.length; r++) {
            System.arraycopy(raw[r], 0, row, 0, inputs);
            metadata.preprocessing().applyInPlace(row);
            for (int c = 0; c < inputs; c++) {
                input.set(r * inputs + c, row[c]);
            }
        }
        final Matrix y = network.forward(input);
        final int outputs = y.cols();
        final double[][] out = new double[raw.length][outputs];
        for (int r = 0; r < raw.length; r++) {
            for (int c = 0; c < outputs; c++) {
                out[r][c] = y.get(r * outputs + c);
            }
        }
        return out;
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

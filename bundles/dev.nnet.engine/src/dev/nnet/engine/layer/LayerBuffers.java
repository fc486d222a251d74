package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;

/**
 * The per-batch-size buffers of one layer, allocated once per batch size by {@link Layer#buffers} and reused:
 * pre-activation {@code z}, output {@code y}, and their gradients {@link #dy()}, {@link #dz()}. Layers without an
 * activation of their own share {@code z} with {@code y} and {@code dz} with {@code dy}. Subclasses add what a
 * layer keeps between its forward and backward pass (a dropout mask, normalised inputs).
 * <p>
 * The gradient buffers are allocated on their first use (the first backward pass at this batch size), so the
 * buffers of a network that only predicts hold {@code z} and {@code y} alone.
 */
public class LayerBuffers {
    /** Rows (samples) of the batch. */
    public final int rows;
    /** Pre-activations, {@code rows × outputs}. */
    public final Matrix z;
    /** Outputs, {@code rows × outputs}. */
    public final Matrix y;
    private final Precision precision;
    private final boolean activated;
    private Matrix dy;
    private Matrix dz;

    /**
     * @param precision the precision
     * @param rows rows of the batch
     * @param outputs values per sample
     * @param activated true if the layer has an activation (separate z/y and dz/dy)
     */
    public LayerBuffers(Precision precision, int rows, int outputs, boolean activated) {
        this.rows = rows;
        this.precision = precision;
        this.activated = activated;
        this.y = Matrix.zeros(precision, rows, outputs);
        this.z = activated ? Matrix.zeros(precision, rows, outputs) : y;
    }

    /** @return dL/dy, {@code rows × outputs}, allocated (zeros) on the first call */
    public final Matrix dy() {
        Matrix d = dy;
        if (d == null) {
            d = Matrix.zeros(precision, rows, y.cols());
            dy = d;
        }
        return d;
    }

    /** @return dL/dz, {@code rows × outputs} ({@link #dy()} itself without an activation), allocated on first use */
    public final Matrix dz() {
        Matrix d = dz;
        if (d == null) {
            d = activated ? Matrix.zeros(precision, rows, y.cols()) : dy();
            dz = d;
        }
        return d;
    }

    /** @return true once the gradient buffers exist (never for a network that only predicts) */
    public final boolean hasGradients() {
        return dy != null || dz != null;
    }
}

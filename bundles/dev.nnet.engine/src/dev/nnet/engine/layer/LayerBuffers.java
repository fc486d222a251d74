package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;

/**
 * The per-batch-size buffers of one layer, allocated once per batch size by {@link Layer#buffers} and reused:
 * pre-activation {@code z}, output {@code y}, and their gradients {@code dy}, {@code dz}. Layers without an
 * activation of their own share {@code z} with {@code y} and {@code dz} with {@code dy}. Subclasses add what a
 * layer keeps between its forward and backward pass (a dropout mask, normalised inputs).
 */
public class LayerBuffers {
    /** Rows (samples) of the batch. */
    public final int rows;
    /** Pre-activations, {@code rows × outputs}. */
    public final Matrix z;
    /** Outputs, {@code rows × outputs}. */
    public final Matrix y;
    /** dL/dy. */
    public final Matrix dy;
    /** dL/dz. */
    public final Matrix dz;

    /**
     * @param precision the precision
     * @param rows rows of the batch
     * @param outputs values per sample
     * @param activated true if the layer has an activation (separate z/y and dz/dy)
     */
    public LayerBuffers(Precision precision, int rows, int outputs, boolean activated) {
        this.rows = rows;
        this.y = Matrix.zeros(precision, rows, outputs);
        this.dy = Matrix.zeros(precision, rows, outputs);
        this.z = activated ? Matrix.zeros(precision, rows, outputs) : y;
        this.dz = activated ? Matrix.zeros(precision, rows, outputs) : dy;
    }
}

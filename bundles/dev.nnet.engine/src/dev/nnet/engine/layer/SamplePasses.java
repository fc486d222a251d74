package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.ParallelFor;

/**
 * The float32 per-sample copies of a convolution (im2col, the product back to NCHW with bias and ReLU, dz to the
 * filter-major dOut with the bias sums, col2im) on the network's worker threads. Each thread takes a contiguous
 * range of samples and writes only their values; the bias sums are kept per sample and added up afterwards in
 * sample order, so the results are the same bits for every thread count. One instance per batch buffer (no
 * allocation per batch); passes that write fewer than {@link #MIN_PARALLEL} values stay on the caller's thread,
 * where a hand-over would cost more than it saves.
 */
final class SamplePasses implements ParallelFor.RangeTask {
    /** Values written by one pass below which it runs on the calling thread alone. */
    static final long MIN_PARALLEL = 1L << 14;

    private enum Pass {
        GATHER, TO_SAMPLES, TO_FILTERS, SCATTER_ADD
    }

    private final int[] idx;
    private final int positions;
    private final int filters;
    private final int window;
    private final LayerBuffers buffers;
    private final float[] col;
    private final Matrix out;
    /** Per-sample bias sums of the backward pass, allocated by the first one (training only). */
    private double[] partial;
    private Pass pass;
    private float[] x;
    private int inSize;
    private float[] bias;
    private boolean relu;

    /**
     * @param idx the convolution's window table ({@link Patches#convolution})
     * @param positions output positions per sample
     * @param filters output channels
     * @param buffers the layer's float32 buffers of one batch size
     * @param col the im2col matrix ({@code C·k·k × batch·P}), also dCol
     * @param out the filter-major product ({@code filters × batch·P}), also dOut
     */
    SamplePasses(int[] idx, int positions, int filters, LayerBuffers buffers, Matrix col, Matrix out) {
        this.idx = idx;
        this.positions = positions;
        this.filters = filters;
        this.window = idx.length / positions;
        this.buffers = buffers;
        this.col = ((FloatMatrix) col).data();
        this.out = out;
    }

    /** im2col of {@code x} ({@code batch × C·H·W}) into the col matrix. */
    void gather(ParallelFor parallel, Matrix x) {
        this.x = ((FloatMatrix) x).data();
        this.inSize = x.cols();
        run(parallel, Pass.GATHER, (long) window * positions);
    }

    /** {@code z = out + bias} in NCHW order, and {@code y = max(z, 0)} if {@code relu}. */
    void toSamples(ParallelFor parallel, Matrix bias, boolean relu) {
        this.bias = ((FloatMatrix) bias).data();
        this.relu = relu;
        run(parallel, Pass.TO_SAMPLES, (long) filters * positions * (relu ? 2 : 1));
    }

    /** {@code dz = dy · relu'(z)}, copied filter-major into dOut; {@code sums[f]} = the bias gradient. */
    void toFilters(ParallelFor parallel, double[] sums) {
        if (partial == null) {
            partial = new double[buffers.rows * filters];
        }
        run(parallel, Pass.TO_FILTERS, 2L * filters * positions);
        ConvLayout.sumSamples(partial, sums, buffers.rows, filters);
    }

    /** col2im of the col matrix (holding dCol) into {@code dx} ({@code batch × C·H·W}). */
    void scatterAdd(ParallelFor parallel, Matrix dx) {
        this.x = ((FloatMatrix) dx).data();
        this.inSize = dx.cols();
        run(parallel, Pass.SCATTER_ADD, (long) window * positions);
    }

    private void run(ParallelFor parallel, Pass pass, long valuesPerSample) {
        this.pass = pass;
        final int rows = buffers.rows;
        parallel.run(this, rows, valuesPerSample * rows >= MIN_PARALLEL);
    }

    @Override
    public void run(int from, int to) {
        final int width = buffers.rows * positions;
        switch (pass) {
        case GATHER -> Patches.gatherRows(x, inSize, idx, positions, col, width, from, to);
        case TO_SAMPLES -> ConvLayout.toSamplesRows(((FloatMatrix) out).data(), width, bias,
                ((FloatMatrix) buffers.z).data(), ((FloatMatrix) buffers.y).data(), relu, filters, positions, from, to);
        case TO_FILTERS -> ConvLayout.toFiltersRows(buffers, out, partial, filters, positions, from, to);
        case SCATTER_ADD -> Patches.scatterAddRows(col, width, idx, positions, x, inSize, from, to);
        default -> throw new IllegalStateException(pass.toString());
        }
    }
}

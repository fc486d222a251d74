package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.MatMul;
import dev.nnet.engine.matrix.ParallelFor;
import dev.nnet.engine.matrix.Precision;

/** The matrix kernels and worker threads a network hands to its layers. */
public final class Kernels {
    /** The worker threads. */
    public final ParallelFor parallel;
    /** Matrix products in the network's precision, on those threads. */
    public final MatMul matMul;

    /**
     * @param precision the precision of the operands
     * @param parallel the worker threads
     */
    public Kernels(Precision precision, ParallelFor parallel) {
        this.parallel = parallel;
        this.matMul = MatMul.create(precision, parallel);
    }
}

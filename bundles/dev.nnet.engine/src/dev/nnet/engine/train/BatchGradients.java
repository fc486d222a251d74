package dev.nnet.engine.train;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.matrix.Matrix;

/**
 * How {@link Trainer} obtains the gradient of one batch: it must leave in every layer's
 * {@link dev.nnet.engine.DenseLayer#weightGradient() weightGradient} and {@code biasGradient} the gradient of the mean
 * batch loss at the network's current parameters, and return that mean loss. {@link #LOCAL} computes it in this JVM;
 * another implementation may compute it elsewhere (e.g. summed over partitions of a cluster) as long as the result is
 * the same up to the order of floating-point summation.
 */
public interface BatchGradients {

    /** Copies the batch into {@code x}/{@code t} and runs {@link Network#computeGradients}. */
    BatchGradients LOCAL = (network, loss, data, plan, batch, x, t) -> {
        data.copyBatch(plan.order(), plan.batchStart(batch), x, t);
        return network.computeGradients(x, t, loss);
    };

    /**
     * @param network the network (parameters current, gradients to be filled)
     * @param loss the loss
     * @param data the training data
     * @param plan the epoch plan (current order)
     * @param batch the batch index, 0-based
     * @param x a buffer of {@code plan.batchRows(batch) × features} in the network's precision
     * @param t a buffer of {@code plan.batchRows(batch) × targets}
     * @return the mean loss of the batch
     */
    double compute(Network network, Loss loss, DataSet data, EpochPlan plan, int batch, Matrix x, Matrix t);
}

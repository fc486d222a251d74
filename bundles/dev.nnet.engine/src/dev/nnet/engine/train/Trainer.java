package dev.nnet.engine.train;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.optim.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Trains a {@link Network} with backpropagation and mini-batches. Each epoch: set the scheduled learning rate,
 * reshuffle (seeded, if enabled), run every batch (check cancellation, compute gradients, stop DIVERGED on a
 * non-finite loss or gradient, optimizer step), then measure loss and accuracy on the training and test data and
 * apply the stop rules (target loss, target accuracy, early stopping on the test loss, epoch cap).
 * Same network seed and config seed give bit-identical results for any thread count.
 */
public final class Trainer {
    private final Network network;
    private final TrainingConfig config;
    private final BatchGradients gradients;

    /**
     * @param network the network to train (updated in place)
     * @param config the settings
     */
    public Trainer(Network network, TrainingConfig config) {
        this(network, config, BatchGradients.LOCAL);
    }

    /**
     * A trainer whose batch gradients come from elsewhere (everything else, from the sample order to the optimizer
     * step and the stop rules, is the same as with the local gradients).
     *
     * @param network the network to train (updated in place)
     * @param config the settings
     * @param gradients computes each batch's gradient
     */
    public Trainer(Network network, TrainingConfig config, BatchGradients gradients) {
        this.network = network;
        this.config = config;
        this.gradients = gradients;
    }

    /**
     * Trains without listener, test data or cancellation.
     *
     * @param train the training data
     * @return the result
     */
    public TrainingResult train(DataSet train) {
        return train(train, null, TrainingListener.NONE, new CancellationToken());
    }

    /**
     * @param train the training data
     * @param test test data for metrics and early stopping, or null
     * @param listener progress listener
     * @param token cancellation token, checked before every batch
     * @return the result
     * @throws IllegalArgumentException if data shapes, loss and network do not fit together
     */
    public TrainingResult train(DataSet train, DataSet test, TrainingListener listener, CancellationToken token) {
        return train(train, test, listener, token, null);
    }

    /**
     * Trains, or continues a training from a checkpoint's state: with the same network weights, data and config,
     * N epochs, then a resume up to the cap, give bit-identical weights to an uninterrupted run.
     *
     * @param train the training data
     * @param test held-out data for metrics and early stopping, or null
     * @param listener progress listener (also receives checkpoints)
     * @param token cancellation token, checked before every batch
     * @param resume where to continue (see {@link TrainingState}), or null to start at epoch 1
     * @return the result
     * @throws IllegalArgumentException if data shapes, loss and network do not fit together, or the state does not
     *         fit the data or the network
     */
    public TrainingResult train(DataSet train, DataSet test, TrainingListener listener, CancellationToken token,
            TrainingState resume) {
        checkData(train, "training");
        if (test != null) {
            checkData(test, "test");
        }
        Loss loss = config.loss();
        network.checkTrainable(loss);
        network.setThreads(config.threads());
        try {
            return new Run(train, test, listener, token).execute(resume);
        } finally {
            network.setThreads(1);
        }
    }

    private void checkData(DataSet data, String what) {
        if (data.featureCount() != network.inputs()) {
            throw new IllegalArgumentException(what + " data has " + data.featureCount() + " features, network has "
                    + network.inputs() + " inputs");
        }
        if (data.targetCount() != network.outputs()) {
            throw new IllegalArgumentException(what + " data has " + data.targetCount() + " target columns, network has "
                    + network.outputs() + " outputs");
        }
    }

    /** State of one training run. */
    private final class Run {
        final DataSet train;
        final DataSet test;
        final TrainingListener listener;
        final CancellationToken token;
        /** The layers with parameters (statistics are per such layer), and their indexes in the network. */
        final Layer[] layers = layersWithParameters();
        final int[] layerIndex = new int[layers.length];
        final Optimizer optimizer = config.optimizer();
        final Loss loss = config.loss();
        final int rows;
        final int batchSize;
        final int batches;
        final EpochPlan plan;
        final Matrix x;
        final Matrix t;
        final Matrix xLast;
        final Matrix tLast;
        final Matrix[] weightsBefore;
        final double[] gradientSquares;
        final Evaluator trainEval;
        final Evaluator testEval;
        final List<EpochEnd> history = new ArrayList<>();
        /** Parameters of the best held-out epoch (early stopping with restore best), else null. */
        final Matrix[] bestValues;
        /** The live parameter and state matrices that {@link #bestValues} copies, else null. */
        final List<Matrix> liveValues;
        EpochEnd bestEpoch;
        /** The epoch whose weights were restored (its metrics are the result's), else null. */
        EpochEnd restored;

        Run(DataSet train, DataSet test, TrainingListener listener, CancellationToken token) {
            this.train = train;
            this.test = test;
            this.listener = listener;
            this.token = token;
            rows = train.rows();
            plan = new EpochPlan(config, rows);
            batchSize = plan.batchSize();
            batches = plan.batches();
            int lastRows = plan.batchRows(batches - 1);
            x = Matrix.zeros(network.precision(), batchSize, train.featureCount());
            t = Matrix.zeros(network.precision(), batchSize, train.targetCount());
            xLast = lastRows == batchSize ? x : Matrix.zeros(network.precision(), lastRows, train.featureCount());
            tLast = lastRows == batchSize ? t : Matrix.zeros(network.precision(), lastRows, train.targetCount());
            weightsBefore = new Matrix[layers.length];
            for (int i = 0; i < layers.length; i++) {
                Matrix w = weights(layers[i]);
                weightsBefore[i] = Matrix.zeros(network.precision(), w.rows(), w.cols());
                layerIndex[i] = network.allLayers().indexOf(layers[i]);
            }
            gradientSquares = new double[layers.length];
            trainEval = new Evaluator(network, loss, train);
            testEval = test == null ? null : new Evaluator(network, loss, test);
            boolean keepBest = test != null && config.patience() > 0 && config.restoreBest();
            liveValues = keepBest ? parametersAndState() : null;
            bestValues = keepBest ? new Matrix[liveValues.size()] : null;
            for (int i = 0; keepBest && i < bestValues.length; i++) {
                Matrix live = liveValues.get(i);
                bestValues[i] = Matrix.zeros(network.precision(), live.rows(), live.cols());
            }
        }

        /** Remembers the current parameters as the best epoch's. */
        private void keepBest(EpochEnd end) {
            bestEpoch = end;
            for (int i = 0; bestValues != null && i < bestValues.length; i++) {
                bestValues[i].copyFrom(liveValues.get(i));
            }
        }

        /** @return the sentence saying which weights are kept */
        private String restoreBest() {
            if (bestValues == null || bestEpoch == null) {
                return "; kept the last weights";
            }
            for (int i = 0; i < bestValues.length; i++) {
                liveValues.get(i).copyFrom(bestValues[i]);
            }
            restored = bestEpoch;
            return "; restored the weights of epoch " + bestEpoch.epoch() + " (restore best)";
        }

        /** @return the first metric stop rule met this epoch, or null */
        private MetricStop metricStop() {
            for (MetricStop rule : config.metricStops()) {
                Evaluator e = rule.heldOut() ? testEval : trainEval;
                if (e != null && rule.reached(e.metric(rule.metric()))) {
                    return rule;
                }
            }
            return null;
        }

        double bestTestLoss = Double.POSITIVE_INFINITY;
        int epochsWithoutImprovement;

        /** @return the state to continue from at {@code epoch} ({@code batch}, when begun) */
        private TrainingState state(int epoch, boolean inEpoch, int batch) {
            return new TrainingState(epoch, inEpoch, batch, plan.shuffleState(), plan.order().clone(), optimizer.exportState(),
                    bestTestLoss, epochsWithoutImprovement);
        }

        /** @return the first epoch and, when that epoch has begun, its next batch (else -1): 1 and -1 without a state */
        private int[] resume(TrainingState s) {
            if (s == null) {
                return new int[] { 1, -1 };
            }
            if (s.order().length != rows || s.epoch() < 1 || s.batch() < 0 || s.batch() >= batches) {
                throw new IllegalArgumentException("the checkpoint does not fit: it has " + s.order().length
                        + " training samples and batch " + s.batch() + " of epoch " + s.epoch() + ", the data have "
                        + rows + " samples in " + batches + " batches");
            }
            boolean[] seen = new boolean[rows];
            for (int i : s.order()) {
                if (i < 0 || i >= rows || seen[i]) {
                    throw new IllegalArgumentException("the checkpoint's sample order is not a permutation of "
                            + rows + " samples");
                }
                seen[i] = true;
            }
            plan.restore(s.shuffle(), s.order(), s.epoch() - (s.inEpoch() ? 0 : 1));
            optimizer.importState(s.optimizer(), network);
            bestTestLoss = s.bestHeldOutLoss();
            epochsWithoutImprovement = s.epochsWithoutImprovement();
            return new int[] { s.epoch(), s.inEpoch() ? s.batch() : -1 };
        }

        TrainingResult execute(TrainingState resumeFrom) {
            optimizer.reset();
            int[] start = resume(resumeFrom);
            double baseRate = optimizer.learningRate();
            listener.onTrainingBegin(new TrainingBegin(rows, test == null ? 0 : test.rows(), batchSize, batches,
                    network.parameterCount()));
            boolean targets = !Double.isNaN(config.targetLoss()) || !Double.isNaN(config.targetAccuracy());
            TrainingResult result = null;
            try {
                for (int epoch = start[0]; epoch <= config.maxEpochs() && result == null; epoch++) {
                    double rate = config.schedule().learningRate(baseRate, epoch - 1);
                    optimizer.setLearningRate(rate);
                    boolean begun = epoch == start[0] && start[1] >= 0;
                    if (!begun) {
                        plan.nextEpoch();
                    }
                    result = runEpoch(epoch, begun ? start[1] : 0);
                    if (result != null) {
                        break;
                    }
                    EpochEnd end = measure(epoch, rate);
                    history.add(end);
                    listener.onEpochEnd(end);
                    boolean checkpoint = config.checkpointEvery() > 0 && epoch % config.checkpointEvery() == 0;
                    if (!Double.isFinite(end.trainLoss())) {
                        result = diverged(epoch, 0, "the training loss after the epoch");
                    } else if (end.trainLoss() <= config.targetLoss()) {
                        result = finish(TrainingStatus.CONVERGED, epoch, "reached target loss " + config.targetLoss()
                                + " in epoch " + epoch, null);
                    } else if (end.trainAccuracy() >= config.targetAccuracy()) {
                        result = finish(TrainingStatus.CONVERGED, epoch, "reached target accuracy "
                                + config.targetAccuracy() + " in epoch " + epoch, null);
                    } else if (metricStop() != null) {
                        result = finish(TrainingStatus.CONVERGED, epoch, "reached " + metricStop().describe(
                                config.heldOutName()) + " in epoch " + epoch, null);
                    } else if (test != null && config.patience() > 0) {
                        if (end.testLoss() < bestTestLoss) {
                            bestTestLoss = end.testLoss();
                            epochsWithoutImprovement = 0;
                            keepBest(end);
                        } else if (++epochsWithoutImprovement >= config.patience()) {
                            String message = "early stopping: " + config.heldOutName() + " loss did not improve for "
                                    + config.patience() + " epochs (best " + bestTestLoss + ")" + restoreBest();
                            result = finish(TrainingStatus.COMPLETED, epoch, message, null);
                        }
                    }
                    if (result == null && checkpoint) {
                        listener.onCheckpoint(state(epoch + 1, false, 0));
                    }
                }
                if (result == null) {
                    result = targets
                            ? finish(TrainingStatus.NOT_CONVERGED, config.maxEpochs(), "target not reached in "
                                    + config.maxEpochs() + " epochs", null)
                            : finish(TrainingStatus.COMPLETED, config.maxEpochs(), "ran " + config.maxEpochs() + " epochs",
                                    null);
                }
            } finally {
                optimizer.setLearningRate(baseRate);
            }
            listener.onTrainingEnd(result);
            return result;
        }

        /** @return a result if training must stop inside the epoch, else null */
        private TrainingResult runEpoch(int epoch, int firstBatch) {
            Arrays.fill(gradientSquares, 0);
            for (int b = firstBatch; b < batches; b++) {
                if (token.isCancelled()) {
                    listener.onCheckpoint(state(epoch, true, b));
                    return finish(TrainingStatus.CANCELLED, epoch, "cancelled in epoch " + epoch + " before batch "
                            + (b + 1), null);
                }
                boolean lastBatch = b == batches - 1;
                Matrix bx = lastBatch ? xLast : x;
                Matrix bt = lastBatch ? tLast : t;
                double value = gradients.compute(network, loss, train, plan, b, bx, bt);
                boolean finite = Double.isFinite(value);
                for (int i = 0; i < layers.length; i++) {
                    double sq = gradientSquares(layers[i]);
                    finite &= Double.isFinite(sq);
                    gradientSquares[i] += sq;
                }
                if (!finite) {
                    return diverged(epoch, b + 1, Double.isFinite(value) ? "a gradient" : "the loss");
                }
                if (lastBatch) {
                    for (int i = 0; i < layers.length; i++) {
                        weightsBefore[i].copyFrom(weights(layers[i]));
                    }
                }
                optimizer.step(network);
                listener.onBatchEnd(epoch, b + 1, value);
            }
            return null;
        }

        private EpochEnd measure(int epoch, double rate) {
            double testLoss = Double.NaN;
            double testAccuracy = Double.NaN;
            if (testEval != null) {
                testEval.evaluate();
                testLoss = testEval.lossValue;
                testAccuracy = testEval.accuracy;
            }
            trainEval.evaluate();
            List<LayerStats> stats = new ArrayList<>(layers.length);
            for (int i = 0; i < layers.length; i++) {
                Matrix w = weights(layers[i]);
                Matrix before = weightsBefore[i];
                double change = 0;
                int n = w.size();
                for (int k = 0; k < n; k++) {
                    double d = w.get(k) - before.get(k);
                    change += d * d;
                }
                double beforeNorm = Math.sqrt(before.sumOfSquares());
                stats.add(new LayerStats(layers[i].name(), Math.sqrt(gradientSquares[i] / batches),
                        Math.sqrt(w.sumOfSquares()), beforeNorm == 0 ? Double.NaN : Math.sqrt(change) / beforeNorm,
                        trainEval.deadFraction[layerIndex[i]], trainEval.activationMean[layerIndex[i]],
                        trainEval.activationStd[layerIndex[i]], Histogram.of(w),
                        Histogram.of(layers[i].parameters().get(0).gradient())));
            }
            return new EpochEnd(epoch, rate, trainEval.lossValue, trainEval.accuracy, testLoss, testAccuracy,
                    Collections.unmodifiableList(stats));
        }

        private TrainingResult diverged(int epoch, int batch, String what) {
            String layer = null;
            for (int i = 0; i < layers.length && layer == null; i++) {
                boolean bad = !network.lastActivations(layerIndex[i]).isFinite() || !finite(layers[i]);
                if (bad) {
                    layer = layers[i].name();
                }
            }
            String where = batch > 0 ? "epoch " + epoch + ", batch " + batch : "epoch " + epoch;
            String message = what + " became NaN or infinite in " + where
                    + (layer != null ? "; first affected layer '" + layer + "'" : "")
                    + "; hint: lower the learning rate (currently " + optimizer.learningRate()
                    + ") or scale the input features";
            return finish(TrainingStatus.DIVERGED, epoch, message, layer);
        }

        /** Every parameter and state matrix of the network (weights, biases, batch-norm running statistics). */
        private List<Matrix> parametersAndState() {
            List<Matrix> all = new ArrayList<>();
            for (Layer l : network.allLayers()) {
                for (Parameter p : l.parameters()) {
                    all.add(p.value());
                }
                for (Parameter p : l.state()) {
                    all.add(p.value());
                }
            }
            return all;
        }

        private Layer[] layersWithParameters() {
            List<Layer> with = new ArrayList<>();
            for (Layer l : network.allLayers()) {
                if (!l.parameters().isEmpty()) {
                    with.add(l);
                }
            }
            return with.toArray(new Layer[0]);
        }

        /** The first parameter (the weights of dense, gamma of batch norm) is what the weight statistics measure. */
        private Matrix weights(Layer layer) {
            return layer.parameters().get(0).value();
        }

        private double gradientSquares(Layer layer) {
            List<Parameter> parameters = layer.parameters();
            double sq = 0;
            for (int i = 0; i < parameters.size(); i++) {
                sq += parameters.get(i).gradient().sumOfSquares();
            }
            return sq;
        }

        private boolean finite(Layer layer) {
            for (Parameter p : layer.parameters()) {
                if (!p.value().isFinite() || !p.gradient().isFinite()) {
                    return false;
                }
            }
            return true;
        }

        private TrainingResult finish(TrainingStatus status, int epoch, String message, String layer) {
            EpochEnd lastEpoch = restored != null ? restored : history.isEmpty() ? null : history.get(history.size() - 1);
            return new TrainingResult(status, epoch,
                    lastEpoch == null ? Double.NaN : lastEpoch.trainLoss(),
                    lastEpoch == null ? Double.NaN : lastEpoch.trainAccuracy(),
                    lastEpoch == null ? Double.NaN : lastEpoch.testLoss(),
                    lastEpoch == null ? Double.NaN : lastEpoch.testAccuracy(),
                    message, layer, Collections.unmodifiableList(new ArrayList<>(history)));
        }
    }
}

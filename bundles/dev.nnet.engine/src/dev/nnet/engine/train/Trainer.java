package dev.nnet.engine.train;

import dev.nnet.engine.Network;
import dev.nnet.engine.SeededRandom;
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
    private static final long SHUFFLE_STREAM = 0x5348554646L;

    private final Network network;
    private final TrainingConfig config;

    /**
     * @param network the network to train (updated in place)
     * @param config the settings
     */
    public Trainer(Network network, TrainingConfig config) {
        this.network = network;
        this.config = config;
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
        checkData(train, "training");
        if (test != null) {
            checkData(test, "test");
        }
        Loss loss = config.loss();
        network.checkTrainable(loss);
        network.setThreads(config.threads());
        try {
            return new Run(train, test, listener, token).execute();
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
        final int[] order;
        final Matrix x;
        final Matrix t;
        final Matrix xLast;
        final Matrix tLast;
        final Matrix[] weightsBefore;
        final double[] gradientSquares;
        final Evaluator trainEval;
        final Evaluator testEval;
        final List<EpochEnd> history = new ArrayList<>();

        Run(DataSet train, DataSet test, TrainingListener listener, CancellationToken token) {
            this.train = train;
            this.test = test;
            this.listener = listener;
            this.token = token;
            rows = train.rows();
            batchSize = config.batchSize() == TrainingConfig.FULL_BATCH ? rows : Math.min(config.batchSize(), rows);
            batches = (rows + batchSize - 1) / batchSize;
            int lastRows = rows - (batches - 1) * batchSize;
            order = new int[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
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
        }

        TrainingResult execute() {
            SeededRandom shuffler = SeededRandom.forStream(config.seed(), SHUFFLE_STREAM);
            optimizer.reset();
            double baseRate = optimizer.learningRate();
            listener.onTrainingBegin(new TrainingBegin(rows, test == null ? 0 : test.rows(), batchSize, batches,
                    network.parameterCount()));
            double bestTestLoss = Double.POSITIVE_INFINITY;
            int epochsWithoutImprovement = 0;
            boolean targets = !Double.isNaN(config.targetLoss()) || !Double.isNaN(config.targetAccuracy());
            TrainingResult result = null;
            try {
                for (int epoch = 1; epoch <= config.maxEpochs() && result == null; epoch++) {
                    double rate = config.schedule().learningRate(baseRate, epoch - 1);
                    optimizer.setLearningRate(rate);
                    if (config.shuffle()) {
                        shuffler.shuffle(order);
                    }
                    result = runEpoch(epoch);
                    if (result != null) {
                        break;
                    }
                    EpochEnd end = measure(epoch, rate);
                    history.add(end);
                    listener.onEpochEnd(end);
                    if (!Double.isFinite(end.trainLoss())) {
                        result = diverged(epoch, 0, "the training loss after the epoch");
                    } else if (end.trainLoss() <= config.targetLoss()) {
                        result = finish(TrainingStatus.CONVERGED, epoch, "reached target loss " + config.targetLoss()
                                + " in epoch " + epoch, null);
                    } else if (end.trainAccuracy() >= config.targetAccuracy()) {
                        result = finish(TrainingStatus.CONVERGED, epoch, "reached target accuracy "
                                + config.targetAccuracy() + " in epoch " + epoch, null);
                    } else if (test != null && config.patience() > 0) {
                        if (end.testLoss() < bestTestLoss) {
                            bestTestLoss = end.testLoss();
                            epochsWithoutImprovement = 0;
                        } else if (++epochsWithoutImprovement >= config.patience()) {
                            result = finish(TrainingStatus.COMPLETED, epoch, "early stopping: test loss did not improve for "
                                    + config.patience() + " epochs (best " + bestTestLoss + ")", null);
                        }
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
        private TrainingResult runEpoch(int epoch) {
            Arrays.fill(gradientSquares, 0);
            for (int b = 0; b < batches; b++) {
                if (token.isCancelled()) {
                    return finish(TrainingStatus.CANCELLED, epoch, "cancelled in epoch " + epoch + " before batch "
                            + (b + 1), null);
                }
                boolean lastBatch = b == batches - 1;
                Matrix bx = lastBatch ? xLast : x;
                Matrix bt = lastBatch ? tLast : t;
                train.copyBatch(order, b * batchSize, bx, bt);
                double value = network.computeGradients(bx, bt, loss);
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
                        trainEval.deadFraction[layerIndex[i]]));
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
            EpochEnd lastEpoch = history.isEmpty() ? null : history.get(history.size() - 1);
            return new TrainingResult(status, epoch,
                    lastEpoch == null ? Double.NaN : lastEpoch.trainLoss(),
                    lastEpoch == null ? Double.NaN : lastEpoch.trainAccuracy(),
                    lastEpoch == null ? Double.NaN : lastEpoch.testLoss(),
                    lastEpoch == null ? Double.NaN : lastEpoch.testAccuracy(),
                    message, layer, Collections.unmodifiableList(new ArrayList<>(history)));
        }
    }
}

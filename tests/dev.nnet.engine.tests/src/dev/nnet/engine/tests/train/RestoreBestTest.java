package dev.nnet.engine.tests.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.optim.Adam;
import dev.nnet.engine.train.MetricStop;
import dev.nnet.engine.train.Trainer;
import dev.nnet.engine.train.TrainingConfig;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingStatus;
import org.junit.jupiter.api.Test;

/** Early stopping keeps the best held-out epoch's weights; stop rules watch held-out regression metrics. */
class RestoreBestTest {
    private static final double[][] X = { { -1 }, { -0.5 }, { 0 }, { 0.5 }, { 1 }, { 1.5 } };

    private static DataSet data(double sign) {
        double[][] t = new double[X.length][1];
        for (int i = 0; i < X.length; i++) {
            t[i][0] = sign * (0.8 * X[i][0] + 0.3);
        }
        return DataSet.of(X, t);
    }

    private static Network net() {
        return NetworkSpec.builder(1).dense("h", 6, Activations.tanh()).dense("out", 1, Activations.identity()).build()
                .build(Precision.FLOAT64, 11);
    }

    private static TrainingConfig.Builder config() {
        return TrainingConfig.builder(Losses.meanSquaredError()).optimizer(new Adam(0.02)).batchSize(2).seed(5)
                .maxEpochs(300).heldOutName("validation");
    }

    @Test
    void earlyStoppingRestoresTheBestValidationEpoch() {
        // validation targets are the mirror image of the training targets: validation loss rises as training fits
        Network trained = net();
        TrainingResult r = new Trainer(trained, config().earlyStopping(4).build()).train(data(1), data(-1), dev.nnet.engine.train.TrainingListener.NONE,
                new dev.nnet.engine.train.CancellationToken());
        assertEquals(TrainingStatus.COMPLETED, r.status(), r.message());
        assertTrue(r.message().startsWith("early stopping: validation loss did not improve for 4 epochs"), r.message());
        int best = Integer.parseInt(r.message().replaceAll(".*restored the weights of epoch (\\d+) .*", "$1"));
        assertTrue(best < r.epochs(), r.message());
        assertEquals(r.history().get(best - 1).testLoss(), r.testLoss());
        // the same training stopped at the best epoch has bit-identical weights
        Network reference = net();
        new Trainer(reference, config().maxEpochs(best).build()).train(data(1));
        assertEquals(ModelIO.toJson(reference), ModelIO.toJson(trained));

        Network last = net();
        TrainingResult kept = new Trainer(last, config().earlyStopping(4).restoreBest(false).build()).train(data(1),
                data(-1), dev.nnet.engine.train.TrainingListener.NONE, new dev.nnet.engine.train.CancellationToken());
        assertTrue(kept.message().endsWith("kept the last weights"), kept.message());
        assertEquals(kept.history().get(kept.history().size() - 1).testLoss(), kept.testLoss());
    }

    @Test
    void stopRulesWatchValidationMetrics() {
        TrainingResult r = new Trainer(net(), config().stopWhen(new MetricStop("mae", true, true, 0.05)).build())
                .train(data(1), data(1), dev.nnet.engine.train.TrainingListener.NONE, new dev.nnet.engine.train.CancellationToken());
        assertEquals(TrainingStatus.CONVERGED, r.status(), r.message());
        assertTrue(r.message().matches("reached validation mae <= 0\\.05 in epoch \\d+"), r.message());
        TrainingResult r2 = new Trainer(net(), config().stopWhen(new MetricStop("r2", false, false, 0.99)).build())
                .train(data(1), null, dev.nnet.engine.train.TrainingListener.NONE, new dev.nnet.engine.train.CancellationToken());
        assertEquals(TrainingStatus.CONVERGED, r2.status(), r2.message());
        assertTrue(r2.epochs() < 300, r2.message());
    }
}

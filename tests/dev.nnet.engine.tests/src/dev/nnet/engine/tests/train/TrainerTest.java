package dev.nnet.engine.tests.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.data.Standardizer;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.optim.LearningRateSchedule;
import dev.nnet.engine.optim.Sgd;
import dev.nnet.engine.tests.TestData;
import dev.nnet.engine.train.CancellationToken;
import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.LayerStats;
import dev.nnet.engine.train.Trainer;
import dev.nnet.engine.train.TrainingBegin;
import dev.nnet.engine.train.TrainingConfig;
import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listener events, stop rules, statuses, divergence and cancellation. */
class TrainerTest {
    private static DataSet iris;

    @BeforeAll
    static void load() throws Exception {
        DataSet raw = CsvLoader.file(TestData.file("iris.csv")).load();
        iris = Standardizer.fit(raw).apply(raw);
    }

    private static Network net(long seed) {
        return NetworkSpec.builder(4).dense(8, Activations.relu()).dense(3, Activations.softmax()).build()
                .build(Precision.FLOAT32, seed);
    }

    /** Records every event. */
    private static class Recorder implements TrainingListener {
        TrainingBegin begin;
        int batches;
        final List<EpochEnd> epochs = new ArrayList<>();
        TrainingResult end;

        @Override
        public void onTrainingBegin(TrainingBegin event) {
            begin = event;
        }

        @Override
        public void onBatchEnd(int epoch, int batch, double loss) {
            batches++;
            assertTrue(Double.isFinite(loss));
        }

        @Override
        public void onEpochEnd(EpochEnd event) {
            epochs.add(event);
        }

        @Override
        public void onTrainingEnd(TrainingResult result) {
            end = result;
        }
    }

    @Test
    void listenerReceivesAllEventsWithStatistics() {
        DataSet.Split split = iris.split(0.8, 1);
        Recorder rec = new Recorder();
        TrainingConfig config = TrainingConfig.builder(Losses.softmaxCrossEntropy()).optimizer(new Sgd(0.1))
                .batchSize(25).maxEpochs(4).schedule(LearningRateSchedule.step(2, 0.5)).build();
        TrainingResult result = new Trainer(net(1), config).train(split.train(), split.test(), rec, new CancellationToken());
        assertEquals(TrainingStatus.COMPLETED, result.status());
        assertEquals(4, result.epochs());
        assertEquals(120, rec.begin.trainRows());
        assertEquals(30, rec.begin.testRows());
        assertEquals(5, rec.begin.batchesPerEpoch());
        assertEquals(20, rec.batches);
        assertEquals(4, rec.epochs.size());
        assertEquals(result, rec.end);
        assertEquals(0.1, rec.epochs.get(1).learningRate(), 1e-15);
        assertEquals(0.05, rec.epochs.get(2).learningRate(), 1e-15);
        EpochEnd last = rec.epochs.get(3);
        assertTrue(last.testAccuracy() > 0.5 && last.trainAccuracy() > 0.5, last.toString());
        assertTrue(rec.epochs.get(0).trainLoss() > last.trainLoss());
        assertEquals(2, last.layers().size());
        LayerStats hidden = last.layers().get(0);
        assertEquals("dense1", hidden.layer());
        assertTrue(hidden.gradientNorm() > 0 && hidden.weightNorm() > 0 && hidden.updateRatio() > 0
                && hidden.updateRatio() < 1, hidden.toString());
        assertTrue(hidden.deadFraction() >= 0 && hidden.deadFraction() <= 1);
        assertTrue(Double.isNaN(last.layers().get(1).deadFraction()), "softmax layer has no dead-unit statistic");
    }

    @Test
    void deadReluUnitsAreCounted() {
        Network net = net(2);
        net.layers().get(0).bias().fill(-100);
        Recorder rec = new Recorder();
        TrainingConfig config = TrainingConfig.builder(Losses.softmaxCrossEntropy()).optimizer(new Sgd(0.01))
                .maxEpochs(1).build();
        new Trainer(net, config).train(iris, null, rec, new CancellationToken());
        assertEquals(1.0, rec.epochs.get(0).layers().get(0).deadFraction());
    }

    @Test
    void targetLossAndAccuracyConvergeOrNot() {
        TrainingConfig reach = TrainingConfig.builder(Losses.softmaxCrossEntropy()).optimizer(new Sgd(0.1, 0.9, false, 0))
                .batchSize(16).maxEpochs(200).targetAccuracy(0.9).build();
        TrainingResult ok = new Trainer(net(3), reach).train(iris);
        assertEquals(TrainingStatus.CONVERGED, ok.status(), ok.message());
        assertTrue(ok.trainAccuracy() >= 0.9);
        TrainingConfig never = TrainingConfig.builder(Losses.softmaxCrossEntropy()).optimizer(new Sgd(0.001))
                .batchSize(TrainingConfig.FULL_BATCH).maxEpochs(3).targetLoss(1e-6).build();
        TrainingResult no = new Trainer(net(3), never).train(iris);
        assertEquals(TrainingStatus.NOT_CONVERGED, no.status());
        assertEquals(3, no.epochs());
        TrainingConfig loss = TrainingConfig.builder(Losses.softmaxCrossEntropy()).optimizer(new Sgd(0.01, 0.9, false, 0))
                .batchSize(1).maxEpochs(50).targetLoss(0.3).build();
        TrainingResult byLoss = new Trainer(net(3), loss).train(iris);
        assertEquals(TrainingStatus.CONVERGED, byLoss.status(), byLoss.message() + ", loss " + byLoss.trainLoss());
        assertTrue(byLoss.trainLoss() <= 0.3);
    }

    @Test
    void earlyStoppingOnTestLoss() {
        DataSet.Split split = iris.split(0.5, 3);
        TrainingConfig config = TrainingConfig.builder(Losses.softmaxCrossEntropy()).optimizer(new Sgd(0.5, 0.9, false, 0))
                .batchSize(1).maxEpochs(500).earlyStopping(3).build();
        TrainingResult r = new Trainer(net(4), config).train(split.train(), split.test(), TrainingListener.NONE,
                new CancellationToken());
        assertEquals(TrainingStatus.COMPLETED, r.status());
        assertTrue(r.epochs() < 500, "stopped early after " + r.epochs());
        assertTrue(r.message().startsWith("early stopping"), r.message());
    }

    @Test
    void divergenceStopsInTheSameBatch() {
        Recorder rec = new Recorder();
        Network net = NetworkSpec.builder(4).dense(8, Activations.identity()).dense(1, Activations.identity()).build()
                .build(Precision.FLOAT32, 1);
        double[][] x = TestData.featureRows(iris);
        double[][] t = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            t[i][0] = 1000 * iris.classOf(i);
        }
        TrainingConfig config = TrainingConfig.builder(Losses.meanSquaredError()).optimizer(new Sgd(10))
                .batchSize(10).maxEpochs(100).build();
        TrainingResult r = new Trainer(net, config).train(DataSet.of(x, t), null, rec, new CancellationToken());
        assertEquals(TrainingStatus.DIVERGED, r.status());
        assertNotNull(r.affectedLayer());
        assertTrue(r.message().contains("lower the learning rate") && r.message().contains("epoch " + r.epochs()),
                r.message());
        assertEquals(rec.epochs.size(), r.epochs() - 1, "no epoch-end event for the diverged epoch");
    }

    @Test
    void cancellationStopsBeforeTheNextBatch() {
        CancellationToken token = new CancellationToken();
        Recorder rec = new Recorder() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                super.onBatchEnd(epoch, batch, loss);
                if (epoch == 2 && batch == 3) {
                    token.cancel();
                }
            }
        };
        TrainingConfig config = TrainingConfig.builder(Losses.softmaxCrossEntropy()).batchSize(10).maxEpochs(50).build();
        TrainingResult r = new Trainer(net(5), config).train(iris, null, rec, token);
        assertEquals(TrainingStatus.CANCELLED, r.status());
        assertEquals(2, r.epochs());
        assertEquals(15 + 3, rec.batches);
    }

    @Test
    void illegalCombinationsAreRefusedUpFront() {
        TrainingConfig ce = TrainingConfig.builder(Losses.softmaxCrossEntropy()).build();
        Network sigmoidOut = NetworkSpec.builder(4).dense(3, Activations.sigmoid()).build().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(sigmoidOut, ce).train(iris));
        assertTrue(e.getMessage().contains("softmax"), e.getMessage());
        Network wrongInputs = NetworkSpec.builder(5).dense(3, Activations.softmax()).build().build();
        assertThrows(IllegalArgumentException.class, () -> new Trainer(wrongInputs, ce).train(iris));
    }
}

package dev.nnet.engine.tests.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import dev.nnet.engine.io.CheckpointIO;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.optim.AdaGrad;
import dev.nnet.engine.optim.Adam;
import dev.nnet.engine.optim.LearningRateSchedule;
import dev.nnet.engine.optim.Optimizer;
import dev.nnet.engine.optim.RmsProp;
import dev.nnet.engine.optim.Sgd;
import dev.nnet.engine.tests.TestData;
import dev.nnet.engine.train.EpochPlan;
import dev.nnet.engine.train.CancellationToken;
import dev.nnet.engine.train.Trainer;
import dev.nnet.engine.train.TrainingConfig;
import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingState;
import dev.nnet.engine.train.TrainingStatus;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ten epochs, a checkpoint written to JSON and read back, ten more: bit-identical to twenty epochs in one go, for
 * every optimizer in both precisions, with a schedule and shuffling; also from a checkpoint made on cancel mid-epoch.
 */
class ResumeTest {
    private static DataSet iris;

    @BeforeAll
    static void load() throws Exception {
        DataSet raw = CsvLoader.file(TestData.file("iris.csv")).load();
        iris = Standardizer.fit(raw).apply(raw);
    }

    private static final List<Supplier<Optimizer>> OPTIMIZERS = List.of(() -> new Sgd(0.05, 0, false, 0.001),
            () -> new Sgd(0.05, 0.9, false, 0), () -> new Sgd(0.05, 0.9, true, 0), () -> new AdaGrad(0.05, 1e-10, 0),
            () -> new RmsProp(0.01, 0.99, 1e-8, 0.0001), () -> new Adam(0.01));

    private static Network net(Precision p) {
        return NetworkSpec.builder(4).dense("h", 8, Activations.tanh()).dense("out", 3, Activations.softmax()).build()
                .build(p, 21);
    }

    private static TrainingConfig config(Optimizer o, int epochs, int every) {
        return TrainingConfig.builder(Losses.softmaxCrossEntropy()).optimizer(o).batchSize(16).shuffle(true).seed(9)
                .schedule(LearningRateSchedule.step(3, 0.7)).maxEpochs(epochs).checkpointEvery(every).build();
    }

    /** Keeps the last checkpoint as JSON text (what a file would hold). */
    private static final class Keeper implements TrainingListener {
        String json;
        Network network;
        String optimizer;
        CancellationToken cancelAt;
        int cancelEpoch;
        int cancelBatch;

        @Override
        public void onBatchEnd(int epoch, int batch, double loss) {
            if (cancelAt != null && epoch == cancelEpoch && batch == cancelBatch) {
                cancelAt.cancel();
            }
        }

        @Override
        public void onCheckpoint(TrainingState state) {
            json = CheckpointIO.toJson(network, optimizer, state);
        }
    }

    @Test
    void tenPlusTenEqualsTwentyForEveryOptimizerAndPrecision() throws ModelFormatException {
        for (Precision p : Precision.values()) {
            for (Supplier<Optimizer> o : OPTIMIZERS) {
                Network whole = net(p);
                new Trainer(whole, config(o.get(), 20, 0)).train(iris);
                Network first = net(p);
                Keeper keeper = new Keeper();
                keeper.network = first;
                keeper.optimizer = o.get().name();
                new Trainer(first, config(o.get(), 10, 10)).train(iris, null, keeper, new CancellationToken());
                assertNotNull(keeper.json, o.get() + " " + p);
                CheckpointIO.Checkpoint c = CheckpointIO.fromJson(keeper.json, "c.json");
                assertEquals(11, c.state().epoch());
                // the plan other executors use visits the samples in the trainer's order
                EpochPlan plan = new EpochPlan(config(o.get(), 20, 0), iris.rows());
                for (int e = 0; e < 10; e++) {
                    plan.nextEpoch();
                }
                assertArrayEquals(plan.order(), c.state().order());
                Network resumed = net(p);
                resumed.copyParametersFrom(c.network());
                TrainingResult r = new Trainer(resumed, config(o.get(), 20, 0)).train(iris, null, TrainingListener.NONE,
                        new CancellationToken(), c.state());
                assertEquals(10, r.history().size(), o.get() + " " + p);
                assertEquals(ModelIO.toJson(whole), ModelIO.toJson(resumed), o.get() + " " + p);
            }
        }
    }

    @Test
    void aCheckpointOnCancelMidEpochResumesBitIdentically() throws ModelFormatException {
        for (Precision p : Precision.values()) {
            Network whole = net(p);
            new Trainer(whole, config(new Adam(0.01), 12, 0)).train(iris);
            Network first = net(p);
            Keeper keeper = new Keeper();
            keeper.network = first;
            keeper.optimizer = "adam";
            keeper.cancelAt = new CancellationToken();
            keeper.cancelEpoch = 5;
            keeper.cancelBatch = 4;
            TrainingResult cancelled = new Trainer(first, config(new Adam(0.01), 12, 0)).train(iris, null, keeper,
                    keeper.cancelAt);
            assertEquals(TrainingStatus.CANCELLED, cancelled.status());
            CheckpointIO.Checkpoint c = CheckpointIO.fromJson(keeper.json, "c.json");
            assertEquals(5, c.state().epoch());
            assertEquals(4, c.state().batch());
            assertTrue(c.state().inEpoch());
            Network resumed = net(p);
            resumed.copyParametersFrom(c.network());
            new Trainer(resumed, config(new Adam(0.01), 12, 0)).train(iris, null, TrainingListener.NONE,
                    new CancellationToken(), c.state());
            assertEquals(ModelIO.toJson(whole), ModelIO.toJson(resumed), p.toString());
        }
    }

    @Test
    void corruptOrMismatchedCheckpointsAreLocated() throws ModelFormatException {
        Network first = net(Precision.FLOAT32);
        Keeper keeper = new Keeper();
        keeper.network = first;
        keeper.optimizer = "adam";
        new Trainer(first, config(new Adam(0.01), 2, 2)).train(iris, null, keeper, new CancellationToken());
        String json = keeper.json;
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> CheckpointIO.fromJson(json.replace("\"epoch\": 3", "\"epoch\": -3"), "c.json"));
        assertTrue(e.getMessage().matches("c\\.json:\\d+:\\d+: checkpoint: \"epoch\" must be a whole number >= 1, found -3"),
                e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> CheckpointIO.fromJson(json.substring(0, json.length() / 2),
                "c.json"));
        assertTrue(e.getMessage().startsWith("c.json:"), e.getMessage());
        CheckpointIO.Checkpoint c = CheckpointIO.fromJson(json, "c.json");
        DataSet half = iris.subset(new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 });
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(net(Precision.FLOAT32), config(new Adam(0.01), 4, 0)).train(half, null,
                        TrainingListener.NONE, new CancellationToken(), c.state()));
        assertTrue(wrong.getMessage().startsWith("the checkpoint does not fit: it has 150 training samples"),
                wrong.getMessage());
    }
}

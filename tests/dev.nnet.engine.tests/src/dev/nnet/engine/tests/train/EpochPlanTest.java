package dev.nnet.engine.tests.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.train.EpochPlan;
import dev.nnet.engine.train.TrainingConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The sample order of a training: batches cover every sample once per epoch, the same seed gives the same order. */
class EpochPlanTest {

    private static TrainingConfig config(int batch, boolean shuffle, long seed) {
        return TrainingConfig.builder(Losses.meanSquaredError()).batchSize(batch).shuffle(shuffle).seed(seed).build();
    }

    @Test
    void batchesCoverEverySampleOncePerEpochWithAShorterLastBatch() {
        EpochPlan plan = new EpochPlan(config(32, true, 5), 100);
        assertEquals(4, plan.batches());
        assertEquals(32, plan.batchRows(0));
        assertEquals(4, plan.batchRows(3));
        assertEquals(96, plan.batchStart(3));
        for (int epoch = 1; epoch <= 3; epoch++) {
            plan.nextEpoch();
            assertEquals(epoch, plan.epoch());
            int[] sorted = plan.order().clone();
            Arrays.sort(sorted);
            for (int i = 0; i < 100; i++) {
                assertEquals(i, sorted[i]);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        EpochPlan a = new EpochPlan(config(10, true, 7), 50);
        EpochPlan b = new EpochPlan(config(10, true, 7), 50);
        EpochPlan c = new EpochPlan(config(10, true, 8), 50);
        for (int epoch = 0; epoch < 3; epoch++) {
            a.nextEpoch();
            b.nextEpoch();
            c.nextEpoch();
            assertArrayEquals(a.order(), b.order());
            assertFalse(Arrays.equals(a.order(), c.order()));
        }
    }

    @Test
    void fullBatchWithoutShuffleKeepsTheFileOrder() {
        EpochPlan plan = new EpochPlan(config(TrainingConfig.FULL_BATCH, false, 1), 7);
        plan.nextEpoch();
        assertEquals(1, plan.batches());
        assertEquals(7, plan.batchRows(0));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, plan.order());
    }

    @Test
    void noSamplesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EpochPlan(config(4, true, 1), 0));
    }
}

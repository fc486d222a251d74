package dev.nnet.engine.tests.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.io.CheckpointIO;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.io.ModelMetadata;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.optim.Adam;
import dev.nnet.engine.train.TrainingState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Saving writes the JSON in pieces as it is made: the files are byte for byte the text of {@code toJson}, for files of
 * many pieces, layer names outside the Basic Multilingual Plane and checkpoints with optimizer state.
 */
class StreamingSaveTest {
    /** About 19,000 parameters: several 64 KB pieces of text. */
    private static Network network(Precision precision) {
        return NetworkSpec.builder(40).dense("h\uD83D\uDE00é", 400, Activations.tanh()).batchNorm("bn")
                .dense("out", 7, Activations.softmax()).build().build(precision, 3);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aSavedModelIsItsJsonText(Precision precision, @TempDir Path dir) throws Exception {
        Network net = network(precision);
        Path v1 = dir.resolve("v1.json");
        Path v2 = dir.resolve("v2.json");
        ModelIO.save(net, v1);
        ModelIO.save(net, ModelMetadata.NONE, v2);
        byte[] expected = ModelIO.toJson(net).getBytes(StandardCharsets.UTF_8);
        assertTrue(expected.length > 2 * 65536, "the file spans several pieces: " + expected.length);
        assertArrayEquals(expected, Files.readAllBytes(v1));
        assertArrayEquals(ModelIO.toJson(net, ModelMetadata.NONE).getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(v2));
        assertEquals(ModelIO.toJson(net), ModelIO.toJson(ModelIO.load(v1)));
    }

    @Test
    void aSavedCheckpointIsItsJsonText(@TempDir Path dir) throws Exception {
        Network net = network(Precision.FLOAT32);
        Matrix x = Matrix.zeros(Precision.FLOAT32, 4, 40);
        Matrix t = Matrix.zeros(Precision.FLOAT32, 4, 7);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, Math.sin(i));
        }
        for (int r = 0; r < 4; r++) {
            t.set(r, r, 1);
        }
        Adam adam = new Adam(0.01);
        net.computeGradients(x, t, Losses.softmaxCrossEntropy());
        adam.step(net);
        int[] order = new int[30_000];
        for (int i = 0; i < order.length; i++) {
            order[i] = order.length - 1 - i;
        }
        TrainingState state = new TrainingState(2, true, 1, new long[] { 1, 2, 3, 4, 5, 6 }, order,
                adam.exportState(), 0.25, 1);
        Path file = dir.resolve("c.json");
        CheckpointIO.save(file, net, "adam", state);
        assertArrayEquals(CheckpointIO.toJson(net, "adam", state).getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(file));
        assertEquals(ModelIO.toJson(net), ModelIO.toJson(CheckpointIO.load(file).network()));
    }

    @Test
    void aNonFiniteValueLeavesTheOldFileUnchanged(@TempDir Path dir) throws Exception {
        Network net = network(Precision.FLOAT64);
        Path file = dir.resolve("m.json");
        ModelIO.save(net, file);
        byte[] before = Files.readAllBytes(file);
        net.parameters().get(2).value().set(5, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> ModelIO.save(net, file));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }
}

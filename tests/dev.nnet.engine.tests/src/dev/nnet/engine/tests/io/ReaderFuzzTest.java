package dev.nnet.engine.tests.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.CsvException;
import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.io.CheckpointIO;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.optim.Optimizer;
import dev.nnet.engine.tests.TestData;
import dev.nnet.engine.train.TrainingState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the CSV, model and checkpoint readers: byte flips, insertions of odd bytes and brackets,
 * duplicated and deleted ranges, truncation. Every mutant loads or fails with the reader's own exception naming the file;
 * nothing else may escape.
 */
class ReaderFuzzTest {
    private static final int MUTANTS = 1500;
    private static final byte[][] INSERTS = {{0}, {(byte) 0xE9}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {'\r'},
        "0x1p3".getBytes(StandardCharsets.US_ASCII), "1e400".getBytes(StandardCharsets.US_ASCII),
        "[".repeat(200).getBytes(StandardCharsets.US_ASCII), "{\"a\":".repeat(100).getBytes(StandardCharsets.US_ASCII),
        ",,,".getBytes(StandardCharsets.US_ASCII), "\"".getBytes(StandardCharsets.US_ASCII), {'\n', '\n'},
        "-".getBytes(StandardCharsets.US_ASCII), "NaN".getBytes(StandardCharsets.US_ASCII)};

    @TempDir
    Path dir;

    static byte[] mutate(byte[] original, Random r) {
        byte[] b = original;
        int steps = 1 + r.nextInt(3);
        for (int s = 0; s < steps && b.length > 0; s++) {
            int i = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0 -> {
                    b = b.clone();
                    b[i] = (byte) r.nextInt(256);
                }
                case 1 -> {
                    byte[] ins = INSERTS[r.nextInt(INSERTS.length)];
                    byte[] out = new byte[b.length + ins.length];
                    System.arraycopy(b, 0, out, 0, i);
                    System.arraycopy(ins, 0, out, i, ins.length);
                    System.arraycopy(b, i, out, i + ins.length, b.length - i);
                    b = out;
                }
                case 2 -> {
                    int end = Math.min(b.length, i + 1 + r.nextInt(40));
                    byte[] out = new byte[b.length - (end - i)];
                    System.arraycopy(b, 0, out, 0, i);
                    System.arraycopy(b, end, out, i, b.length - end);
                    b = out;
                }
                case 3 -> {
                    int end = Math.min(b.length, i + 1 + r.nextInt(40));
                    byte[] out = new byte[b.length + (end - i)];
                    System.arraycopy(b, 0, out, 0, end);
                    System.arraycopy(b, i, out, end, b.length - i);
                    b = out;
                }
                default -> b = Arrays.copyOf(b, i);
            }
        }
        return b;
    }

    @Test
    void mutatedCsvFilesLoadOrFailWithALocatedCsvException() throws IOException {
        byte[] iris = Files.readAllBytes(TestData.file("iris.csv"));
        Random r = new Random(1201);
        Path file = dir.resolve("fuzz.csv");
        int failures = 0;
        for (int n = 0; n < MUTANTS; n++) {
            byte[] mutant = mutate(iris, r);
            Files.write(file, mutant);
            try {
                CsvLoader.file(file).label("label").load();
            } catch (CsvException e) {
                failures++;
                assertTrue(e.getMessage().startsWith(file.toString() + ":"), e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                fail("CSV mutant " + n + " threw " + e + "\n" + new String(mutant, StandardCharsets.ISO_8859_1), e);
            }
        }
        assertTrue(failures > MUTANTS / 10, "the mutations should break many files: " + failures);
    }

    @Test
    void mutatedModelFilesLoadOrFailWithALocatedModelFormatException() throws IOException {
        byte[] model = ModelIO.toJson(NetworkSpec.builder(3).dense("h", 4, Activations.leakyRelu(0.1))
                .dense("out", 2, Activations.softmax()).build().build()).getBytes(StandardCharsets.UTF_8);
        Random r = new Random(1202);
        Path file = dir.resolve("fuzz.json");
        int failures = 0;
        for (int n = 0; n < MUTANTS; n++) {
            byte[] mutant = mutate(model, r);
            Files.write(file, mutant);
            try {
                ModelIO.load(file);
            } catch (ModelFormatException e) {
                failures++;
                assertTrue(e.getMessage().startsWith(file.toString() + ":"), e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                fail("model mutant " + n + " threw " + e + "\n" + new String(mutant, StandardCharsets.ISO_8859_1), e);
            }
        }
        assertTrue(failures > MUTANTS / 2, "the mutations should break most files: " + failures);
    }

    @Test
    void mutatedCheckpointsLoadOrFailWithALocatedModelFormatException() throws IOException {
        Network net = NetworkSpec.builder(3).dense("h", 4, Activations.tanh()).dense("out", 2, Activations.softmax())
                .build().build();
        double[][] a = {new double[12], new double[4], new double[8], new double[2]};
        double[][] b = {new double[12], new double[4], new double[8], new double[2]};
        Random values = new Random(1203);
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a[i].length; k++) {
                a[i][k] = values.nextGaussian() * 1e-3;
                b[i][k] = values.nextDouble() * 1e-6;
            }
        }
        TrainingState state = new TrainingState(2, true, 3, new long[] {1, -2, 3, Long.MAX_VALUE, 5, Long.MIN_VALUE},
                new int[] {2, 0, 1}, new Optimizer.State(7, a, b), 0.25, 1);
        byte[] checkpoint = CheckpointIO.toJson(net, "adam", state).getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("fuzz-checkpoint.json");
        Files.write(file, checkpoint);
        CheckpointIO.Checkpoint intact = CheckpointIO.load(file);
        assertArrayEquals(b[2], intact.state().optimizer().b()[2]);
        assertArrayEquals(state.shuffle(), intact.state().shuffle());
        Random r = new Random(1204);
        int failures = 0;
        for (int n = 0; n < MUTANTS; n++) {
            byte[] mutant = mutate(checkpoint, r);
            Files.write(file, mutant);
            try {
                CheckpointIO.load(file);
            } catch (ModelFormatException e) {
                failures++;
                assertTrue(e.getMessage().startsWith(file.toString() + ":"), e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                fail("checkpoint mutant " + n + " threw " + e + "\n"
                        + new String(mutant, StandardCharsets.ISO_8859_1), e);
            }
        }
        assertTrue(failures > MUTANTS / 2, "the mutations should break most files: " + failures);
    }
}

package dev.nnet.bench;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.io.ModelPredictor;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * W8: inference. {@code generate DIR} writes the W8 models (float32, seeded random weights: inference time does not
 * depend on their values): {@code iris.json} 4-16(tanh)-3(softmax) and {@code digits.json} 64-128-64(ReLU)-10(softmax).
 * {@code run MODEL.json NAME} loads one the way {@code nnet predict} does and measures, after a warm-up, the
 * throughput at batch 256 (samples/s over at least 1 s) and the latency at batch 1 (median and 99th percentile of
 * 20,000 calls) of {@link Network#forward} on a reused input matrix (the engine's inference path), plus the
 * throughput of {@link ModelPredictor#outputs} (rows of doubles in and out, as the CLI calls it).
 */
public final class InferenceBench {
    private InferenceBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("generate")) {
            Path dir = Path.of(args[1]);
            ModelIO.save(NetworkSpec.builder(4).dense("hidden", 16, Activations.tanh())
                    .dense("species", 3, Activations.softmax()).build().build(Precision.FLOAT32, 42), dir.resolve("iris.json"));
            ModelIO.save(NetworkSpec.builder(64).dense("hidden1", 128, Activations.relu())
                    .dense("hidden2", 64, Activations.relu()).dense("digit", 10, Activations.softmax()).build()
                    .build(Precision.FLOAT32, 42), dir.resolve("digits.json"));
            return;
        }
        String name = args[2];
        ModelPredictor predictor = new ModelPredictor(ModelIO.loadModel(Path.of(args[1])));
        Network network = predictor.network();
        SplittableRandom random = new SplittableRandom(1);
        Matrix big = Matrix.zeros(Precision.FLOAT32, 256, network.inputs());
        Matrix one = Matrix.zeros(Precision.FLOAT32, 1, network.inputs());
        for (int r = 0; r < 256; r++) {
            for (int c = 0; c < network.inputs(); c++) {
                big.set(r, c, random.nextDouble());
            }
        }
        for (int c = 0; c < network.inputs(); c++) {
            one.set(0, c, big.get(0, c));
        }
        double sink = 0;
        for (int i = 0; i < 3000; i++) {
            sink += network.forward(big).get(0, 0) + network.forward(one).get(0, 0);
        }
        long calls = 0;
        long t0 = System.nanoTime();
        long t;
        do {
            for (int i = 0; i < 100; i++) {
                sink += network.forward(big).get(0, 0);
            }
            calls += 100;
            t = System.nanoTime();
        } while (t - t0 < 1_000_000_000L);
        double throughput = 256.0 * calls / ((t - t0) / 1e9);
        long[] lat = new long[20_000];
        for (int i = 0; i < lat.length; i++) {
            long s = System.nanoTime();
            sink += network.forward(one).get(0, 0);
            lat[i] = System.nanoTime() - s;
        }
        Arrays.sort(lat);
        double[][] rows = new double[256][network.inputs()];
        for (int r = 0; r < 256; r++) {
            for (int c = 0; c < network.inputs(); c++) {
                rows[r][c] = big.get(r, c);
            }
        }
        for (int i = 0; i < 300; i++) {
            sink += predictor.outputs(rows)[0][0];
        }
        calls = 0;
        t0 = System.nanoTime();
        do {
            for (int i = 0; i < 20; i++) {
                sink += predictor.outputs(rows)[0][0];
            }
            calls += 20;
            t = System.nanoTime();
        } while (t - t0 < 1_000_000_000L);
        double predictorThroughput = 256.0 * calls / ((t - t0) / 1e9);
        Bench.emit("W8_" + name + "_b256", "float32", 1, 256 / throughput, 256 / throughput, throughput, null, null,
                "predictor_samples_per_s", predictorThroughput, "checksum", sink);
        Bench.emit("W8_" + name + "_b1", "float32", 1, lat[lat.length / 2] / 1e9, lat[lat.length / 2] / 1e9,
                1e9 / lat[lat.length / 2], null, null, "latency_us_median", lat[lat.length / 2] / 1e3,
                "latency_us_p99", lat[lat.length * 99 / 100] / 1e3);
    }
}

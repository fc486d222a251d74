package dev.nnet.bench;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.layer.Padding;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.matrix.VectorSupport;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Workload W6 (issue 13): the Digits CNN's training loop, the same as {@code bench/w6_torch_cnn.py} runs on
 * PyTorch. Input 1x8x8 (features / 16; rows with index % 5 == 4 are test), conv2d 16 3x3 same relu, max_pool 2,
 * conv2d 32 3x3 same relu, max_pool 2, flatten, dense 64 relu, dense 10 softmax; cross-entropy, batch 32, SGD
 * lr 0.05, a fresh permutation per epoch (the loop of W3). Three throwaway epochs to warm up (as W3), then two timed runs of
 * {@value #EPOCHS} epochs (or {@code --epochs}); prints one JSON line per thread count in the anchors' schema. Not a
 * test. Usage: {@code CnnBench --data DIR [--threads 1,2] [--epochs N]}.
 */
public final class CnnBench {
    static final int EPOCHS = 5;

    private CnnBench() {
    }

    static NetworkSpec spec() {
        return NetworkSpec.builder(Shape.image(1, 8, 8)).conv2d("conv1", 16, 3, 1, Padding.SAME, Activations.relu())
                .maxPool("pool1", 2, 2).conv2d("conv2", 32, 3, 1, Padding.SAME, Activations.relu())
                .maxPool("pool2", 2, 2).flatten("flat").dense("hidden", 64, Activations.relu())
                .dense("out", 10, Activations.softmax()).build();
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("examples/data");
        int[] threads = {1, 2};
        int epochs = EPOCHS;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--data")) {
                data = Path.of(args[i + 1]);
            } else if (args[i].equals("--epochs")) {
                epochs = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--threads")) {
                threads = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
            }
        }
        DataSet all = CsvLoader.file(data.resolve("digits.csv")).label("label").load();
        double[][] f = new double[all.rows()][all.featureCount()];
        for (int r = 0; r < all.rows(); r++) {
            for (int c = 0; c < all.featureCount(); c++) {
                f[r][c] = all.feature(r, c) / 16.0;
            }
        }
        DataSet scaled = DataSet.ofClasses(f, all.classes(), all.targetCount());
        DataSet train = scaled.subset(java.util.stream.IntStream.range(0, all.rows()).filter(i -> i % 5 != 4).toArray());
        DataSet test = scaled.subset(java.util.stream.IntStream.range(0, all.rows()).filter(i -> i % 5 == 4).toArray());
        NetworkSpec spec = spec();
        for (int t : threads) {
            Network warm = spec.build(Precision.FLOAT32, Workloads.SEED + 1);
            warm.setThreads(t);
            Workloads.trainCrossEntropy(warm, train, 32, 0.05, 3, Workloads.SEED + 1);
            warm.setThreads(1);
            double best = Double.POSITIVE_INFINITY;
            double sum = 0;
            Network net = null;
            for (int rep = 0; rep < 2; rep++) {
                net = spec.build(Precision.FLOAT32, Workloads.SEED);
                net.setThreads(t);
                double s = Workloads.trainCrossEntropy(net, train, 32, 0.05, epochs, Workloads.SEED).seconds;
                net.setThreads(1);
                best = Math.min(best, s);
                sum += s;
            }
            double trainLoss = Workloads.evaluate(net, train)[0];
            double testAcc = Workloads.evaluate(net, test)[1];
            System.out.println(String.format(Locale.ROOT, "{\"system\": \"nnet\", \"version\": \"0.1.0\", \"workload\":"
                    + " \"W6_digits_cnn\", \"dtype\": \"float32\", \"threads\": %d, \"seconds\": %.6g,"
                    + " \"seconds_median\": %.6g, \"samples_per_s\": %.6g, \"final_loss\": %.6g, \"accuracy\": %.6g,"
                    + " \"sec_per_epoch\": %.6g, \"epochs\": %d, \"reps\": 2, \"note\": \"kernels: %s\"}", t, best,
                    sum / 2, epochs * train.rows() / best, trainLoss, testAcc, best / epochs, epochs,
                    VectorSupport.describe()));
            System.out.flush();
        }
    }
}

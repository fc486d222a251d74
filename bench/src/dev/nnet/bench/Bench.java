package dev.nnet.bench;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.data.Standardizer;
import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.MatMul;
import dev.nnet.engine.matrix.ParallelFor;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.matrix.VectorSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs the anchor workloads W1-W5 (SPEC.md of the performance anchors) on the NNet engine and prints one JSON
 * line per measurement on stdout, in the anchors' schema. Not a test: nothing here is asserted.
 * Usage: {@code Bench --data DIR [--threads 1,2] [--workloads W1,W2,W3,W4,W5] [--sizes 256,512,1024]}.
 */
public final class Bench {
    private static final String SYSTEM = "nnet";
    private static final String VERSION = "0.1.0";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int[] threads = ints(opt.getOrDefault("threads", "1,2"));
        List<String> workloads = Arrays.asList(opt.getOrDefault("workloads", "W1,W2,W3,W4,W5").split(","));
        Path data = Path.of(opt.getOrDefault("data", "examples/data"));
        System.err.println("nnet bench: kernels " + VectorSupport.describe() + ", Java " + Runtime.version());
        for (String w : workloads) {
            for (int t : threads) {
                switch (w) {
                    case "W1": w1(t); break;
                    case "W2": w2(data, t); break;
                    case "W3": w3(data, t); break;
                    case "W4": w4(t); break;
                    case "W5": w5(t, ints(opt.getOrDefault("sizes", "256,512,1024"))); break;
                    default: throw new IllegalArgumentException("unknown workload " + w);
                }
            }
        }
    }

    private static void w1(int threads) {
        for (Precision p : Precision.values()) {
            for (int i = 0; i < 20; i++) {
                Workloads.xor(p, threads);
            }
            List<Double> ts = new ArrayList<>();
            Workloads.Run run = null;
            for (int i = 0; i < 5; i++) {
                run = Workloads.xor(p, threads);
                ts.add(run.seconds);
            }
            double best = min(ts);
            emit("W1_xor", p.fileName(), threads, best, median(ts), run.epochs * 4 / best, run.loss,
                    run.ok ? 1.0 : 0.0, "ms", best * 1e3, "epochs", run.epochs, "reps", ts.size());
        }
    }

    private static void w2(Path dir, int threads) throws Exception {
        DataSet raw = CsvLoader.file(dir.resolve("iris.csv")).label("label").load();
        DataSet iris = Standardizer.fit(raw).apply(raw);
        List<Double> ts = new ArrayList<>();
        Network net = null;
        for (int i = 0; i < 4; i++) {
            net = NetworkSpec.builder(4).dense(16, Activations.tanh()).dense(3, Activations.softmax()).build()
                    .build(Precision.FLOAT32, Workloads.SEED);
            net.setThreads(threads);
            Workloads.Run run = Workloads.trainCrossEntropy(net, iris, 16, 0.05, 200, Workloads.SEED);
            if (i > 0) {
                ts.add(run.seconds);
            }
            net.setThreads(1);
        }
        double[] eval = Workloads.evaluate(net, iris);
        double best = min(ts);
        emit("W2_iris", "float32", threads, best, median(ts), 200 * iris.rows() / best, eval[0], eval[1], "epochs",
                200, "reps", ts.size());
    }

    private static void w3(Path dir, int threads) throws Exception {
        DataSet all = CsvLoader.file(dir.resolve("digits.csv")).label("label").load();
        double[][] f = new double[all.rows()][all.featureCount()];
        for (int r = 0; r < all.rows(); r++) {
            for (int c = 0; c < all.featureCount(); c++) {
                f[r][c] = all.feature(r, c) / 16.0;
            }
        }
        DataSet scaled = DataSet.ofClasses(f, all.classes(), all.targetCount());
        int[] train = java.util.stream.IntStream.range(0, all.rows()).filter(i -> i % 5 != 4).toArray();
        int[] test = java.util.stream.IntStream.range(0, all.rows()).filter(i -> i % 5 == 4).toArray();
        DataSet tr = scaled.subset(train);
        DataSet te = scaled.subset(test);
        NetworkSpec spec = NetworkSpec.builder(64).dense(128, Activations.relu()).dense(64, Activations.relu())
                .dense(10, Activations.softmax()).build();
        Network warm = spec.build(Precision.FLOAT32, Workloads.SEED + 1);
        warm.setThreads(threads);
        Workloads.trainCrossEntropy(warm, tr, 32, 0.05, 3, Workloads.SEED + 1);
        warm.setThreads(1);
        List<Double> ts = new ArrayList<>();
        Network net = null;
        for (int i = 0; i < 2; i++) {
            net = spec.build(Precision.FLOAT32, Workloads.SEED);
            net.setThreads(threads);
            ts.add(Workloads.trainCrossEntropy(net, tr, 32, 0.05, 30, Workloads.SEED).seconds);
            net.setThreads(1);
        }
        double trainLoss = Workloads.evaluate(net, tr)[0];
        double testAcc = Workloads.evaluate(net, te)[1];
        double best = min(ts);
        emit("W3_digits", "float32", threads, best, median(ts), 30 * tr.rows() / best, trainLoss, testAcc,
                "sec_per_epoch", best / 30, "epochs", 30, "reps", ts.size());
    }

    private static Workloads.Synthetic synthetic;

    private static void w4(int threads) {
        if (synthetic == null) {
            synthetic = new Workloads.Synthetic();
        }
        Workloads.Run run = Workloads.mnistSynthetic(synthetic, threads);
        emit("W4_mnist_synth", "float32", threads, run.seconds, run.seconds, synthetic.rows / run.seconds, run.loss,
                null, "epochs", 1);
    }

    private static void w5(int threads, int[] sizes) {
        SplittableRandom rng = new SplittableRandom(Workloads.SEED);
        try (ParallelFor pool = new ParallelFor(threads)) {
            MatMul mm = MatMul.create(Precision.FLOAT32, threads == 1 ? ParallelFor.SEQUENTIAL : pool);
            for (int n : sizes) {
                FloatMatrix a = new FloatMatrix(n, n);
                FloatMatrix b = new FloatMatrix(n, n);
                FloatMatrix c = new FloatMatrix(n, n);
                for (int i = 0; i < n * n; i++) {
                    a.data()[i] = (float) rng.nextDouble();
                    b.data()[i] = (float) rng.nextDouble();
                }
                mm.multiplyAB(a, b, c);
                mm.multiplyAB(a, b, c);
                List<Double> ts = new ArrayList<>();
                long start = System.nanoTime();
                while (ts.size() < 3 || System.nanoTime() - start < 1_000_000_000L) {
                    long t0 = System.nanoTime();
                    mm.multiplyAB(a, b, c);
                    ts.add((System.nanoTime() - t0) / 1e9);
                }
                double flops = 2.0 * n * n * n;
                emit("W5_sgemm", "float32", threads, min(ts), median(ts), null, null, null, "n", n, "gflops",
                        flops / min(ts) / 1e9, "gflops_median", flops / median(ts) / 1e9, "reps", ts.size());
            }
        }
    }

    static void emit(String workload, String dtype, int threads, double seconds, double secondsMedian,
            Double samplesPerS, Double loss, Double accuracy, Object... extras) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("system", SYSTEM);
        m.put("version", VERSION);
        m.put("workload", workload);
        m.put("dtype", dtype);
        m.put("threads", threads);
        m.put("seconds", seconds);
        m.put("seconds_median", secondsMedian);
        m.put("samples_per_s", samplesPerS);
        m.put("final_loss", loss);
        m.put("accuracy", accuracy);
        for (int i = 0; i + 1 < extras.length; i += 2) {
            m.put((String) extras[i], extras[i + 1]);
        }
        m.put("note", "kernels: " + VectorSupport.describe());
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(e.getKey()).append("\": ").append(json(e.getValue()));
        }
        System.out.println(sb.append('}'));
        System.out.flush();
    }

    private static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double) {
            double d = (Double) v;
            return Double.isFinite(d)
                    ? new java.math.BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toString()
                    : "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return '"' + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static double min(List<Double> ts) {
        return ts.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double median(List<Double> ts) {
        double[] s = ts.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}

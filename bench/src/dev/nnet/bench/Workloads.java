package dev.nnet.bench;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.metrics.Metrics;
import dev.nnet.engine.optim.Sgd;

/**
 * The training workloads W1-W4 of the anchors' SPEC.md on the engine's public API: the loop a user writes
 * (gather a batch, {@link Network#computeGradients}, {@link Sgd#step}), timed without start-up, loading or warm-up.
 */
final class Workloads {
    static final long SEED = 42;

    private Workloads() {
    }

    /** Result of one training run. */
    static final class Run {
        double seconds;
        double loss;
        int epochs;
        boolean ok;
    }

    // ---- W1 XOR ------------------------------------------------------------------------------------

    static final double[][] XOR_W1 = {{0.024, 0.901, -0.712, 0.897}, {-0.376, -0.153, 0.655, -0.182}};
    static final double[] XOR_W2 = {0.099, -0.945, 0.507, 0.076};

    /** Full-batch gradient descent from the fixed weights until all four outputs are on the right side of 0.5. */
    static Run xor(Precision precision, int threads) {
        Network net = NetworkSpec.builder(2).dense(4, Activations.sigmoid()).dense(1, Activations.sigmoid()).build()
                .build(precision, SEED);
        net.setThreads(threads);
        DenseLayer h = net.layers().get(0);
        DenseLayer o = net.layers().get(1);
        for (int u = 0; u < 4; u++) {
            for (int i = 0; i < 2; i++) {
                h.weights().set(u, i, XOR_W1[i][u]);
            }
            o.weights().set(0, u, XOR_W2[u]);
        }
        h.bias().fill(0);
        o.bias().fill(0);
        Matrix x = Matrix.zeros(precision, 4, 2);
        Matrix t = Matrix.zeros(precision, 4, 1);
        double[][] in = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[] target = {0, 1, 1, 0};
        for (int r = 0; r < 4; r++) {
            x.set(r, 0, in[r][0]);
            x.set(r, 1, in[r][1]);
            t.set(r, 0, target[r]);
        }
        Sgd sgd = new Sgd(0.5);
        Loss mse = Losses.meanSquaredError();
        Run run = new Run();
        long t0 = System.nanoTime();
        for (int e = 0; e <= 10_000; e++) {
            // computeGradients runs the forward pass with the current weights: its outputs are the check
            run.loss = net.computeGradients(x, t, mse);
            Matrix y = net.lastActivations(1);
            boolean all = true;
            for (int r = 0; r < 4; r++) {
                all &= (y.get(r) > 0.5) == (target[r] > 0.5);
            }
            if (all || e == 10_000) {
                run.epochs = e;
                run.ok = all;
                break;
            }
            sgd.step(net);
        }
        run.seconds = (System.nanoTime() - t0) / 1e9;
        net.setThreads(1);
        return run;
    }

    // ---- W2/W3 mini-batch SGD with cross-entropy -----------------------------------------------------

    /** Trains with a fresh seeded permutation per epoch, consecutive slices, the last one shorter. */
    static Run trainCrossEntropy(Network net, DataSet data, int batch, double lr, int epochs, long seed) {
        Loss ce = Losses.softmaxCrossEntropy();
        Sgd sgd = new Sgd(lr);
        int rows = data.rows();
        int batches = (rows + batch - 1) / batch;
        int lastRows = rows - (batches - 1) * batch;
        Matrix x = Matrix.zeros(net.precision(), batch, data.featureCount());
        Matrix t = Matrix.zeros(net.precision(), batch, data.targetCount());
        Matrix xl = Matrix.zeros(net.precision(), lastRows, data.featureCount());
        Matrix tl = Matrix.zeros(net.precision(), lastRows, data.targetCount());
        int[] order = new int[rows];
        SeededRandom rng = new SeededRandom(seed);
        Run run = new Run();
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            rng.shuffle(order);
            for (int b = 0; b < batches; b++) {
                boolean last = b == batches - 1;
                Matrix bx = last ? xl : x;
                Matrix bt = last ? tl : t;
                data.copyBatch(order, b * batch, bx, bt);
                run.loss = net.computeGradients(bx, bt, ce);
                sgd.step(net);
            }
        }
        run.seconds = (System.nanoTime() - t0) / 1e9;
        run.epochs = epochs;
        return run;
    }

    /** @return {mean cross-entropy, accuracy} of the network on a data set */
    static double[] evaluate(Network net, DataSet data) {
        Matrix x = Matrix.zeros(net.precision(), data.rows(), data.featureCount());
        Matrix t = Matrix.zeros(net.precision(), data.rows(), data.targetCount());
        int[] order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        data.copyBatch(order, 0, x, t);
        double loss = net.loss(x, t, Losses.softmaxCrossEntropy());
        double acc = Metrics.accuracy(Metrics.predictClasses(net, data), data.classes());
        return new double[] {loss, acc};
    }

    // ---- W4 MNIST-shaped synthetic ---------------------------------------------------------------------

    /** 60,000 × 784 inputs U[0,1) and uniform labels 0..9, generated once (seeded). */
    static final class Synthetic {
        final float[] x;
        final int[] labels;
        final int rows = 60_000;

        Synthetic() {
            SeededRandom rng = new SeededRandom(SEED);
            x = new float[rows * 784];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble();
            }
            labels = new int[rows];
            for (int i = 0; i < rows; i++) {
                labels[i] = rng.nextInt(10);
            }
        }
    }

    /** 50 warm-up batches, then one timed epoch of 938 batches in order (the last of 32 rows). */
    static Run mnistSynthetic(Synthetic data, int threads) {
        Network net = NetworkSpec.builder(784).dense(256, Activations.relu()).dense(128, Activations.relu())
                .dense(10, Activations.softmax()).build().build(Precision.FLOAT32, SEED);
        net.setThreads(threads);
        Sgd sgd = new Sgd(0.01);
        Loss ce = Losses.softmaxCrossEntropy();
        FloatMatrix x = new FloatMatrix(64, 784);
        FloatMatrix t = new FloatMatrix(64, 10);
        FloatMatrix xl = new FloatMatrix(data.rows % 64, 784);
        FloatMatrix tl = new FloatMatrix(data.rows % 64, 10);
        for (int s = 0; s < 50 * 64; s += 64) {
            batch(data, s, x, t);
            net.computeGradients(x, t, ce);
            sgd.step(net);
        }
        Run run = new Run();
        long t0 = System.nanoTime();
        for (int s = 0; s < data.rows; s += 64) {
            boolean last = s + 64 > data.rows;
            FloatMatrix bx = last ? xl : x;
            FloatMatrix bt = last ? tl : t;
            batch(data, s, bx, bt);
            run.loss = net.computeGradients(bx, bt, ce);
            sgd.step(net);
        }
        run.seconds = (System.nanoTime() - t0) / 1e9;
        run.epochs = 1;
        net.setThreads(1);
        return run;
    }

    /** Copies rows {@code from ..} into the batch: a slice of X and one-hot targets. */
    private static void batch(Synthetic data, int from, FloatMatrix x, FloatMatrix t) {
        int rows = x.rows();
        System.arraycopy(data.x, from * 784, x.data(), 0, rows * 784);
        float[] tv = t.data();
        java.util.Arrays.fill(tv, 0f);
        for (int r = 0; r < rows; r++) {
            tv[r * 10 + data.labels[from + r]] = 1f;
        }
    }
}

package dev.nnet.engine.metrics;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.matrix.Matrix;

/** Classification and regression metrics. */
public final class Metrics {
    private Metrics() {
    }

    /**
     * @param predicted predicted class per sample
     * @param actual true class per sample
     * @return fraction of equal entries, in [0, 1]
     */
    public static double accuracy(int[] predicted, int[] actual) {
        checkLengths(predicted.length, actual.length);
        int correct = 0;
        for (int i = 0; i < actual.length; i++) {
            if (predicted[i] == actual[i]) {
                correct++;
            }
        }
        return (double) correct / actual.length;
    }

    /**
     * @param predicted predicted class per sample
     * @param actual true class per sample
     * @param classes number of classes
     * @return counts {@code [actual][predicted]}
     */
    public static int[][] confusionMatrix(int[] predicted, int[] actual, int classes) {
        checkLengths(predicted.length, actual.length);
        int[][] m = new int[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || actual[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("class index out of [0, " + classes + ") at sample " + i);
            }
            m[actual[i]][predicted[i]]++;
        }
        return m;
    }

    /**
     * @param predicted predictions (any shape, flattened)
     * @param actual targets, same length
     * @return mean of squared differences over all elements
     */
    public static double meanSquaredError(double[] predicted, double[] actual) {
        checkLengths(predicted.length, actual.length);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = predicted[i] - actual[i];
            sum += d * d;
        }
        return sum / actual.length;
    }

    /**
     * Predicted classes of a network: arg-max of the outputs, or for a single output {@code y > 0.5} for a sigmoid
     * output layer and {@code y > 0} otherwise (class 1, else class 0).
     *
     * @param network the network
     * @param data the samples
     * @return one class index per sample
     */
    public static int[] predictClasses(Network network, DataSet data) {
        Matrix x = Matrix.zeros(network.precision(), data.rows(), data.featureCount());
        Matrix t = Matrix.zeros(network.precision(), data.rows(), data.targetCount());
        int[] order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        data.copyBatch(order, 0, x, t);
        Matrix y = network.forward(x);
        int outputs = y.cols();
        double threshold = network.outputLayer().activation().name().equals("sigmoid") ? 0.5 : 0;
        int[] out = new int[data.rows()];
        for (int r = 0; r < out.length; r++) {
            if (outputs == 1) {
                out[r] = y.get(r) > threshold ? 1 : 0;
            } else {
                int best = 0;
                for (int c = 1; c < outputs; c++) {
                    if (y.get(r, c) > y.get(r, best)) {
                        best = c;
                    }
                }
                out[r] = best;
            }
        }
        return out;
    }

    private static void checkLengths(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("length mismatch: " + a + " predictions, " + b + " actual values");
        }
        if (a == 0) {
            throw new IllegalArgumentException("no samples");
        }
    }
}

package dev.nnet.engine.train;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.matrix.Matrix;
import java.util.List;

/**
 * Loss, accuracy, dead-ReLU counts and activation mean/std per layer of a whole data set in one forward pass
 * (buffers allocated once).
 */
final class Evaluator {
    private final Network network;
    private final Loss loss;
    private final Matrix x;
    private final Matrix t;
    double lossValue;
    double accuracy;
    /** Mean squared error, mean absolute error and R^2 (averaged over outputs) of the outputs against the targets. */
    double mse;
    double mae;
    double r2;
    final double[] deadFraction;
    final double[] activationMean;
    final double[] activationStd;

    Evaluator(Network network, Loss loss, DataSet data) {
        this.network = network;
        this.loss = loss;
        this.x = Matrix.zeros(network.precision(), data.rows(), data.featureCount());
        this.t = Matrix.zeros(network.precision(), data.rows(), data.targetCount());
        int[] order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        data.copyBatch(order, 0, x, t);
        this.deadFraction = new double[network.allLayers().size()];
        this.activationMean = new double[network.allLayers().size()];
        this.activationStd = new double[network.allLayers().size()];
    }

    void evaluate() {
        lossValue = network.loss(x, t, loss);
        List<Layer> layers = network.allLayers();
        int o = layers.size() - 1;
        Matrix z = network.lastPreActivations(o);
        Matrix y = network.lastActivations(o);
        int rows = x.rows();
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            if (loss.isCorrect(z, y, t, r)) {
                correct++;
            }
        }
        accuracy = (double) correct / rows;
        errors(y);
        for (int i = 0; i < layers.size(); i++) {
            Matrix a = network.lastActivations(i);
            deadFraction[i] = layers.get(i).activation().name().equals("relu") ? deadFraction(a) : Double.NaN;
            meanAndStd(a, i);
        }
    }

    /** Fills {@link #mse}, {@link #mae} and {@link #r2} from the last outputs (flat loops, no allocation). */
    private void errors(Matrix y) {
        int rows = t.rows();
        int cols = t.cols();
        double squared = 0;
        double absolute = 0;
        double r2sum = 0;
        for (int c = 0; c < cols; c++) {
            double mean = 0;
            for (int r = 0; r < rows; r++) {
                mean += t.get(r * cols + c);
            }
            mean /= rows;
            double res = 0;
            double tot = 0;
            for (int r = 0; r < rows; r++) {
                double target = t.get(r * cols + c);
                double d = y.get(r * cols + c) - target;
                res += d * d;
                absolute += Math.abs(d);
                tot += (target - mean) * (target - mean);
            }
            squared += res;
            r2sum += tot == 0 ? (res == 0 ? 1 : 0) : 1 - res / tot;
        }
        mse = squared / ((double) rows * cols);
        mae = absolute / ((double) rows * cols);
        r2 = r2sum / cols;
    }

    /**
     * @param metric loss, accuracy, mse, mae, rmse or r2
     * @return its value after the last {@link #evaluate()}
     */
    double metric(String metric) {
        switch (metric) {
            case "loss": return lossValue;
            case "accuracy": return accuracy;
            case "mse": return mse;
            case "mae": return mae;
            case "rmse": return Math.sqrt(mse);
            default: return r2;
        }
    }

    private void meanAndStd(Matrix a, int layer) {
        int n = a.size();
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += a.get(k);
        }
        double mean = sum / n;
        double squares = 0;
        for (int k = 0; k < n; k++) {
            double d = a.get(k) - mean;
            squares += d * d;
        }
        activationMean[layer] = mean;
        activationStd[layer] = Math.sqrt(squares / n);
    }

    private static double deadFraction(Matrix y) {
        int rows = y.rows();
        int units = y.cols();
        int dead = 0;
        for (int u = 0; u < units; u++) {
            boolean alive = false;
            for (int r = 0; r < rows && !alive; r++) {
                alive = y.get(r * units + u) != 0;
            }
            if (!alive) {
                dead++;
            }
        }
        return (double) dead / units;
    }
}

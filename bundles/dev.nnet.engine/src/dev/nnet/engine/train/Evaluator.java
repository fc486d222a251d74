package dev.nnet.engine.train;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.matrix.Matrix;
import java.util.List;

/** Loss, accuracy and dead-ReLU counts of a whole data set in one forward pass (buffers allocated once). */
final class Evaluator {
    private final Network network;
    private final Loss loss;
    private final Matrix x;
    private final Matrix t;
    double lossValue;
    double accuracy;
    final double[] deadFraction;

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
        for (int i = 0; i < layers.size(); i++) {
            deadFraction[i] = layers.get(i).activation().name().equals("relu") ? deadFraction(network.lastActivations(i))
                    : Double.NaN;
        }
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

package dev.nnet.lang.run;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.matrix.Matrix;

/**
 * Loss and accuracy of a network on a whole data set, measured the way the trainer measures them.
 *
 * @param loss     mean loss (NaN when not measured)
 * @param accuracy fraction of samples the loss counts as correct (NaN when not measured)
 */
public record Measurement(double loss, double accuracy) {

	/** Nothing measured (no data). */
	public static final Measurement NONE = new Measurement(Double.NaN, Double.NaN);

	/**
	 * @param network the network
	 * @param loss    the loss
	 * @param data    the data
	 * @return the measurement
	 */
	public static Measurement of(Network network, Loss loss, DataSet data) {
		Matrix x = Matrix.zeros(network.precision(), data.rows(), data.featureCount());
		Matrix t = Matrix.zeros(network.precision(), data.rows(), data.targetCount());
		int[] order = new int[data.rows()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		data.copyBatch(order, 0, x, t);
		double value = network.loss(x, t, loss);
		int last = network.layers().size() - 1;
		Matrix z = network.lastPreActivations(last);
		Matrix y = network.lastActivations(last);
		int correct = 0;
		for (int r = 0; r < data.rows(); r++) {
			if (loss.isCorrect(z, y, t, r)) {
				correct++;
			}
		}
		return new Measurement(value, (double) correct / data.rows());
	}
}

package dev.nnet.lang.runs;

import java.util.ArrayList;
import java.util.List;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.metrics.Metrics;

/**
 * The confusion matrix of a classification run, as the engine's {@link Metrics#confusionMatrix} counts it on the
 * test data (or the training data when there is none).
 *
 * @param data   which data it was counted on: {@code test} or {@code train}
 * @param labels the class names, in class order
 * @param counts {@code counts[actual][predicted]}
 */
public record ConfusionMatrix(String data, List<String> labels, int[][] counts) {

	/**
	 * @param network the trained network
	 * @param train   the training data
	 * @param test    the test data, or null
	 * @return the matrix, or null when the data are not classes (regression targets)
	 */
	public static ConfusionMatrix of(Network network, DataSet train, DataSet test) {
		DataSet data = test != null && test.rows() > 0 ? test : train;
		if (data == null || data.rows() == 0) {
			return null;
		}
		int[] actual;
		int classes;
		if (data.hasClasses()) {
			actual = data.classes();
			classes = Math.max(2, network.outputs());
		} else if (data.targetCount() == 1 && binary(data)) {
			actual = new int[data.rows()];
			for (int r = 0; r < actual.length; r++) {
				actual[r] = data.target(r, 0) > 0 ? 1 : 0;
			}
			classes = 2;
		} else {
			return null;
		}
		int[][] counts = Metrics.confusionMatrix(Metrics.predictClasses(network, data), actual, classes);
		List<String> names = data.classNames() == null ? List.of() : data.classNames();
		List<String> labels = new ArrayList<>();
		for (int c = 0; c < classes; c++) {
			labels.add(c < names.size() ? names.get(c) : Integer.toString(c));
		}
		return new ConfusionMatrix(data == test ? "test" : "train", List.copyOf(labels), counts);
	}

	/** @return true when every target is 0 or 1 (or -1 and 1 for sign outputs) */
	private static boolean binary(DataSet data) {
		for (int r = 0; r < data.rows(); r++) {
			double t = data.target(r, 0);
			if (t != 0 && t != 1 && t != -1) {
				return false;
			}
		}
		return true;
	}

	/** @return the number of samples counted */
	public int total() {
		int t = 0;
		for (int[] row : counts) {
			for (int c : row) {
				t += c;
			}
		}
		return t;
	}
}

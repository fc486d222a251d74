package dev.nnet.lang.runs;

import java.util.ArrayList;
import java.util.List;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;

/**
 * A network's predictions on a regular grid over the plane of two input features, with the training and test points:
 * what the decision boundary view paints. For a network with more than 2 inputs the plane is a chosen pair of
 * features and the other features are held at their training means. The predictions come from
 * {@link Network#predict}; this class only chooses the grid and reads the outputs.
 *
 * @param xMin         left edge of the plane (feature {@code featureX})
 * @param xMax         right edge
 * @param yMin         bottom edge (feature {@code featureY})
 * @param yMax         top edge
 * @param resolution   cells per side
 * @param predicted    predicted class per cell, row-major from (xMin, yMax) (top-left)
 * @param confidence   probability of the predicted class per cell, in [0, 1]
 * @param points       the training points {x, y}
 * @param classes      the class of each training point
 * @param classCount   number of classes (2 for one sigmoid/sign output)
 * @param testPoints   the test points {x, y} (empty without test data)
 * @param testClasses  the class of each test point
 * @param featureNames the names of all the network's input features
 * @param fx           the feature on the x axis
 * @param fy           the feature on the y axis
 */
public record DecisionBoundary(double xMin, double xMax, double yMin, double yMax, int resolution, int[] predicted,
		double[] confidence, double[][] points, int[] classes, int classCount, double[][] testPoints,
		int[] testClasses, List<String> featureNames, int fx, int fy) {

	/** @return the name of the feature on the x axis */
	public String xName() {
		return featureNames.get(fx);
	}

	/** @return the name of the feature on the y axis */
	public String yName() {
		return featureNames.get(fy);
	}

	/** @return how many other features are held at their means (0 for a 2-input network) */
	public int heldAtMeans() {
		return featureNames.size() - 2;
	}

	/**
	 * Samples a network with 2 inputs on a {@code resolution x resolution} grid spanning the data plus 10% margin.
	 * Call it on the thread that trains the network.
	 *
	 * @return the boundary, or null when the network does not have 2 inputs
	 */
	public static DecisionBoundary sample(Network network, DataSet data, int resolution) {
		return network.inputs() != 2 ? null : sample(network, data, null, 0, 1, resolution);
	}

	/**
	 * Samples the plane of features {@code fx} and {@code fy}, the others at their training means.
	 *
	 * @param train the training data (the plane spans it)
	 * @param test  the test data, drawn apart; may be null
	 * @return the boundary, or null when the features or the data do not fit the network
	 */
	public static DecisionBoundary sample(Network network, DataSet train, DataSet test, int fx, int fy,
			int resolution) {
		int n = network.inputs();
		if (n < 2 || train.featureCount() != n || train.rows() == 0 || fx == fy || fx < 0 || fy < 0 || fx >= n
				|| fy >= n) {
			return null;
		}
		double[] means = new double[n];
		for (int r = 0; r < train.rows(); r++) {
			for (int c = 0; c < n; c++) {
				means[c] += train.feature(r, c) / train.rows();
			}
		}
		double[][] points = points(train, fx, fy);
		int[] classes = classes(train);
		double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
		for (double[] p : points) {
			x0 = Math.min(x0, p[0]);
			x1 = Math.max(x1, p[0]);
			y0 = Math.min(y0, p[1]);
			y1 = Math.max(y1, p[1]);
		}
		double mx = Math.max(0.1 * (x1 - x0), 0.25), my = Math.max(0.1 * (y1 - y0), 0.25);
		x0 -= mx;
		x1 += mx;
		y0 -= my;
		y1 += my;
		double[][] grid = new double[resolution * resolution][];
		for (int row = 0; row < resolution; row++) {
			for (int col = 0; col < resolution; col++) {
				double[] g = means.clone();
				g[fx] = x0 + (x1 - x0) * (col + 0.5) / resolution;
				g[fy] = y1 - (y1 - y0) * (row + 0.5) / resolution;
				grid[row * resolution + col] = g;
			}
		}
		double[][] out = network.predict(grid);
		int outputs = network.outputs();
		boolean sign = network.layers().get(network.layers().size() - 1).activation().name().equals("sign");
		int[] predicted = new int[grid.length];
		double[] confidence = new double[grid.length];
		for (int i = 0; i < grid.length; i++) {
			if (outputs == 1) {
				double p = Math.max(0, Math.min(1, sign ? (out[i][0] + 1) / 2 : out[i][0]));
				predicted[i] = p >= 0.5 ? 1 : 0;
				confidence[i] = predicted[i] == 1 ? p : 1 - p;
			} else {
				int best = 0;
				for (int c = 1; c < outputs; c++) {
					best = out[i][c] > out[i][best] ? c : best;
				}
				predicted[i] = best;
				confidence[i] = Math.max(0, Math.min(1, out[i][best]));
			}
		}
		boolean hasTest = test != null && test.featureCount() == n && test.rows() > 0;
		List<String> names = new ArrayList<>();
		for (int c = 0; c < n; c++) {
			names.add(name(train, c));
		}
		return new DecisionBoundary(x0, x1, y0, y1, resolution, predicted, confidence, points, classes,
				Math.max(2, outputs), hasTest ? points(test, fx, fy) : new double[0][],
				hasTest ? classes(test) : new int[0], List.copyOf(names), fx, fy);
	}

	private static double[][] points(DataSet data, int fx, int fy) {
		double[][] p = new double[data.rows()][2];
		for (int r = 0; r < p.length; r++) {
			p[r][0] = data.feature(r, fx);
			p[r][1] = data.feature(r, fy);
		}
		return p;
	}

	private static int[] classes(DataSet data) {
		int[] c = new int[data.rows()];
		for (int r = 0; r < c.length; r++) {
			c[r] = data.hasClasses() ? data.classOf(r) : data.target(r, 0) > 0.5 ? 1 : 0;
		}
		return c;
	}

	private static String name(DataSet data, int feature) {
		return data.featureNames() != null && feature < data.featureNames().size() ? data.featureNames().get(feature)
				: "x" + (feature + 1);
	}
}

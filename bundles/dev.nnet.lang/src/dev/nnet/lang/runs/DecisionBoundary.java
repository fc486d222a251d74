package dev.nnet.lang.runs;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;

/**
 * A network's predictions on a regular grid over a 2-feature input plane, with the training points: what the
 * decision boundary view paints. The predictions come from {@link Network#predict}; this class only chooses the
 * grid and reads the outputs.
 *
 * @param xMin       left edge of the plane (feature 0)
 * @param xMax       right edge
 * @param yMin       bottom edge (feature 1)
 * @param yMax       top edge
 * @param resolution cells per side
 * @param predicted  predicted class per cell, row-major from (xMin, yMax) (top-left)
 * @param confidence probability of the predicted class per cell, in [0, 1]
 * @param points     the training points {x, y}
 * @param classes    the class of each training point
 * @param classCount number of classes (2 for one sigmoid/sign output)
 */
public record DecisionBoundary(double xMin, double xMax, double yMin, double yMax, int resolution, int[] predicted,
		double[] confidence, double[][] points, int[] classes, int classCount) {

	/**
	 * Samples a network with 2 inputs on a {@code resolution x resolution} grid spanning the data plus 10% margin.
	 * Call it on the thread that trains the network.
	 *
	 * @return the boundary, or null when the network does not have 2 inputs
	 */
	public static DecisionBoundary sample(Network network, DataSet data, int resolution) {
		if (network.inputs() != 2 || data.featureCount() != 2 || data.rows() == 0) {
			return null;
		}
		double[][] points = new double[data.rows()][2];
		int[] classes = new int[data.rows()];
		double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
		for (int r = 0; r < data.rows(); r++) {
			points[r][0] = data.feature(r, 0);
			points[r][1] = data.feature(r, 1);
			classes[r] = data.hasClasses() ? data.classOf(r) : data.target(r, 0) > 0.5 ? 1 : 0;
			x0 = Math.min(x0, points[r][0]);
			x1 = Math.max(x1, points[r][0]);
			y0 = Math.min(y0, points[r][1]);
			y1 = Math.max(y1, points[r][1]);
		}
		double mx = Math.max(0.1 * (x1 - x0), 0.25), my = Math.max(0.1 * (y1 - y0), 0.25);
		x0 -= mx;
		x1 += mx;
		y0 -= my;
		y1 += my;
		double[][] grid = new double[resolution * resolution][2];
		for (int row = 0; row < resolution; row++) {
			for (int col = 0; col < resolution; col++) {
				grid[row * resolution + col][0] = x0 + (x1 - x0) * (col + 0.5) / resolution;
				grid[row * resolution + col][1] = y1 - (y1 - y0) * (row + 0.5) / resolution;
			}
		}
		double[][] out = network.predict(grid);
		int outputs = network.outputs();
		int[] predicted = new int[grid.length];
		double[] confidence = new double[grid.length];
		for (int i = 0; i < grid.length; i++) {
			if (outputs == 1) {
				double v = out[i][0];
				double p = network.layers().get(network.layers().size() - 1).activation().name().equals("sign")
						? (v + 1) / 2 : v;
				p = Math.max(0, Math.min(1, p));
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
		int classCount = Math.max(2, outputs);
		return new DecisionBoundary(x0, x1, y0, y1, resolution, predicted, confidence, points, classes, classCount);
	}
}

package dev.nnet.lang.graph;

/**
 * A connection drawn between two columns. Between two neuron columns there is one edge per weight; when either
 * side is a block, edges are aggregated (one per drawn neuron, or one between two blocks) and carry no weight.
 *
 * @param fromLayer index of the source column
 * @param fromUnit  source unit, -1 for a block
 * @param toLayer   index of the target column ({@code fromLayer + 1})
 * @param toUnit    target unit, -1 for a block
 * @param x1        start x
 * @param y1        start y
 * @param x2        end x
 * @param y2        end y
 * @param weight    the trained weight {@code W[toUnit][fromUnit]}, NaN when untrained or aggregated
 */
public record GraphEdge(int fromLayer, int fromUnit, int toLayer, int toUnit, double x1, double y1, double x2,
		double y2, double weight) {

	/** @return true when the edge carries a trained weight */
	public boolean hasWeight() {
		return !Double.isNaN(weight);
	}
}

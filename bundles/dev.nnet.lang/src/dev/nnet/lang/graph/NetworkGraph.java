package dev.nnet.lang.graph;

import java.util.List;

/**
 * A laid-out network: columns from input (left) to output (right) and the edges between them, in drawing
 * coordinates (pixels, origin top left). Immutable; produced by {@link GraphLayout}, drawn by the IDE's graph
 * view, {@link SvgWriter} and {@link DotWriter}.
 *
 * @param name           the network's name
 * @param layers         the input column followed by one column per layer
 * @param edges          the edges
 * @param width          width of the drawing
 * @param height         height of the drawing
 * @param maxAbsWeight   largest |weight| among the edges, 0 when untrained
 */
public record NetworkGraph(String name, List<GraphLayer> layers, List<GraphEdge> edges, double width, double height,
		double maxAbsWeight) {

	/** @return true when edges carry trained weights */
	public boolean isTrained() {
		return maxAbsWeight > 0;
	}

	/** @return the number of neurons drawn individually */
	public int neuronCount() {
		return layers.stream().mapToInt(l -> l.neurons().size()).sum();
	}

	/**
	 * @param x drawing x
	 * @param y drawing y
	 * @return the column at that point, or null
	 */
	public GraphLayer layerAt(double x, double y) {
		for (GraphLayer l : layers) {
			if (l.contains(x, y)) {
				return l;
			}
		}
		return null;
	}
}

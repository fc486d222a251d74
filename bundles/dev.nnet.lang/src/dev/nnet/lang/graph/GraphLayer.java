package dev.nnet.lang.graph;

import java.util.List;

import dev.nnet.engine.layer.Shape;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.Shapes;

/**
 * One column of a {@link NetworkGraph}: the input or a layer of the network, placed on the drawing.
 *
 * @param index      0 for the input, i for the i-th layer (1-based, repeat blocks expanded)
 * @param name       the layer's name ({@code input} for the input column)
 * @param role       input, hidden or output
 * @param units      the number of units (features for the input)
 * @param activation the activation keyword, empty for the input
 * @param params     weights plus biases of the layer, 0 for the input
 * @param expanded   true when each unit is drawn as a neuron, false when the layer is one block
 * @param x          left edge of the column's body
 * @param y          top edge of the column's body
 * @param width      width of the body
 * @param height     height of the body
 * @param neurons    the drawn neurons (empty for a block)
 * @param shape      the inferred layer (null for the input): its {@code source()} is the model element
 * @param dims       the column's output shape (the input shape for the input column): a vector or C x H x W, null
 *                   when unknown
 */
public record GraphLayer(int index, String name, Role role, int units, String activation, long params,
		boolean expanded, double x, double y, double width, double height, List<Neuron> neurons, LayerShape shape,
		Shape dims) {

	/** Where a column sits in the network. */
	public enum Role {
		INPUT, HIDDEN, OUTPUT
	}

	/**
	 * A drawn unit: a circle.
	 *
	 * @param unit   the unit's index in its layer, from 0
	 * @param cx     center x
	 * @param cy     center y
	 * @param radius radius
	 * @param bias   the trained bias, NaN before training or for input units
	 */
	public record Neuron(int unit, double cx, double cy, double radius, double bias) {
	}

	/** @return the x coordinate of the column's center */
	public double centerX() {
		return x + width / 2;
	}

	/** @return true when (px, py) lies in the body or its labels */
	public boolean contains(double px, double py) {
		return px >= x - 12 && px <= x + width + 12 && py >= y - GraphLayout.LABEL_SPACE
				&& py <= y + height + GraphLayout.LABEL_SPACE;
	}

	/** @return the first label line: the layer name */
	public String title() {
		return name;
	}

	/**
	 * @return the second label line, e.g. {@code "4 tanh"}, {@code "2 inputs"}, {@code "1x8x8 image"},
	 *         {@code "conv2d relu"} or {@code "max_pool"}
	 */
	public String subtitle() {
		if (role == Role.INPUT) {
			return Shapes.isImage(dims) ? dims + " image" : units + (units == 1 ? " input" : " inputs");
		}
		String kind = shape == null ? "dense" : shape.kind();
		if ("conv2d".equals(kind)) {
			return kind + " " + activation;
		}
		return "dense".equals(kind) || "perceptron".equals(kind) ? units + " " + activation : kind;
	}

	/** @return the text inside a block: its shape, e.g. {@code 8x6x6} for an image, the units of a vector */
	public String blockLabel() {
		return Shapes.isImage(dims) ? dims.toString() : Integer.toString(units);
	}

	/** @return the third label line: the parameter count, empty for the input */
	public String paramsLabel() {
		return role == Role.INPUT ? "" : String.format(java.util.Locale.ROOT, "%,d params", params);
	}
}

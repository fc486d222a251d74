package dev.nnet.lang.graph;

import java.util.ArrayList;
import java.util.List;

import dev.nnet.lang.graph.GraphLayer.Neuron;
import dev.nnet.lang.graph.GraphLayer.Role;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.Shapes;
import dev.nnet.engine.layer.Shape;

/**
 * Places a network's layers left to right: layers of at most {@link #MAX_NEURONS} units as individual neurons
 * with one edge per weight, larger layers and every image layer (conv2d, pools, flatten, and the image input) as a
 * block labelled with its shape. Dropout and batch_norm are not drawn. Pure geometry, no UI toolkit: the IDE view,
 * the SVG and DOT writers and the CLI share it.
 */
public final class GraphLayout {

	/** Layers with more units are drawn as one block. */
	public static final int MAX_NEURONS = 16;
	/** Vertical room above and below a column body for its labels. */
	public static final double LABEL_SPACE = 52;

	static final double MARGIN = 24;
	static final double COLUMN_GAP = 170;
	static final double NEURON_SPACING = 34;
	static final double RADIUS = 12;
	static final double BLOCK_WIDTH = 70;

	private GraphLayout() {
	}

	/** @return the untrained layout of a shape */
	public static NetworkGraph layout(NetworkShape shape) {
		return layout(shape, null);
	}

	/**
	 * @param shape   the inferred shape
	 * @param trained the trained parameters, or null; ignored when they do not match the shape
	 * @return the laid-out graph
	 */
	public static NetworkGraph layout(NetworkShape shape, TrainedWeights trained) {
		List<LayerShape> shapes = drawn(shape);
		boolean useWeights = trained != null && shapes.equals(shape.layers()) && trained.weights().size() == shapes.size();
		for (int i = 0; useWeights && i < shapes.size(); i++) {
			useWeights = trained.fits(i, shapes.get(i).outputs(), shapes.get(i).inputs());
		}
		double bodyHeight = Math.max(bodyHeight(shape.inputs()), 0);
		for (LayerShape l : shapes) {
			bodyHeight = Math.max(bodyHeight, bodyHeight(l.outputs()));
		}
		double top = MARGIN + LABEL_SPACE;
		List<GraphLayer> columns = new ArrayList<>();
		columns.add(column(0, "input", Role.INPUT, shape.inputs(), "", 0, null, shape.inputShape(), top, bodyHeight,
				null));
		for (int i = 0; i < shapes.size(); i++) {
			LayerShape l = shapes.get(i);
			Role role = i == shapes.size() - 1 ? Role.OUTPUT : Role.HIDDEN;
			double[] bias = useWeights ? trained.biases().get(i) : null;
			columns.add(column(i + 1, l.name(), role, l.outputs(), l.activation(), l.params(), l, l.output(), top,
					bodyHeight, bias));
		}
		List<GraphEdge> edges = new ArrayList<>();
		double maxAbs = 0;
		for (int i = 1; i < columns.size(); i++) {
			double[][] w = useWeights ? trained.weights().get(i - 1) : null;
			maxAbs = Math.max(maxAbs, connect(columns.get(i - 1), columns.get(i), w, edges));
		}
		double width = MARGIN * 2 + (columns.size() - 1) * COLUMN_GAP + BLOCK_WIDTH;
		double height = top + bodyHeight + LABEL_SPACE + MARGIN;
		return new NetworkGraph(shape.name() == null ? "" : shape.name(), List.copyOf(columns), List.copyOf(edges),
				width, height, maxAbs);
	}

	/** @return the layers drawn as columns: the dense ones, and conv2d, pools and flatten when there are any */
	static List<LayerShape> drawn(NetworkShape shape) {
		List<LayerShape> image = shape.allLayers().stream()
				.filter(l -> !"dropout".equals(l.kind()) && !"batch_norm".equals(l.kind())).toList();
		return image.size() > shape.layers().size() ? image : shape.layers();
	}

	/** @return the height of a column body with that many units */
	static double bodyHeight(int units) {
		if (units <= MAX_NEURONS) {
			return Math.max(1, units) * NEURON_SPACING;
		}
		return Math.min(MAX_NEURONS * NEURON_SPACING, 120 + 24 * Math.log(units / (double) MAX_NEURONS) / Math.log(2));
	}

	private static GraphLayer column(int index, String name, Role role, int units, String activation, long params,
			LayerShape shape, Shape dims, double top, double bodyHeight, double[] bias) {
		boolean expanded = units <= MAX_NEURONS && !Shapes.isImage(dims) && !(shape != null && Shapes.isImage(shape.input()));
		double h = bodyHeight(units);
		double x = MARGIN + index * COLUMN_GAP;
		double y = top + (bodyHeight - h) / 2;
		List<Neuron> neurons = new ArrayList<>();
		if (expanded) {
			for (int u = 0; u < units; u++) {
				neurons.add(new Neuron(u, x + BLOCK_WIDTH / 2, y + NEURON_SPACING * (u + 0.5), RADIUS,
						bias == null ? Double.NaN : bias[u]));
			}
		}
		return new GraphLayer(index, name == null ? "?" : name, role, units, activation, params, expanded, x, y,
				BLOCK_WIDTH, h, List.copyOf(neurons), shape, dims);
	}

	/** Adds the edges between two neighbouring columns; @return the largest |weight| added */
	private static double connect(GraphLayer from, GraphLayer to, double[][] w, List<GraphEdge> edges) {
		double maxAbs = 0;
		if (from.expanded() && to.expanded()) {
			for (Neuron a : from.neurons()) {
				for (Neuron b : to.neurons()) {
					double weight = w == null ? Double.NaN : w[b.unit()][a.unit()];
					maxAbs = Double.isFinite(weight) ? Math.max(maxAbs, Math.abs(weight)) : maxAbs;
					edges.add(new GraphEdge(from.index(), a.unit(), to.index(), b.unit(), a.cx() + a.radius(), a.cy(),
							b.cx() - b.radius(), b.cy(), weight));
				}
			}
		} else if (from.expanded()) {
			for (Neuron a : from.neurons()) {
				edges.add(new GraphEdge(from.index(), a.unit(), to.index(), -1, a.cx() + a.radius(), a.cy(), to.x(),
						to.y() + to.height() / 2, Double.NaN));
			}
		} else if (to.expanded()) {
			for (Neuron b : to.neurons()) {
				edges.add(new GraphEdge(from.index(), -1, to.index(), b.unit(), from.x() + from.width(),
						from.y() + from.height() / 2, b.cx() - b.radius(), b.cy(), Double.NaN));
			}
		} else {
			edges.add(new GraphEdge(from.index(), -1, to.index(), -1, from.x() + from.width(),
					from.y() + from.height() / 2, to.x(), to.y() + to.height() / 2, Double.NaN));
		}
		return maxAbs;
	}
}

package dev.nnet.lang.graph;

/**
 * Colors and stroke widths shared by every renderer (SWT view, SVG, DOT), so a graph looks the same everywhere.
 * Positive weights are blue, negative orange (as in TensorFlow Playground); width and opacity grow with |w|.
 */
public final class GraphStyle {

	/** Edge color without trained weights. */
	public static final int UNTRAINED_EDGE = 0xB0B0B0;
	/** Color of positive weights. */
	public static final int POSITIVE = 0x1F6FB4;
	/** Color of negative weights. */
	public static final int NEGATIVE = 0xE0621A;
	/** Fill of neurons and blocks per role: input, hidden, output. */
	public static final int[] LAYER_FILL = { 0xE3F2E1, 0xE4ECF7, 0xF7E6E4 };
	/** Outline of neurons and blocks. */
	public static final int OUTLINE = 0x4A5560;
	/** Label text. */
	public static final int TEXT = 0x202830;

	private GraphStyle() {
	}

	/** @return the RGB color (0xRRGGBB) of an edge */
	public static int edgeColor(GraphEdge e) {
		return !e.hasWeight() ? UNTRAINED_EDGE : e.weight() >= 0 ? POSITIVE : NEGATIVE;
	}

	/** @return the stroke width of an edge: 1 untrained, 0.5 to 5 by |w| / max|w| when trained */
	public static double edgeWidth(GraphEdge e, NetworkGraph g) {
		if (!e.hasWeight() || g.maxAbsWeight() <= 0) {
			return e.fromUnit() < 0 && e.toUnit() < 0 ? 3 : 1;
		}
		return 0.5 + 4.5 * Math.abs(e.weight()) / g.maxAbsWeight();
	}

	/** @return the opacity of an edge in [0.25, 1] */
	public static double edgeOpacity(GraphEdge e, NetworkGraph g) {
		if (!e.hasWeight() || g.maxAbsWeight() <= 0) {
			return 0.8;
		}
		return 0.25 + 0.75 * Math.abs(e.weight()) / g.maxAbsWeight();
	}

	/** @return the fill of a column's neurons or block */
	public static int fill(GraphLayer layer) {
		return LAYER_FILL[layer.role().ordinal()];
	}

	/** @return {@code #rrggbb} */
	public static String hex(int rgb) {
		return String.format("#%06x", rgb & 0xFFFFFF);
	}
}

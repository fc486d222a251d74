package dev.nnet.lang.graph;

import java.io.IOException;
import java.util.Locale;

/**
 * Writes a {@link NetworkGraph} in Graphviz DOT: one cluster per column, neurons as circles, blocks as boxes,
 * trained edges colored by sign with a pen width by magnitude. Render with {@code dot -Tpng}.
 */
public final class DotWriter {

	private DotWriter() {
	}

	/**
	 * @param graph the laid-out graph
	 * @param out   where the DOT text goes
	 * @throws IOException from {@code out}
	 */
	public static void write(NetworkGraph graph, Appendable out) throws IOException {
		out.append("digraph ").append(quote(graph.name().isEmpty() ? "network" : graph.name())).append(" {\n");
		out.append("  rankdir=LR;\n  splines=line;\n  nodesep=0.15;\n  ranksep=1.4;\n");
		out.append("  node [fontname=\"sans-serif\", fontsize=10, style=filled];\n");
		for (GraphLayer l : graph.layers()) {
			out.append("  subgraph ").append(quote("cluster_" + l.index())).append(" {\n");
			String label = l.title() + "\\n" + l.subtitle() + (l.paramsLabel().isEmpty() ? "" : "\\n" + l.paramsLabel());
			out.append("    label=\"").append(label.replace("\"", "\\\"")).append("\";\n    color=\"#cccccc\";\n");
			String fill = GraphStyle.hex(GraphStyle.fill(l));
			if (l.expanded()) {
				for (GraphLayer.Neuron n : l.neurons()) {
					out.append("    ").append(id(l.index(), n.unit()))
							.append(String.format(" [shape=circle, label=\"\", width=0.3, fillcolor=\"%s\"];\n", fill));
				}
			} else {
				out.append("    ").append(id(l.index(), -1)).append(String.format(Locale.ROOT,
						" [shape=box, label=\"%s\", height=1.2, fillcolor=\"%s\"];\n",
						l.blockLabel() + (dev.nnet.lang.shapes.Shapes.isImage(l.dims()) ? "" : " units"), fill));
			}
			out.append("  }\n");
		}
		for (GraphEdge e : graph.edges()) {
			out.append("  ").append(id(e.fromLayer(), e.fromUnit())).append(" -> ").append(id(e.toLayer(), e.toUnit()));
			out.append(String.format(Locale.ROOT, " [arrowhead=none, color=\"%s\", penwidth=%.2f",
					GraphStyle.hex(GraphStyle.edgeColor(e)), GraphStyle.edgeWidth(e, graph)));
			if (e.hasWeight()) {
				out.append(String.format(Locale.ROOT, ", tooltip=\"w = %.4g\"", e.weight()));
			}
			out.append("];\n");
		}
		out.append("}\n");
	}

	private static String id(int layer, int unit) {
		return unit < 0 ? "L" + layer : "L" + layer + "_" + unit;
	}

	private static String quote(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}

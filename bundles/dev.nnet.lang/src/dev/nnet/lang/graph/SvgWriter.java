package dev.nnet.lang.graph;

import java.io.IOException;
import java.util.Locale;

/** Writes a {@link NetworkGraph} as a standalone SVG document (same colors as the IDE view). */
public final class SvgWriter {

	private SvgWriter() {
	}

	/**
	 * @param graph the laid-out graph
	 * @param out   where the SVG text goes
	 * @throws IOException from {@code out}
	 */
	public static void write(NetworkGraph graph, Appendable out) throws IOException {
		out.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\""
						+ " font-family=\"sans-serif\" font-size=\"12\">\n",
				graph.width(), graph.height(), graph.width(), graph.height()));
		out.append("<title>").append(escape(graph.name())).append("</title>\n");
		out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<g class=\"edges\">\n");
		for (GraphEdge e : graph.edges()) {
			out.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.2f\""
							+ " stroke-opacity=\"%.2f\">",
					e.x1(), e.y1(), e.x2(), e.y2(), GraphStyle.hex(GraphStyle.edgeColor(e)),
					GraphStyle.edgeWidth(e, graph), GraphStyle.edgeOpacity(e, graph)));
			if (e.hasWeight()) {
				out.append(String.format(Locale.ROOT, "<title>w = %.4g</title>", e.weight()));
			}
			out.append("</line>\n");
		}
		out.append("</g>\n");
		for (GraphLayer l : graph.layers()) {
			writeLayer(l, out);
		}
		out.append("</svg>\n");
	}

	private static void writeLayer(GraphLayer l, Appendable out) throws IOException {
		String fill = GraphStyle.hex(GraphStyle.fill(l));
		String outline = GraphStyle.hex(GraphStyle.OUTLINE);
		out.append("<g class=\"layer\" id=\"layer-").append(escape(l.name())).append("\">\n");
		if (l.expanded()) {
			for (GraphLayer.Neuron n : l.neurons()) {
				out.append(String.format(Locale.ROOT,
						"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"%s\"/>\n", n.cx(), n.cy(),
						n.radius(), fill, outline));
			}
		} else {
			out.append(String.format(Locale.ROOT,
					"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\" fill=\"%s\" stroke=\"%s\"/>\n",
					l.x(), l.y(), l.width(), l.height(), fill, outline));
			out.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n",
					l.centerX(), l.y() + l.height() / 2 + 4, escape(l.blockLabel())));
		}
		String text = GraphStyle.hex(GraphStyle.TEXT);
		out.append(String.format(Locale.ROOT,
				"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"%s\">%s</text>\n",
				l.centerX(), l.y() - 28, text, escape(l.title())));
		out.append(String.format(Locale.ROOT,
				"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%s</text>\n", l.centerX(),
				l.y() - 12, text, escape(l.subtitle())));
		if (!l.paramsLabel().isEmpty()) {
			out.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%s</text>\n", l.centerX(),
					l.y() + l.height() + 20, text, escape(l.paramsLabel())));
		}
		out.append("</g>\n");
	}

	static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}

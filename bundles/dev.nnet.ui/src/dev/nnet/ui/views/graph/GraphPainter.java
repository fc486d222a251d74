package dev.nnet.ui.views.graph;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;

import dev.nnet.lang.graph.GraphEdge;
import dev.nnet.lang.graph.GraphLayer;
import dev.nnet.lang.graph.GraphStyle;
import dev.nnet.lang.graph.NetworkGraph;

/** Paints a {@link NetworkGraph} with SWT in the graph's coordinates (the caller sets any transform). */
final class GraphPainter {

	private static final int SELECTION = 0x2A7AE2;

	private GraphPainter() {
	}

	static void paint(GC gc, Device device, NetworkGraph g, int selected) {
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		for (GraphEdge e : g.edges()) {
			Color c = color(device, GraphStyle.edgeColor(e));
			gc.setForeground(c);
			gc.setAlpha((int) Math.round(255 * GraphStyle.edgeOpacity(e, g)));
			gc.setLineWidth((int) Math.max(1, Math.round(GraphStyle.edgeWidth(e, g))));
			gc.drawLine((int) e.x1(), (int) e.y1(), (int) e.x2(), (int) e.y2());
			c.dispose();
		}
		gc.setAlpha(255);
		Color outline = color(device, GraphStyle.OUTLINE);
		Color text = color(device, GraphStyle.TEXT);
		Color highlight = color(device, SELECTION);
		for (GraphLayer l : g.layers()) {
			boolean sel = l.index() == selected;
			Color fill = color(device, GraphStyle.fill(l));
			gc.setBackground(fill);
			gc.setForeground(sel ? highlight : outline);
			gc.setLineWidth(sel ? 3 : 1);
			if (l.expanded()) {
				for (GraphLayer.Neuron n : l.neurons()) {
					int r = (int) n.radius();
					gc.fillOval((int) n.cx() - r, (int) n.cy() - r, 2 * r, 2 * r);
					gc.drawOval((int) n.cx() - r, (int) n.cy() - r, 2 * r, 2 * r);
				}
			} else {
				gc.fillRoundRectangle((int) l.x(), (int) l.y(), (int) l.width(), (int) l.height(), 12, 12);
				gc.drawRoundRectangle((int) l.x(), (int) l.y(), (int) l.width(), (int) l.height(), 12, 12);
				gc.setForeground(text);
				centered(gc, l.blockLabel(), l.centerX(), l.y() + l.height() / 2 - 8);
			}
			if (sel) {
				gc.setForeground(highlight);
				gc.setLineWidth(2);
				gc.drawRoundRectangle((int) l.x() - 8, (int) l.y() - 46, (int) l.width() + 16, (int) l.height() + 74,
						10, 10);
			}
			gc.setForeground(text);
			gc.setLineWidth(1);
			centered(gc, l.title(), l.centerX(), l.y() - 42);
			centered(gc, l.subtitle(), l.centerX(), l.y() - 24);
			centered(gc, l.paramsLabel(), l.centerX(), l.y() + l.height() + 8);
			fill.dispose();
		}
		outline.dispose();
		text.dispose();
		highlight.dispose();
	}

	private static void centered(GC gc, String s, double cx, double y) {
		if (s.isEmpty()) {
			return;
		}
		Point ext = gc.textExtent(s);
		gc.drawText(s, (int) Math.round(cx - ext.x / 2.0), (int) y, true);
	}

	static Color color(Device d, int rgb) {
		return new Color(d, (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255);
	}
}

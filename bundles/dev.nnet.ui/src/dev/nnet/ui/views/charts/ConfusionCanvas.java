package dev.nnet.ui.views.charts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import dev.nnet.lang.runs.ConfusionMatrix;

/**
 * A confusion matrix: rows the actual class, columns the predicted one, each cell its count, shaded by its share of
 * the row (the diagonal is what was right). The counts come from the run record; this canvas only paints them.
 */
public final class ConfusionCanvas extends Canvas {

	private ConfusionMatrix matrix;
	private String subtitle = "";

	/** @param parent the parent */
	public ConfusionCanvas(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED);
		setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		addPaintListener(e -> paint(e.gc));
	}

	/**
	 * @param matrix   the matrix, or null
	 * @param subtitle which run
	 */
	public void setMatrix(ConfusionMatrix matrix, String subtitle) {
		this.matrix = matrix;
		this.subtitle = subtitle;
		redraw();
	}

	/** @return the matrix drawn, or null */
	public ConfusionMatrix matrix() {
		return matrix;
	}

	private void paint(GC gc) {
		Rectangle area = getClientArea();
		ConfusionMatrix m = matrix;
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
		if (m == null) {
			gc.drawText("Confusion matrix: select a classification run (" + (subtitle.isEmpty() ? "none selected"
					: subtitle + " has none") + ")", 8, 4, true);
			return;
		}
		gc.drawText("Confusion matrix on the " + m.data() + " data (" + m.total() + " samples): " + subtitle, 8, 4, true);
		int n = m.labels().size();
		int labelWidth = 0;
		for (String l : m.labels()) {
			labelWidth = Math.max(labelWidth, gc.textExtent(l).x);
		}
		int left = 30 + labelWidth + 8, top = 64;
		int cell = Math.max(24, Math.min((area.width - left - 20) / n, (area.height - top - 20) / n));
		gc.drawText("predicted", left + cell * n / 2 - gc.textExtent("predicted").x / 2, 24, true);
		gc.drawText("actual", 4, top + cell * n + 4, true);
		for (int c = 0; c < n; c++) {
			Point ext = gc.textExtent(m.labels().get(c));
			gc.drawText(m.labels().get(c), left + c * cell + (cell - ext.x) / 2, top - ext.y - 2, true);
			gc.drawText(m.labels().get(c), left - ext.x - 6, top + c * cell + (cell - ext.y) / 2, true);
		}
		for (int r = 0; r < n; r++) {
			int rowTotal = 0;
			for (int v : m.counts()[r]) {
				rowTotal += v;
			}
			for (int c = 0; c < n; c++) {
				int v = m.counts()[r][c];
				double share = rowTotal == 0 ? 0 : (double) v / rowTotal;
				int base = r == c ? 0x2CA02C : 0xD62728;
				double s = v == 0 ? 0 : 0.15 + 0.85 * share;
				int tint = Shades.tint(base, s);
				Color fill = new Color((tint >> 16) & 255, (tint >> 8) & 255, tint & 255);
				gc.setBackground(fill);
				gc.fillRectangle(left + c * cell, top + r * cell, cell, cell);
				fill.dispose();
				gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_GRAY));
				gc.drawRectangle(left + c * cell, top + r * cell, cell, cell);
				gc.setForeground(getDisplay().getSystemColor(s > 0.6 ? SWT.COLOR_WHITE : SWT.COLOR_BLACK));
				String text = Integer.toString(v);
				Point ext = gc.textExtent(text);
				gc.drawText(text, left + c * cell + (cell - ext.x) / 2, top + r * cell + (cell - ext.y) / 2, true);
			}
		}
	}
}

package dev.nnet.ui.views.charts;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A line chart of per-epoch (or, with {@link #setXLabels}, per-layer) series with axes, ticks and a legend;
 * optionally a log-scale y axis. Short series get a marker per point.
 */
public final class ChartCanvas extends Canvas {

	private final String title;
	private final boolean logY;
	private List<ChartSeries> series = List.of();
	private List<String> xLabels = List.of();

	/**
	 * @param parent the parent
	 * @param title  shown above the plot
	 * @param logY   log10 y axis
	 */
	public ChartCanvas(Composite parent, String title, boolean logY) {
		super(parent, SWT.DOUBLE_BUFFERED);
		this.title = title;
		this.logY = logY;
		setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		addPaintListener(e -> paint(e.gc));
	}

	/** Replaces the series and redraws. */
	public void setSeries(List<ChartSeries> series) {
		this.series = List.copyOf(series);
		redraw();
	}

	/**
	 * Names the x positions 0, 1, ... (layers instead of epochs); empty for numeric epoch ticks.
	 *
	 * @param labels one label per integer x value
	 */
	public void setXLabels(List<String> labels) {
		this.xLabels = List.copyOf(labels);
		redraw();
	}

	/** @return the title */
	public String title() {
		return title;
	}

	/** @return the drawn series */
	public List<ChartSeries> series() {
		return series;
	}

	private double ty(double v) {
		return logY ? Math.log10(v) : v;
	}

	private boolean usable(double v) {
		return Double.isFinite(v) && (!logY || v > 0);
	}

	private void paint(GC gc) {
		gc.setAntialias(SWT.ON);
		Rectangle area = getClientArea();
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
		gc.drawText(title, 8, 4, true);
		double xMin = Double.MAX_VALUE, xMax = -Double.MAX_VALUE, yMin = Double.MAX_VALUE, yMax = -Double.MAX_VALUE;
		for (ChartSeries s : series) {
			for (int i = 0; i < s.x().length; i++) {
				if (usable(s.y()[i])) {
					xMin = Math.min(xMin, s.x()[i]);
					xMax = Math.max(xMax, s.x()[i]);
					yMin = Math.min(yMin, ty(s.y()[i]));
					yMax = Math.max(yMax, ty(s.y()[i]));
				}
			}
		}
		int labelWidth = 0;
		boolean integralX = true;
		for (ChartSeries s : series) {
			labelWidth = Math.max(labelWidth, gc.textExtent(s.label()).x);
			for (double x : s.x()) {
				integralX &= x == Math.rint(x);
			}
		}
		int column = labelWidth + 40;
		int perRow = Math.max(1, Math.min(3, (area.width - 16) / Math.max(1, column)));
		int rows = (series.size() + perRow - 1) / perRow;
		int left = 58, top = 24 + 16 * rows, right = area.width - 12, bottom = area.height - 24;
		if (xMin > xMax || right - left < 40 || bottom - top < 30) {
			gc.drawText(series.isEmpty() ? "Select runs to compare" : "No data", left, top + 10, true);
			return;
		}
		if (xMax == xMin) {
			xMax = xMin + 1;
		}
		if (logY) {
			yMin = Math.floor(yMin);
			yMax = Math.max(Math.ceil(yMax), yMin + 1);
		} else if (yMax - yMin < 1e-12) {
			yMin -= 0.5;
			yMax += 0.5;
		}
		Color grid = new Color(225, 225, 225);
		gc.setForeground(grid);
		int ticks = logY ? (int) Math.min(8, yMax - yMin) : 4;
		for (int t = 0; t <= ticks; t++) {
			double v = yMin + (yMax - yMin) * t / ticks;
			int py = (int) (bottom - (bottom - top) * (v - yMin) / (yMax - yMin));
			gc.setForeground(grid);
			gc.drawLine(left, py, right, py);
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
			String label = logY ? "1e" + (int) Math.round(v) : String.format(Locale.ROOT, "%.3g", v);
			Point ext = gc.textExtent(label);
			gc.drawText(label, left - ext.x - 4, py - ext.y / 2, true);
		}
		if (!xLabels.isEmpty()) {
			for (int i = 0; i < xLabels.size(); i++) {
				if (i < xMin || i > xMax) {
					continue;
				}
				int px = (int) (left + (right - left) * (i - xMin) / (xMax - xMin));
				Point ext = gc.textExtent(xLabels.get(i));
				gc.drawText(xLabels.get(i), Math.max(2, Math.min(px - ext.x / 2, area.width - ext.x - 2)), bottom + 4,
						true);
			}
		}
		for (int t = 0; t <= 4 && xLabels.isEmpty(); t++) {
			double v = xMin + (xMax - xMin) * t / 4;
			int px = (int) (left + (right - left) * (v - xMin) / (xMax - xMin));
			String label = String.format(Locale.ROOT, integralX ? "%.0f" : "%.3g", v);
			Point ext = gc.textExtent(label);
			gc.drawText(label, Math.min(px - ext.x / 2, area.width - ext.x - 2), bottom + 4, true);
		}
		gc.drawRectangle(left, top, right - left, bottom - top);
		grid.dispose();
		for (int k = 0; k < series.size(); k++) {
			ChartSeries s = series.get(k);
			Color c = new Color((s.rgb() >> 16) & 255, (s.rgb() >> 8) & 255, s.rgb() & 255);
			gc.setForeground(c);
			gc.setLineWidth(2);
			gc.setLineStyle(s.lineStyle());
			int px0 = Integer.MIN_VALUE, py0 = 0;
			int step = Math.max(1, s.x().length / Math.max(1, right - left));
			for (int i = 0; i < s.x().length; i += step) {
				if (!usable(s.y()[i])) {
					px0 = Integer.MIN_VALUE;
					continue;
				}
				int px = (int) (left + (right - left) * (s.x()[i] - xMin) / (xMax - xMin));
				int py = (int) (bottom - (bottom - top) * (ty(s.y()[i]) - yMin) / (yMax - yMin));
				if (px0 != Integer.MIN_VALUE) {
					gc.drawLine(px0, py0, px, py);
				}
				if (s.x().length <= 16) {
					gc.setBackground(c);
					gc.fillOval(px - 3, py - 3, 7, 7);
				}
				px0 = px;
				py0 = py;
			}
			int lx = 8 + (k % perRow) * Math.max(column, (area.width - 16) / perRow), ly = 22 + 16 * (k / perRow);
			gc.drawLine(lx, ly + 7, lx + 18, ly + 7);
			gc.setLineStyle(SWT.LINE_SOLID);
			gc.setLineWidth(1);
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
			gc.drawText(s.label(), lx + 22, ly, true);
			c.dispose();
		}
	}
}

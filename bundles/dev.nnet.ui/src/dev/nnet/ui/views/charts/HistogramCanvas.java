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

import dev.nnet.engine.train.Histogram;

/**
 * Histograms over epochs, as TensorBoard's distributions: x the epoch, y the value, each epoch's bins shaded by their
 * share of that epoch's largest bin. The histograms come from the engine; this canvas only paints them.
 */
public final class HistogramCanvas extends Canvas {

	private final String title;
	private String subtitle = "";
	private int rgb = 0x1F77B4;
	private int[] epochs = new int[0];
	private List<Histogram> histograms = List.of();

	/**
	 * @param parent the parent
	 * @param title  shown above the plot
	 */
	public HistogramCanvas(Composite parent, String title) {
		super(parent, SWT.DOUBLE_BUFFERED);
		this.title = title;
		setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		addPaintListener(e -> paint(e.gc));
	}

	/**
	 * @param subtitle   which run and layer
	 * @param rgb        the color 0xRRGGBB
	 * @param epochs     epoch numbers
	 * @param histograms one histogram per epoch
	 */
	public void setHistograms(String subtitle, int rgb, int[] epochs, List<Histogram> histograms) {
		this.subtitle = subtitle;
		this.rgb = rgb;
		this.epochs = epochs.clone();
		this.histograms = List.copyOf(histograms);
		redraw();
	}

	/** @return the histograms drawn, one per epoch */
	public List<Histogram> histograms() {
		return histograms;
	}

	private void paint(GC gc) {
		Rectangle area = getClientArea();
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
		gc.drawText(title + (subtitle.isEmpty() ? "" : ": " + subtitle), 8, 4, true);
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		for (Histogram h : histograms) {
			if (h.total() > 0) {
				lo = Math.min(lo, h.min());
				hi = Math.max(hi, h.max());
			}
		}
		int left = 64, top = 26, right = area.width - 12, bottom = area.height - 24;
		if (lo > hi || right - left < 40 || bottom - top < 30) {
			gc.drawText(histograms.isEmpty() ? "Select a run" : "No histograms recorded", left, top + 10, true);
			return;
		}
		if (hi - lo < 1e-12) {
			lo -= 0.5;
			hi += 0.5;
		}
		int n = histograms.size();
		double colWidth = (double) (right - left) / n;
		for (int e = 0; e < n; e++) {
			Histogram h = histograms.get(e);
			int peak = 0;
			for (int c : h.counts()) {
				peak = Math.max(peak, c);
			}
			if (peak == 0) {
				continue;
			}
			int x0 = left + (int) (e * colWidth), x1 = left + (int) ((e + 1) * colWidth);
			double width = (h.max() - h.min()) / h.counts().length;
			for (int b = 0; b < h.counts().length; b++) {
				if (h.counts()[b] == 0) {
					continue;
				}
				double from = h.lower(b), to = width == 0 ? h.max() + (hi - lo) / 100 : from + width;
				int y0 = y(to, lo, hi, top, bottom), y1 = y(from, lo, hi, top, bottom);
				Color c = shade((double) h.counts()[b] / peak);
				gc.setBackground(c);
				gc.fillRectangle(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
				c.dispose();
			}
		}
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
		gc.drawRectangle(left, top, right - left, bottom - top);
		for (int t = 0; t <= 4; t++) {
			double v = lo + (hi - lo) * t / 4;
			int py = y(v, lo, hi, top, bottom);
			String label = String.format(Locale.ROOT, "%.3g", v);
			Point ext = gc.textExtent(label);
			gc.drawText(label, left - ext.x - 4, py - ext.y / 2, true);
		}
		for (int t = 0; t <= 4; t++) {
			int e = Math.min(n - 1, (n - 1) * t / 4);
			String label = Integer.toString(epochs[e]);
			Point ext = gc.textExtent(label);
			int px = left + (int) ((e + 0.5) * colWidth);
			gc.drawText(label, Math.min(px - ext.x / 2, area.width - ext.x - 2), bottom + 4, true);
		}
	}

	private static int y(double v, double lo, double hi, int top, int bottom) {
		return (int) Math.round(bottom - (bottom - top) * (v - lo) / (hi - lo));
	}

	private Color shade(double k) {
		int c = Shades.tint(rgb, 0.12 + 0.88 * Math.max(0, Math.min(1, k)));
		return new Color((c >> 16) & 255, (c >> 8) & 255, c & 255);
	}
}

package dev.nnet.ui.views.boundary;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;

import dev.nnet.lang.runs.DecisionBoundary;
import dev.nnet.ui.views.charts.Shades;

/**
 * Paints a decision boundary into a square: the grid's class colors shaded by confidence and blended bilinearly
 * between cell centers (smooth, as TensorFlow Playground), axis ticks and feature names, training points filled and
 * test points as rings.
 */
final class BoundaryPainter {

	private BoundaryPainter() {
	}

	/** Paints at (left, top), {@code side} pixels wide and high, with the axes outside that square. */
	static void paint(GC gc, Display display, DecisionBoundary b, int left, int top, int side) {
		Image image = new Image(display, render(b, side));
		gc.drawImage(image, left, top);
		image.dispose();
		gc.setAntialias(SWT.ON);
		points(gc, display, b, b.points(), b.classes(), left, top, side, false);
		points(gc, display, b, b.testPoints(), b.testClasses(), left, top, side, true);
		gc.setForeground(display.getSystemColor(SWT.COLOR_BLACK));
		gc.setLineWidth(1);
		gc.drawRectangle(left, top, side, side);
		for (int t = 0; t <= 4; t++) {
			double vx = b.xMin() + (b.xMax() - b.xMin()) * t / 4;
			int px = left + side * t / 4;
			gc.drawLine(px, top + side, px, top + side + 4);
			String lx = String.format(Locale.ROOT, "%.3g", vx);
			Point ex = gc.textExtent(lx);
			gc.drawText(lx, px - ex.x / 2, top + side + 5, true);
			double vy = b.yMin() + (b.yMax() - b.yMin()) * t / 4;
			int py = top + side - side * t / 4;
			gc.drawLine(left - 4, py, left, py);
			String ly = String.format(Locale.ROOT, "%.3g", vy);
			Point ey = gc.textExtent(ly);
			gc.drawText(ly, left - ey.x - 6, py - ey.y / 2, true);
		}
		Point xn = gc.textExtent(b.xName());
		gc.drawText(b.xName(), left + (side - xn.x) / 2, top + side + 5 + xn.y, true);
		Transform.verticalText(gc, display, b.yName(), left - 88, top + side / 2);
	}

	private static void points(GC gc, Display display, DecisionBoundary b, double[][] pts, int[] classes, int left,
			int top, int side, boolean test) {
		Color outline = new Color(display, 0x30, 0x30, 0x30);
		for (int i = 0; i < pts.length; i++) {
			int px = left + (int) ((pts[i][0] - b.xMin()) / (b.xMax() - b.xMin()) * side);
			int py = top + (int) ((b.yMax() - pts[i][1]) / (b.yMax() - b.yMin()) * side);
			int rgb = DecisionBoundaryView.CLASS_COLORS[classes[i] % DecisionBoundaryView.CLASS_COLORS.length];
			Color c = new Color(display, (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255);
			if (test) { // a ring: white inside, the class color around, outlined
				gc.setBackground(c);
				gc.fillOval(px - 7, py - 7, 15, 15);
				gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
				gc.fillOval(px - 3, py - 3, 7, 7);
			} else {
				gc.setBackground(c);
				gc.fillOval(px - 5, py - 5, 11, 11);
			}
			gc.setForeground(outline);
			gc.setLineWidth(1);
			int r = test ? 7 : 5;
			gc.drawOval(px - r, py - r, 2 * r, 2 * r);
			c.dispose();
		}
		outline.dispose();
	}

	/**
	 * @return the shading, {@code side x side} pixels: for two classes the probability of class 1 is interpolated
	 *         bilinearly between the cell centers and colored per pixel (a smooth boundary where it crosses 1/2);
	 *         for more classes the cells' colors are blended bilinearly
	 */
	static ImageData render(DecisionBoundary b, int side) {
		int n = b.resolution();
		boolean binary = b.classCount() == 2;
		double[] p = new double[n * n];
		int[] cells = new int[n * n];
		for (int i = 0; i < cells.length; i++) {
			p[i] = b.predicted()[i] == 1 ? b.confidence()[i] : 1 - b.confidence()[i];
			cells[i] = cellColor(b.predicted()[i], binary ? Math.abs(2 * b.confidence()[i] - 1) : b.confidence()[i]);
		}
		ImageData data = new ImageData(side, side, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
		for (int py = 0; py < side; py++) {
			double v = Math.max(0, Math.min(n - 1, (py + 0.5) * n / side - 0.5));
			int r0 = (int) v, r1 = Math.min(n - 1, r0 + 1);
			double fy = v - r0;
			for (int px = 0; px < side; px++) {
				double u = Math.max(0, Math.min(n - 1, (px + 0.5) * n / side - 0.5));
				int c0 = (int) u, c1 = Math.min(n - 1, c0 + 1);
				double fx = u - c0;
				int a = r0 * n + c0, bb = r0 * n + c1, c = r1 * n + c0, d = r1 * n + c1;
				int rgb;
				if (binary) {
					double q = lerp(lerp(p[a], p[bb], fx), lerp(p[c], p[d], fx), fy);
					rgb = cellColor(q >= 0.5 ? 1 : 0, Math.abs(2 * q - 1));
				} else {
					rgb = 0;
					for (int shift = 16; shift >= 0; shift -= 8) {
						double top = lerp(channel(cells[a], shift), channel(cells[bb], shift), fx);
						double bottom = lerp(channel(cells[c], shift), channel(cells[d], shift), fx);
						rgb |= ((int) Math.round(lerp(top, bottom, fy))) << shift;
					}
				}
				data.setPixel(px, py, rgb);
			}
		}
		return data;
	}

	/** @return the class color tinted by how sure the network is (k in [0, 1]) */
	private static int cellColor(int predicted, double k) {
		int c = DecisionBoundaryView.CLASS_COLORS[predicted % DecisionBoundaryView.CLASS_COLORS.length];
		return Shades.tint(c, 0.12 + 0.5 * Math.max(0, Math.min(1, k)));
	}

	private static int channel(int rgb, int shift) {
		return (rgb >> shift) & 255;
	}

	private static double lerp(double a, double b, double t) {
		return a + (b - a) * t;
	}

	/** Rotated text for the y axis name. */
	static final class Transform {
		private Transform() {
		}

		static void verticalText(GC gc, Display display, String text, int x, int centerY) {
			org.eclipse.swt.graphics.Transform t = new org.eclipse.swt.graphics.Transform(display);
			Point e = gc.textExtent(text);
			t.translate(x, centerY + e.x / 2f);
			t.rotate(-90);
			gc.setTransform(t);
			gc.drawText(text, 0, 0, true);
			gc.setTransform(null);
			t.dispose();
		}
	}
}

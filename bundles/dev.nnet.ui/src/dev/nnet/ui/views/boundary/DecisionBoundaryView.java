package dev.nnet.ui.views.boundary;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

import dev.nnet.engine.train.EpochEnd;
import dev.nnet.lang.runs.DecisionBoundary;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.ui.runs.RunsListener;
import dev.nnet.ui.runs.RunsRegistry;

/**
 * The Decision Boundary view: for the newest run of a network with 2 inputs, the input plane shaded by the
 * predicted class (color) and its probability (intensity), with the training points on top, as in TensorFlow
 * Playground. Updated while the run trains. Predictions come from the engine ({@link DecisionBoundary}); this
 * view only paints.
 */
public final class DecisionBoundaryView extends ViewPart implements RunsListener {

	/** The view id (plugin.xml). */
	public static final String ID = "dev.nnet.ui.views.boundary";
	/** Class colors: orange, blue (as Playground for two classes), then more. */
	static final int[] CLASS_COLORS = { 0xF59322, 0x0877BD, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2,
			0x7F7F7F, 0xBCBD22, 0x17BECF };

	private Canvas canvas;
	private volatile RunRecord run;
	private volatile DecisionBoundary boundary;
	private volatile boolean pending;

	@Override
	public void createPartControl(Composite parent) {
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
		canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		canvas.addPaintListener(e -> paint(e.gc));
		RunsRegistry.get().addListener(this);
		refresh();
	}

	/** @return the boundary shown, or null */
	public DecisionBoundary getBoundary() {
		return boundary;
	}

	/** @return the run whose boundary is shown, or null */
	public RunRecord getRun() {
		return run;
	}

	private void refresh() {
		run = RunsRegistry.get().latestWithBoundary();
		boundary = RunsRegistry.get().boundary(run);
		if (!canvas.isDisposed()) {
			canvas.redraw();
		}
	}

	private void paint(GC gc) {
		DecisionBoundary b = boundary;
		Rectangle area = canvas.getClientArea();
		if (b == null) {
			gc.drawText("Train a network with 2 inputs (Run As > NNet Training) to see its decision boundary.", 10, 10);
			return;
		}
		int header = 26;
		int side = Math.max(10, Math.min(area.width - 20, area.height - header - 10));
		int left = (area.width - side) / 2;
		Image image = new Image(canvas.getDisplay(), render(b));
		gc.setInterpolation(SWT.HIGH);
		gc.drawImage(image, 0, 0, b.resolution(), b.resolution(), left, header, side, side);
		image.dispose();
		gc.setAntialias(SWT.ON);
		for (int i = 0; i < b.points().length; i++) {
			int px = left + (int) ((b.points()[i][0] - b.xMin()) / (b.xMax() - b.xMin()) * side);
			int py = header + (int) ((b.yMax() - b.points()[i][1]) / (b.yMax() - b.yMin()) * side);
			Color c = rgb(CLASS_COLORS[b.classes()[i] % CLASS_COLORS.length]);
			gc.setBackground(c);
			gc.fillOval(px - 5, py - 5, 11, 11);
			gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
			gc.setLineWidth(2);
			gc.drawOval(px - 5, py - 5, 11, 11);
			c.dispose();
		}
		gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
		gc.setLineWidth(1);
		gc.drawRectangle(left, header, side, side);
		RunRecord r = run;
		EpochEnd last = r == null ? null : r.lastEpoch();
		String title = r == null ? "" : String.format(Locale.ROOT, "%s / %s  epoch %d  train loss %.4g  accuracy %.1f%%  %s",
				r.network(), r.training(), last == null ? 0 : last.epoch(), last == null ? Double.NaN : last.trainLoss(),
				last == null ? Double.NaN : 100 * last.trainAccuracy(), r.status());
		gc.drawText(title, left, 4, true);
	}

	/** One pixel per grid cell: the class color blended with white by (1 - confidence). */
	static ImageData render(DecisionBoundary b) {
		int n = b.resolution();
		ImageData data = new ImageData(n, n, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
		for (int i = 0; i < n * n; i++) {
			int c = CLASS_COLORS[b.predicted()[i] % CLASS_COLORS.length];
			double k = b.classCount() == 2 ? Math.abs(2 * b.confidence()[i] - 1) : b.confidence()[i];
			double strength = 0.15 + 0.6 * Math.max(0, Math.min(1, k));
			int r = mix((c >> 16) & 255, strength), g = mix((c >> 8) & 255, strength), bl = mix(c & 255, strength);
			data.setPixel(i % n, i / n, (r << 16) | (g << 8) | bl);
		}
		return data;
	}

	private static int mix(int channel, double strength) {
		return (int) Math.round(255 - (255 - channel) * strength);
	}

	private Color rgb(int c) {
		return new Color(canvas.getDisplay(), (c >> 16) & 255, (c >> 8) & 255, c & 255);
	}

	@Override
	public void runsChanged() {
		schedule();
	}

	@Override
	public void epochAdded(RunRecord r) {
		schedule();
	}

	private void schedule() {
		if (pending || canvas.isDisposed()) {
			return;
		}
		pending = true;
		canvas.getDisplay().asyncExec(() -> canvas.getDisplay().timerExec(100, () -> {
			pending = false;
			if (!canvas.isDisposed()) {
				refresh();
			}
		}));
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		RunsRegistry.get().removeListener(this);
		super.dispose();
	}
}

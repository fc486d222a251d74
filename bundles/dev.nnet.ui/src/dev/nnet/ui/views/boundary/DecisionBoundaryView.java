package dev.nnet.ui.views.boundary;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

import dev.nnet.engine.train.EpochEnd;
import dev.nnet.lang.runs.DecisionBoundary;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.runs.RunStatus;
import dev.nnet.ui.runs.RunsListener;
import dev.nnet.ui.runs.RunsRegistry;

/**
 * The Decision Boundary view: for the newest run, the plane of two input features shaded smoothly by the predicted
 * class (color) and its probability (intensity), with axis ticks and feature names, the training points filled and
 * the test points as rings, as in TensorFlow Playground. For more than 2 inputs a chosen pair of features, the others
 * held at their means. Updated while the run trains. Predictions come from the engine ({@link DecisionBoundary});
 * this view only paints.
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
	private FeatureChooser features;
	private Job resample = Job.create("idle", m -> {
	});

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		features = new FeatureChooser(parent, this::featuresChosen);
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
		canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
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
			RunRecord r = run;
			features.show(boundary, r != null
					&& (RunsRegistry.get().sampler(r) != null || r.status() == RunStatus.RUNNING));
			canvas.redraw();
		}
	}

	/**
	 * Draws the boundary over another pair of features (the others at their means): the live snapshots of a
	 * training use them from now on; a finished run's network is sampled again in a background job.
	 */
	public void showFeatures(int fx, int fy) {
		RunsRegistry.get().setBoundaryFeatures(fx, fy);
		RunRecord r = run;
		RunsRegistry.BoundarySampler sampler = RunsRegistry.get().sampler(r);
		if (sampler == null) {
			return;
		}
		resample.cancel();
		resample = Job.create("Decision boundary over other features", monitor -> {
			synchronized (sampler) {
				DecisionBoundary b = sampler.sample(fx, fy);
				if (b != null) {
					RunsRegistry.get().putBoundary(r, b);
				}
			}
		});
		resample.setSystem(true);
		resample.schedule();
	}

	private void featuresChosen() {
		int[] f = features.chosen();
		if (f != null) {
			showFeatures(f[0], f[1]);
		}
	}

	private void paint(GC gc) {
		DecisionBoundary b = boundary;
		Rectangle area = canvas.getClientArea();
		if (b == null) {
			gc.drawText("Train a network (Run As > NNet Training) to see its decision boundary.", 10, 10);
			return;
		}
		int header = 26, margin = 96, below = 48;
		int side = Math.max(10, Math.min(area.width - margin - 20, area.height - header - below));
		int left = margin + Math.max(0, (area.width - margin - 20 - side) / 2);
		BoundaryPainter.paint(gc, canvas.getDisplay(), b, left, header, side);
		gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
		RunRecord r = run;
		EpochEnd last = r == null ? null : r.lastEpoch();
		String title = r == null ? "" : String.format(Locale.ROOT, "%s / %s  epoch %d  train loss %.4g  accuracy %.1f%%  %s",
				r.network(), r.training(), last == null ? 0 : last.epoch(), last == null ? Double.NaN : last.trainLoss(),
				last == null ? Double.NaN : 100 * last.trainAccuracy(), r.status());
		String legend = "   \u25CF train" + (b.testPoints().length > 0 ? "  \u25CB test" : "")
				+ (b.heldAtMeans() > 0 ? "   (" + b.heldAtMeans() + " other features at their means)" : "");
		gc.drawText(title + legend, 8, 4, true);
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

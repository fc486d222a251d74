package dev.nnet.ui.views.graph;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.nnet.lang.graph.GraphLayer;
import dev.nnet.lang.graph.NetworkGraph;
import dev.nnet.lang.graph.SvgWriter;
import dev.nnet.ui.runs.RunsListener;
import dev.nnet.ui.runs.RunsRegistry;
import dev.nnet.ui.views.charts.ChartCanvas;

/**
 * The Network Graph view: the network at the caret of the active {@code .nnet} editor, input to output, neurons
 * and edges for small layers, blocks for large ones; after a run, edges colored by the trained weights. Re-parses
 * off the UI thread {@link #DELAY_MILLIS} after an edit; clicking a layer selects its declaration and moving the
 * caret into a layer highlights it. Hovering (or selecting) a layer shows, beside the graph, its activation f and f'
 * and the gradient flow to it, the validator's bound next to the latest run's measurement. Exports PNG and SVG.
 */
public final class NetworkGraphView extends ViewPart implements RunsListener {

	/** The view id (plugin.xml). */
	public static final String ID = "dev.nnet.ui.views.graph";
	static final int DELAY_MILLIS = 60;

	private Canvas canvas;
	private EditorTracker tracker;
	private volatile GraphSnapshot snapshot = new GraphSnapshot(null, java.util.List.of(), java.util.List.of(), null);
	private int selected = -1;
	private LayerDetails details;
	private int generation;
	private long lastChange;
	private long lastLatency = -1;
	private final Job builder = new Job("Network graph") {
		@Override
		protected IStatus run(IProgressMonitor monitor) {
			rebuild();
			return Status.OK_STATUS;
		}
	};
	private volatile String text = "";
	private volatile IFile file;
	private volatile int caret;

	@Override
	public void createPartControl(Composite parent) {
		SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
		canvas = new Canvas(sash, SWT.DOUBLE_BUFFERED);
		canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		canvas.addPaintListener(e -> paint(e.gc));
		canvas.addListener(SWT.MouseDown, e -> clicked(e.x, e.y));
		canvas.addListener(SWT.MouseMove, e -> hovered(e.x, e.y));
		canvas.addListener(SWT.MouseExit, e -> details.show(snapshot.graph(), selected, snapshot.modelKey()));
		details = new LayerDetails(sash);
		sash.setWeights(72, 28);
		canvas.addListener(SWT.Resize, e -> canvas.redraw());
		builder.setSystem(true);
		tracker = new EditorTracker(getSite().getPage(), this::editorChanged);
		tracker.start();
		RunsRegistry.get().addListener(this);
		Action png = new Action("Export as PNG...") {
			@Override
			public void run() {
				export("png");
			}
		};
		Action svg = new Action("Export as SVG...") {
			@Override
			public void run() {
				export("svg");
			}
		};
		getViewSite().getActionBars().getToolBarManager().add(png);
		getViewSite().getActionBars().getToolBarManager().add(svg);
	}

	private void editorChanged(ITextEditor editor) {
		text = tracker.text();
		file = tracker.file();
		caret = tracker.caret();
		lastChange = System.nanoTime();
		builder.cancel();
		builder.schedule(DELAY_MILLIS);
	}

	private void rebuild() {
		GraphSnapshot next;
		try {
			next = GraphModelBuilder.build(text, file, caret, snapshot.graph() == null ? null : snapshot.graph().name());
		} catch (Exception e) {
			return;
		}
		int column = next.columnAt(caret);
		Display display = canvas.getDisplay();
		if (!display.isDisposed()) {
			display.asyncExec(() -> {
				if (canvas.isDisposed()) {
					return;
				}
				snapshot = next;
				selected = column;
				generation++;
				details.invalidate();
				details.show(next.graph(), column, next.modelKey());
				lastLatency = (System.nanoTime() - lastChange) / 1_000_000;
				canvas.redraw();
			});
		}
	}

	private double scale() {
		NetworkGraph g = snapshot.graph();
		Rectangle area = canvas.getClientArea();
		if (g == null || area.width <= 0) {
			return 1;
		}
		return Math.min(1.5, Math.min(area.width / g.width(), area.height / g.height()));
	}

	private void paint(GC gc) {
		NetworkGraph g = snapshot.graph();
		if (g == null) {
			gc.drawText(tracker.editor() == null ? "Open a .nnet file to see its network." : "No network in this file.",
					10, 10);
			return;
		}
		Transform t = new Transform(gc.getDevice());
		double s = scale();
		t.scale((float) s, (float) s);
		gc.setTransform(t);
		GraphPainter.paint(gc, gc.getDevice(), g, selected);
		gc.setTransform(null);
		t.dispose();
	}

	private void clicked(int x, int y) {
		NetworkGraph g = snapshot.graph();
		double s = scale();
		GraphLayer layer = g == null ? null : g.layerAt(x / s, y / s);
		if (layer != null) {
			selectLayer(layer.index());
		}
	}

	private void hovered(int x, int y) {
		NetworkGraph g = snapshot.graph();
		double s = scale();
		GraphLayer layer = g == null ? null : g.layerAt(x / s, y / s);
		details.show(g, layer == null ? selected : layer.index(), snapshot.modelKey());
	}

	/**
	 * Shows a layer's activation curve and gradient flow in the side panel, as hovering it does.
	 *
	 * @param column the column index (1 for the first layer)
	 */
	public void hoverLayer(int column) {
		details.show(snapshot.graph(), column, snapshot.modelKey());
	}

	/** @return the side panel's activation plot: f and f' of the hovered layer */
	public ChartCanvas activationChart() {
		return details.curve();
	}

	/** @return the side panel's gradient-flow text of the hovered layer */
	public String gradientFlowText() {
		return details.flowText();
	}

	/** Selects a column in the view and its declaration in the editor. */
	public void selectLayer(int column) {
		selected = column;
		details.show(snapshot.graph(), column, snapshot.modelKey());
		canvas.redraw();
		int[] r = column >= 0 && column < snapshot.ranges().size() ? snapshot.ranges().get(column) : null;
		if (r != null && tracker.editor() != null) {
			tracker.editor().selectAndReveal(r[0], r[1]);
		}
	}

	/** @return the graph shown, or null */
	public NetworkGraph getGraph() {
		return snapshot.graph();
	}

	/** @return the highlighted column index, -1 for none */
	public int getSelectedLayer() {
		return selected;
	}

	/** @return a counter increased by every redraw with a new graph (for waiting in tests) */
	public int getGeneration() {
		return generation;
	}

	/** @return milliseconds from the last edit or caret move to the new graph on screen, -1 before the first */
	public long getLastLatencyMillis() {
		return lastLatency;
	}

	private void export(String format) {
		if (getGraph() == null) {
			return;
		}
		FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
		d.setFileName(getGraph().name() + "." + format);
		String path = d.open();
		if (path == null) {
			return;
		}
		try {
			if (format.equals("png")) {
				exportPng(Path.of(path));
			} else {
				exportSvg(Path.of(path));
			}
		} catch (IOException e) {
			MessageDialog.openError(getSite().getShell(), "Export", path + ": " + e.getMessage());
		}
	}

	/** Writes the graph (at its natural size, white background) as PNG. */
	public void exportPng(Path file) throws IOException {
		NetworkGraph g = getGraph();
		Image image = new Image(canvas.getDisplay(), (int) Math.ceil(g.width()), (int) Math.ceil(g.height()));
		try {
			GC gc = new GC(image);
			gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
			gc.fillRectangle(0, 0, (int) Math.ceil(g.width()), (int) Math.ceil(g.height()));
			GraphPainter.paint(gc, canvas.getDisplay(), g, -1);
			gc.dispose();
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(file.toString(), SWT.IMAGE_PNG);
		} finally {
			image.dispose();
		}
	}

	/** Writes the graph as SVG (see {@link SvgWriter}). */
	public void exportSvg(Path file) throws IOException {
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			SvgWriter.write(getGraph(), w);
		}
	}

	@Override
	public void runsChanged() {
		if (!canvas.isDisposed() && file != null) {
			builder.schedule(DELAY_MILLIS);
		}
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		RunsRegistry.get().removeListener(this);
		tracker.dispose();
		builder.cancel();
		super.dispose();
	}
}

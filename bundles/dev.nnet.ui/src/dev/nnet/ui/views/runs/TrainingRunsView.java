package dev.nnet.ui.views.runs;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import dev.nnet.engine.train.LayerStats;
import dev.nnet.lang.runs.EpochsCsv;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.ui.onnx.RunModels;
import dev.nnet.ui.runs.RunsListener;
import dev.nnet.ui.runs.RunsRegistry;
import dev.nnet.ui.views.charts.ChartCanvas;
import dev.nnet.ui.views.charts.ConfusionCanvas;
import dev.nnet.ui.views.charts.HistogramCanvas;

/**
 * The Training Runs view: a table of the workspace's runs (IDE and CLI runs alike) and, for the selected ones
 * overlaid with a legend per run, tabs of charts: loss and accuracy with their test (validation) curves; per layer the
 * gradient norm, the update:parameter ratio, the activation mean and standard deviation; weight and gradient
 * histograms over epochs; the gradient flow, measured vs the validator's bound; the confusion matrix. A slider
 * smooths the curves. Updated live while runs train (at most every {@link #REFRESH_MILLIS}). Every number comes from
 * the run records; the view only draws.
 */
public final class TrainingRunsView extends ViewPart implements RunsListener {

	/** The view id (plugin.xml). */
	public static final String ID = "dev.nnet.ui.views.runs";
	static final int REFRESH_MILLIS = 200;

	private TableViewer table;
	private ChartCanvas loss;
	private ChartCanvas accuracy;
	private ChartCanvas gradients;
	private ChartCanvas updates;
	private ChartCanvas activationMean;
	private ChartCanvas activationStd;
	private ChartCanvas flow;
	private HistogramCanvas weightHistogram;
	private HistogramCanvas gradientHistogram;
	private ConfusionCanvas confusion;
	private RunControls controls;
	private CTabFolder tabs;
	private volatile boolean refreshPending;

	@Override
	public void createPartControl(Composite parent) {
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		table = new TableViewer(sash, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		for (RunColumns c : RunColumns.values()) {
			TableViewerColumn col = new TableViewerColumn(table, SWT.LEFT);
			col.getColumn().setText(c.header);
			col.getColumn().setWidth(c.width);
			col.setLabelProvider(new ColumnLabelProvider() {
				@Override
				public String getText(Object element) {
					return c.text.apply((RunRecord) element);
				}
			});
		}
		table.setContentProvider(ArrayContentProvider.getInstance());
		table.addSelectionChangedListener(e -> updateCharts());
		Composite lower = new Composite(sash, SWT.NONE);
		lower.setLayout(new GridLayout(1, false));
		controls = new RunControls(lower, this::updateCharts);
		tabs = new CTabFolder(lower, SWT.BOTTOM | SWT.BORDER);
		tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		Composite curves = tab("Curves");
		loss = new ChartCanvas(curves, "Loss per epoch (dashed: test / validation)", false);
		accuracy = new ChartCanvas(curves, "Accuracy per epoch (dashed: test / validation)", false);
		Composite layers = tab("Layers");
		layers.setLayout(new GridLayout(2, true));
		gradients = grid(new ChartCanvas(layers, "Gradient norm per layer (log)", true));
		updates = grid(new ChartCanvas(layers, "Update:parameter ratio per layer (log10; about 1e-3 is healthy)", true));
		activationMean = grid(new ChartCanvas(layers, "Activation mean per layer", false));
		activationStd = grid(new ChartCanvas(layers, "Activation standard deviation per layer", false));
		Composite histogramTab = tab("Histograms");
		weightHistogram = new HistogramCanvas(histogramTab, "Weights over epochs");
		gradientHistogram = new HistogramCanvas(histogramTab, "Gradients over epochs (last batch)");
		Composite flowTab = tab("Gradient Flow");
		flow = new ChartCanvas(flowTab,
				"Gradient flow: layer gradient norm / output layer's, measured vs the validator's static bound (log)",
				true);
		confusion = new ConfusionCanvas(tab("Confusion Matrix"));
		tabs.setSelection(0);
		sash.setWeights(30, 70);
		getSite().setSelectionProvider(table);
		contributeActions();
		table.setInput(RunsRegistry.get().runs());
		RunsRegistry.get().addListener(this);
	}

	private Composite tab(String title) {
		CTabItem item = new CTabItem(tabs, SWT.NONE);
		item.setText(title);
		Composite c = new Composite(tabs, SWT.NONE);
		c.setLayout(new FillLayout());
		item.setControl(c);
		return c;
	}

	private static ChartCanvas grid(ChartCanvas c) {
		c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		return c;
	}

	/**
	 * Shows a tab.
	 *
	 * @param title its title: Curves, Layers, Histograms, Gradient Flow, Confusion Matrix
	 */
	public void showTab(String title) {
		for (CTabItem item : tabs.getItems()) {
			if (item.getText().equals(title)) {
				tabs.setSelection(item);
			}
		}
	}

	/** Sets the smoothing weight (the slider), in [0, 1). */
	public void setSmoothing(double weight) {
		controls.setSmoothing(weight);
		updateCharts();
	}

	/** @return the weight and gradient histogram canvases */
	public List<HistogramCanvas> histograms() {
		return List.of(weightHistogram, gradientHistogram);
	}

	/** @return the confusion matrix canvas */
	public ConfusionCanvas confusion() {
		return confusion;
	}

	private void contributeActions() {
		var images = PlatformUI.getWorkbench().getSharedImages();
		Action delete = new Action("Delete Selected Runs") {
			@Override
			public void run() {
				List<RunRecord> selected = selectedRuns();
				if (!selected.isEmpty() && MessageDialog.openConfirm(getSite().getShell(), "Delete Runs",
						"Delete " + selected.size() + " run(s) and their files?")) {
					deleteRuns(selected);
				}
			}
		};
		delete.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_DELETE));
		Action export = new Action("Export Selected Runs as CSV...") {
			@Override
			public void run() {
				FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
				d.setFileName("runs.csv");
				String path = d.open();
				if (path != null) {
					exportCsv(selectedRuns().isEmpty() ? RunsRegistry.get().runs() : selectedRuns(), Path.of(path));
				}
			}
		};
		export.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ETOOL_SAVEAS_EDIT));
		Action onnx = new Action("Export Run's Model as ONNX...") {
			@Override
			public void run() {
				List<RunRecord> selected = selectedRuns();
				if (!selected.isEmpty()) {
					RunModels.export(getSite().getShell(), selected.get(0));
				}
			}
		};
		onnx.setToolTipText("Export the model file of the selected run's training as ONNX (its save \"...\")");
		Action reload = new Action("Reload Runs From Disk") {
			@Override
			public void run() {
				RunsRegistry.get().reload();
			}
		};
		var bar = getViewSite().getActionBars().getToolBarManager();
		bar.add(reload);
		bar.add(export);
		bar.add(onnx);
		bar.add(delete);
	}

	/** Deletes runs (files included) without asking. */
	public void deleteRuns(List<RunRecord> runs) {
		try {
			RunsRegistry.get().delete(runs);
		} catch (IOException e) {
			MessageDialog.openError(getSite().getShell(), "Delete Runs", e.getMessage());
		}
	}

	/** Writes runs as one CSV table (see {@link EpochsCsv#export}). */
	public void exportCsv(List<RunRecord> runs, Path file) {
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			EpochsCsv.export(runs, w);
		} catch (IOException e) {
			MessageDialog.openError(getSite().getShell(), "Export Runs", file + ": " + e.getMessage());
		}
	}

	/** @return the runs shown in the table, newest first */
	@SuppressWarnings("unchecked")
	public List<RunRecord> shownRuns() {
		return (List<RunRecord>) table.getInput();
	}

	/** @return the selected runs */
	public List<RunRecord> selectedRuns() {
		return ((IStructuredSelection) table.getSelection()).toList();
	}

	/** Selects runs (their charts are drawn). */
	public void select(List<RunRecord> runs) {
		table.setSelection(new StructuredSelection(runs), true);
		updateCharts();
	}

	/**
	 * @return the line charts: loss, accuracy, gradient norm, update ratio, activation mean, activation std,
	 *         gradient flow
	 */
	public List<ChartCanvas> charts() {
		return List.of(loss, accuracy, gradients, updates, activationMean, activationStd, flow);
	}

	private void updateCharts() {
		List<RunRecord> selected = selectedRuns();
		double w = controls.smoothing();
		loss.setSeries(RunCharts.loss(selected, w));
		accuracy.setSeries(RunCharts.accuracy(selected, w));
		gradients.setSeries(RunCharts.perLayer(selected, LayerStats::gradientNorm, w, true));
		updates.setSeries(RunCharts.perLayer(selected, LayerStats::updateRatio, w, true));
		activationMean.setSeries(RunCharts.perLayer(selected, LayerStats::activationMean, w, false));
		activationStd.setSeries(RunCharts.perLayer(selected, LayerStats::activationStd, w, false));
		flow.setXLabels(RunCharts.layerLabels(selected));
		flow.setSeries(RunCharts.gradientFlow(selected));
		RunRecord first = selected.isEmpty() ? null : selected.get(0);
		controls.setLayers(first == null ? List.of() : first.layerNames());
		RunHistograms.show(first, controls.layer(), weightHistogram, gradientHistogram);
		confusion.setMatrix(first == null ? null : first.confusion(),
				first == null ? "" : first.training() + " " + Times.FORMAT.format(first.started()));
	}

	@Override
	public void runsChanged() {
		scheduleRefresh();
	}

	@Override
	public void epochAdded(RunRecord run) {
		scheduleRefresh();
	}

	private void scheduleRefresh() {
		if (refreshPending || table == null) {
			return;
		}
		refreshPending = true;
		table.getTable().getDisplay().asyncExec(() -> table.getTable().getDisplay().timerExec(REFRESH_MILLIS, () -> {
			refreshPending = false;
			if (table.getTable().isDisposed()) {
				return;
			}
			List<RunRecord> selected = selectedRuns();
			List<RunRecord> runs = RunsRegistry.get().runs();
			table.setInput(runs);
			table.setSelection(new StructuredSelection(selected.stream().filter(runs::contains).toList()));
			updateCharts();
		}));
	}

	@Override
	public void setFocus() {
		table.getTable().setFocus();
	}

	@Override
	public void dispose() {
		RunsRegistry.get().removeListener(this);
		super.dispose();
	}
}

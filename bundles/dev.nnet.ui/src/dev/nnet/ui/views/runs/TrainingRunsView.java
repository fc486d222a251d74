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
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import dev.nnet.lang.runs.EpochsCsv;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.ui.runs.RunsListener;
import dev.nnet.ui.runs.RunsRegistry;
import dev.nnet.ui.views.charts.ChartCanvas;

/**
 * The Training Runs view: a table of the workspace's runs and charts (loss, accuracy, per-layer gradient norms on a
 * log scale) of the selected ones, overlaid; updated live while runs train (at most every {@link #REFRESH_MILLIS}).
 */
public final class TrainingRunsView extends ViewPart implements RunsListener {

	/** The view id (plugin.xml). */
	public static final String ID = "dev.nnet.ui.views.runs";
	static final int REFRESH_MILLIS = 200;

	private TableViewer table;
	private ChartCanvas loss;
	private ChartCanvas accuracy;
	private ChartCanvas gradients;
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
		Composite charts = new Composite(sash, SWT.NONE);
		charts.setLayout(new FillLayout());
		loss = new ChartCanvas(charts, "Loss per epoch", false);
		accuracy = new ChartCanvas(charts, "Accuracy per epoch", false);
		gradients = new ChartCanvas(charts, "Gradient norm per layer (log)", true);
		sash.setWeights(35, 65);
		getSite().setSelectionProvider(table);
		contributeActions();
		table.setInput(RunsRegistry.get().runs());
		RunsRegistry.get().addListener(this);
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
		Action reload = new Action("Reload Runs From Disk") {
			@Override
			public void run() {
				RunsRegistry.get().reload();
			}
		};
		var bar = getViewSite().getActionBars().getToolBarManager();
		bar.add(reload);
		bar.add(export);
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

	/** @return the loss, accuracy and gradient charts */
	public List<ChartCanvas> charts() {
		return List.of(loss, accuracy, gradients);
	}

	private void updateCharts() {
		List<RunRecord> selected = selectedRuns();
		loss.setSeries(RunCharts.loss(selected));
		accuracy.setSeries(RunCharts.accuracy(selected));
		gradients.setSeries(RunCharts.gradients(selected));
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

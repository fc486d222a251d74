package dev.nnet.ui.views.runs;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;

/** The row above the charts: the smoothing slider (TensorBoard's, 0 to 0.99) and the layer of the histograms. */
final class RunControls {

	private final Scale slider;
	private final Label value;
	private final Combo layer;
	private List<String> layers = List.of();

	RunControls(Composite parent, Runnable changed) {
		Composite row = new Composite(parent, SWT.NONE);
		row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		row.setLayout(new GridLayout(5, false));
		new Label(row, SWT.NONE).setText("Smoothing");
		slider = new Scale(row, SWT.HORIZONTAL);
		slider.setMinimum(0);
		slider.setMaximum(99);
		slider.setIncrement(1);
		slider.setPageIncrement(10);
		slider.setLayoutData(new GridData(200, SWT.DEFAULT));
		value = new Label(row, SWT.NONE);
		value.setLayoutData(new GridData(40, SWT.DEFAULT));
		new Label(row, SWT.NONE).setText("   Histograms of layer");
		layer = new Combo(row, SWT.READ_ONLY | SWT.DROP_DOWN);
		layer.setLayoutData(new GridData(140, SWT.DEFAULT));
		slider.addListener(SWT.Selection, e -> {
			showValue();
			changed.run();
		});
		layer.addListener(SWT.Selection, e -> changed.run());
		showValue();
	}

	private void showValue() {
		value.setText(String.format(Locale.ROOT, "%.2f", smoothing()));
	}

	/** @return the smoothing weight in [0, 0.99] */
	double smoothing() {
		return slider.getSelection() / 100.0;
	}

	void setSmoothing(double weight) {
		slider.setSelection((int) Math.round(Math.max(0, Math.min(0.99, weight)) * 100));
		showValue();
	}

	/** Offers the layers of the first selected run, keeping the chosen one when it is still there. */
	void setLayers(List<String> names) {
		if (names.equals(layers)) {
			return;
		}
		String chosen = layer();
		layers = List.copyOf(names);
		layer.setItems(names.toArray(new String[0]));
		int keep = chosen == null ? -1 : names.indexOf(chosen);
		if (!names.isEmpty()) {
			layer.select(Math.max(0, keep));
		}
	}

	/** @return the chosen layer, or null */
	String layer() {
		int i = layer.getSelectionIndex();
		return i < 0 || i >= layers.size() ? null : layers.get(i);
	}
}

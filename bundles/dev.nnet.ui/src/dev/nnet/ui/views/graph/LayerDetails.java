package dev.nnet.ui.views.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import dev.nnet.engine.activation.ActivationCurve;
import dev.nnet.engine.train.EpochEnd;
import dev.nnet.lang.analysis.GradientFlow;
import dev.nnet.lang.graph.GraphLayer;
import dev.nnet.lang.graph.NetworkGraph;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.run.EngineModels;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.ui.runs.RunsRegistry;
import dev.nnet.ui.views.charts.ChartCanvas;
import dev.nnet.ui.views.charts.ChartSeries;

/**
 * The side panel of the graph view for the hovered (or selected) layer: its activation f and derivative f' plotted
 * over z in [-5, 5] (sampled by the engine's activation, {@link ActivationCurve}), and the gradient flow to it: the
 * validator's static bound ({@link GradientFlow#predicted}) next to the ratio measured in the network's latest run.
 */
final class LayerDetails {

	static final double RANGE = 5;

	private final Label heading;
	private final ChartCanvas curve;
	private final Label flow;
	private int shown = Integer.MIN_VALUE;

	LayerDetails(Composite parent) {
		Composite panel = new Composite(parent, SWT.NONE);
		panel.setLayout(new GridLayout(1, false));
		panel.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		heading = new Label(panel, SWT.WRAP);
		heading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		heading.setText("Hover over a layer to see its activation and gradient flow.");
		curve = new ChartCanvas(panel, "f(z) and f'(z) over z", false);
		curve.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		curve.setEmptyText("No layer under the mouse");
		flow = new Label(panel, SWT.WRAP);
		GridData data = new GridData(SWT.FILL, SWT.BOTTOM, true, false);
		data.heightHint = 110;
		flow.setLayoutData(data);
	}

	/** @return the activation plot */
	ChartCanvas curve() {
		return curve;
	}

	/** @return the gradient-flow text */
	String flowText() {
		return flow.getText();
	}

	/** Shows a layer (column index > 0) of the graph; the input column or null clears the panel. */
	void show(NetworkGraph graph, int column, String modelKey) {
		if (heading.isDisposed() || column == shown && graph != null) {
			return;
		}
		shown = column;
		GraphLayer layer = graph == null || column <= 0 || column >= graph.layers().size() ? null
				: graph.layers().get(column);
		if (layer == null || !(layer.shape() != null && layer.shape().source() instanceof Dense dense)) {
			heading.setText("Hover over a layer to see its activation and gradient flow.");
			curve.setSeries(List.of());
			flow.setText("");
			return;
		}
		heading.setText(layer.name() + ": " + layer.activation() + ", " + layer.units() + " units");
		ActivationCurve c = ActivationCurve.sample(EngineModels.activation(dense), -RANGE, RANGE, 101);
		curve.setSeries(List.of(new ChartSeries("f(z) " + layer.activation(), 0x1F77B4, SWT.LINE_SOLID, c.z(), c.value()),
				new ChartSeries(String.format(Locale.ROOT, "f'(z), max %.3g", c.maxDerivative()), 0xD62728,
						SWT.LINE_DASH, c.z(), c.derivative())));
		flow.setText(flowText(graph, column, modelKey));
	}

	/** Clears what is shown so that the next {@link #show} repaints (the graph or a run changed). */
	void invalidate() {
		shown = Integer.MIN_VALUE;
	}

	private static String flowText(NetworkGraph graph, int column, String modelKey) {
		// the dense columns only (a CNN's graph also has conv2d, pool and flatten columns): the layers the
		// validator's bound and the run's statistics count
		List<String> activations = new ArrayList<>();
		int layer = -1;
		for (int i = 1; i < graph.layers().size(); i++) {
			GraphLayer l = graph.layers().get(i);
			if (l.shape() == null || l.shape().source() instanceof Dense) {
				activations.add(l.activation());
			}
			if (i == column) {
				layer = activations.size() - 1;
			}
		}
		double predicted = GradientFlow.predicted(activations)[layer];
		StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
				"Gradient scaling from the output layer to this one:%n  static bound (validator): %.3g", predicted));
		RunRecord run = latestRun(modelKey);
		EpochEnd last = run == null ? null : run.lastEpoch();
		if (last != null && layer < last.layers().size()) {
			double measured = GradientFlow.measured(last)[layer];
			b.append(String.format(Locale.ROOT, "%n  measured (%s, epoch %d): %.3g", run.training(), last.epoch(),
					measured));
			if (measured < GradientFlow.vanishingThreshold(dev.nnet.lang.validation.ValidationSettings.DEFAULT_VANISHING_DEPTH)) {
				b.append(String.format(Locale.ROOT, "%n  vanished: below 0.25^%d",
						dev.nnet.lang.validation.ValidationSettings.DEFAULT_VANISHING_DEPTH));
			}
		} else {
			b.append(String.format(Locale.ROOT, "%n  measured: train the network to see it"));
		}
		return b.toString();
	}

	private static RunRecord latestRun(String modelKey) {
		if (modelKey == null) {
			return null;
		}
		for (RunRecord r : RunsRegistry.get().runs()) {
			if (RunsRegistry.networkKey(r.source(), r.network()).equals(modelKey) && r.lastEpoch() != null) {
				return r;
			}
		}
		return null;
	}
}

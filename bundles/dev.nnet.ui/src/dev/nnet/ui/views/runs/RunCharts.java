package dev.nnet.ui.views.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.eclipse.swt.SWT;

import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.LayerStats;
import dev.nnet.lang.analysis.GradientFlow;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.runs.Smoothing;
import dev.nnet.ui.views.charts.ChartSeries;

/**
 * Builds the chart series of selected runs from their records: color per run, solid for train and dashed for test
 * (validation); per-layer figures colored per layer for one run and per run (dash per layer) for several. Smoothing
 * is {@link Smoothing}'s; the numbers are the engine's.
 */
final class RunCharts {

	static final int[] PALETTE = { 0x1F77B4, 0xD62728, 0x2CA02C, 0xFF7F0E, 0x9467BD, 0x8C564B, 0xE377C2, 0x17BECF };
	private static final int[] STYLES = { SWT.LINE_SOLID, SWT.LINE_DASH, SWT.LINE_DOT, SWT.LINE_DASHDOT };

	private RunCharts() {
	}

	static List<ChartSeries> loss(List<RunRecord> runs) {
		return loss(runs, 0);
	}

	static List<ChartSeries> loss(List<RunRecord> runs, double smoothing) {
		return trainTest(runs, EpochEnd::trainLoss, EpochEnd::testLoss, smoothing);
	}

	static List<ChartSeries> accuracy(List<RunRecord> runs, double smoothing) {
		return trainTest(runs, EpochEnd::trainAccuracy, EpochEnd::testAccuracy, smoothing);
	}

	private static List<ChartSeries> trainTest(List<RunRecord> runs, ToDoubleFunction<EpochEnd> train,
			ToDoubleFunction<EpochEnd> test, double smoothing) {
		List<ChartSeries> out = new ArrayList<>();
		for (int k = 0; k < runs.size(); k++) {
			RunRecord r = runs.get(k);
			List<EpochEnd> epochs = r.epochs();
			int color = PALETTE[k % PALETTE.length];
			out.add(series(label(r, runs) + "train", color, SWT.LINE_SOLID, epochs, train, smoothing, false));
			if (epochs.stream().anyMatch(e -> !Double.isNaN(test.applyAsDouble(e)))) {
				out.add(series(label(r, runs) + "test", color, SWT.LINE_DASH, epochs, test, smoothing, false));
			}
		}
		return out;
	}

	/** Gradient norm per layer (log axis). */
	static List<ChartSeries> gradients(List<RunRecord> runs) {
		return perLayer(runs, LayerStats::gradientNorm, 0, true);
	}

	/**
	 * One series per layer of every run.
	 *
	 * @param log smooth in log space (for log axes)
	 */
	static List<ChartSeries> perLayer(List<RunRecord> runs, ToDoubleFunction<LayerStats> metric, double smoothing,
			boolean log) {
		List<ChartSeries> out = new ArrayList<>();
		for (int k = 0; k < runs.size(); k++) {
			RunRecord r = runs.get(k);
			List<EpochEnd> epochs = r.epochs();
			for (int i = 0; i < r.layerNames().size(); i++) {
				final int layer = i;
				int color = runs.size() == 1 ? PALETTE[i % PALETTE.length] : PALETTE[k % PALETTE.length];
				int style = runs.size() == 1 ? SWT.LINE_SOLID : STYLES[i % STYLES.length];
				out.add(series(label(r, runs) + r.layerNames().get(i), color, style, epochs,
						e -> layer < e.layers().size() ? metric.applyAsDouble(e.layers().get(layer)) : Double.NaN,
						smoothing, log));
			}
		}
		return out;
	}

	/**
	 * Per run, over the layers (x = layer index): the measured ratio of each layer's gradient norm to the output
	 * layer's at the last epoch (solid) and the validator's static bound (dashed).
	 */
	static List<ChartSeries> gradientFlow(List<RunRecord> runs) {
		List<ChartSeries> out = new ArrayList<>();
		for (int k = 0; k < runs.size(); k++) {
			RunRecord r = runs.get(k);
			int color = PALETTE[k % PALETTE.length];
			EpochEnd last = r.lastEpoch();
			if (last != null) {
				double[] measured = GradientFlow.measured(last);
				out.add(new ChartSeries(label(r, runs) + "measured (epoch " + last.epoch() + ")", color,
						SWT.LINE_SOLID, indices(measured.length), measured));
			}
			if (r.activations().size() == r.layerNames().size() && !r.activations().isEmpty()) {
				double[] predicted = GradientFlow.predicted(r.activations());
				out.add(new ChartSeries(label(r, runs) + "activation-derivative bound (weights not counted)", color, SWT.LINE_DASH,
						indices(predicted.length), predicted));
			}
		}
		return out;
	}

	/** @return the layer names of the first run (the x labels of the gradient-flow chart) */
	static List<String> layerLabels(List<RunRecord> runs) {
		return runs.isEmpty() ? List.of() : runs.get(0).layerNames();
	}

	private static double[] indices(int n) {
		double[] x = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = i;
		}
		return x;
	}

	static String label(RunRecord r, List<RunRecord> all) {
		return all.size() == 1 ? "" : r.training() + " " + r.started().toString().substring(11, 19) + " ";
	}

	private static ChartSeries series(String label, int color, int style, List<EpochEnd> epochs,
			ToDoubleFunction<EpochEnd> metric, double smoothing, boolean log) {
		double[] x = new double[epochs.size()];
		double[] y = new double[epochs.size()];
		for (int i = 0; i < x.length; i++) {
			x[i] = epochs.get(i).epoch();
			y[i] = metric.applyAsDouble(epochs.get(i));
		}
		if (smoothing > 0) {
			y = log ? Smoothing.exponentialLog(y, smoothing) : Smoothing.exponential(y, smoothing);
		}
		return new ChartSeries(label, color, style, x, y);
	}
}

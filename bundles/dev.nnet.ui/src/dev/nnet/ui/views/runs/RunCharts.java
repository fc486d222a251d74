package dev.nnet.ui.views.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.eclipse.swt.SWT;

import dev.nnet.engine.train.EpochEnd;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.ui.views.charts.ChartSeries;

/** Builds the chart series of selected runs: color per run, solid for train and dashed for test. */
final class RunCharts {

	static final int[] PALETTE = { 0x1F77B4, 0xD62728, 0x2CA02C, 0xFF7F0E, 0x9467BD, 0x8C564B, 0xE377C2, 0x17BECF };
	private static final int[] STYLES = { SWT.LINE_SOLID, SWT.LINE_DASH, SWT.LINE_DOT, SWT.LINE_DASHDOT };

	private RunCharts() {
	}

	static List<ChartSeries> loss(List<RunRecord> runs) {
		return trainTest(runs, EpochEnd::trainLoss, EpochEnd::testLoss);
	}

	static List<ChartSeries> accuracy(List<RunRecord> runs) {
		return trainTest(runs, EpochEnd::trainAccuracy, EpochEnd::testAccuracy);
	}

	private static List<ChartSeries> trainTest(List<RunRecord> runs, ToDoubleFunction<EpochEnd> train,
			ToDoubleFunction<EpochEnd> test) {
		List<ChartSeries> out = new ArrayList<>();
		for (int k = 0; k < runs.size(); k++) {
			RunRecord r = runs.get(k);
			List<EpochEnd> epochs = r.epochs();
			int color = PALETTE[k % PALETTE.length];
			out.add(series(label(r, runs) + "train", color, SWT.LINE_SOLID, epochs, train));
			if (epochs.stream().anyMatch(e -> !Double.isNaN(test.applyAsDouble(e)))) {
				out.add(series(label(r, runs) + "test", color, SWT.LINE_DASH, epochs, test));
			}
		}
		return out;
	}

	/** One series per layer: colored per layer for a single run, per run (dash per layer) for several. */
	static List<ChartSeries> gradients(List<RunRecord> runs) {
		List<ChartSeries> out = new ArrayList<>();
		for (int k = 0; k < runs.size(); k++) {
			RunRecord r = runs.get(k);
			List<EpochEnd> epochs = r.epochs();
			for (int i = 0; i < r.layerNames().size(); i++) {
				final int layer = i;
				int color = runs.size() == 1 ? PALETTE[i % PALETTE.length] : PALETTE[k % PALETTE.length];
				int style = runs.size() == 1 ? SWT.LINE_SOLID : STYLES[i % STYLES.length];
				out.add(series(label(r, runs) + r.layerNames().get(i), color, style, epochs,
						e -> layer < e.layers().size() ? e.layers().get(layer).gradientNorm() : Double.NaN));
			}
		}
		return out;
	}

	private static String label(RunRecord r, List<RunRecord> all) {
		return all.size() == 1 ? "" : r.training() + " " + r.started().toString().substring(11, 19) + " ";
	}

	private static ChartSeries series(String label, int color, int style, List<EpochEnd> epochs,
			ToDoubleFunction<EpochEnd> metric) {
		double[] x = new double[epochs.size()];
		double[] y = new double[epochs.size()];
		for (int i = 0; i < x.length; i++) {
			x[i] = epochs.get(i).epoch();
			y[i] = metric.applyAsDouble(epochs.get(i));
		}
		return new ChartSeries(label, color, style, x, y);
	}
}

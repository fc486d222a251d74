package dev.nnet.ui.views.runs;

import java.util.ArrayList;
import java.util.List;

import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.Histogram;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.ui.views.charts.HistogramCanvas;

/** Hands one layer's recorded weight and gradient histograms of a run to the histogram canvases. */
final class RunHistograms {

	private RunHistograms() {
	}

	static void show(RunRecord run, String layer, HistogramCanvas weights, HistogramCanvas gradients) {
		int index = run == null || layer == null ? -1 : run.layerNames().indexOf(layer);
		if (index < 0) {
			weights.setHistograms("", RunCharts.PALETTE[0], new int[0], List.of());
			gradients.setHistograms("", RunCharts.PALETTE[1], new int[0], List.of());
			return;
		}
		List<EpochEnd> epochs = run.epochs();
		int[] numbers = new int[epochs.size()];
		List<Histogram> w = new ArrayList<>();
		List<Histogram> g = new ArrayList<>();
		for (int i = 0; i < numbers.length; i++) {
			EpochEnd e = epochs.get(i);
			numbers[i] = e.epoch();
			boolean has = index < e.layers().size();
			w.add(has ? e.layers().get(index).weights() : Histogram.EMPTY);
			g.add(has ? e.layers().get(index).gradients() : Histogram.EMPTY);
		}
		String subtitle = run.training() + ", layer " + layer;
		weights.setHistograms(subtitle, RunCharts.PALETTE[0], numbers, w);
		gradients.setHistograms(subtitle, RunCharts.PALETTE[1], numbers, g);
	}
}

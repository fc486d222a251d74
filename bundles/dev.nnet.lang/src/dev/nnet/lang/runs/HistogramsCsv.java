package dev.nnet.lang.runs;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.Histogram;
import dev.nnet.engine.train.LayerStats;

/**
 * The {@code histograms.csv} of a run: {@code epoch,layer,kind,min,max,counts} with kind {@code weights} or
 * {@code gradients} and the {@link Histogram#BINS} counts separated by spaces. Optional: a run folder without it
 * (written before histograms existed) loads with empty histograms.
 */
final class HistogramsCsv {

	static final String FILE = "histograms.csv";
	private static final String HEADER = "epoch,layer,kind,min,max,counts";

	private HistogramsCsv() {
	}

	static void write(RunRecord run, Appendable out) throws IOException {
		out.append(HEADER).append('\n');
		for (EpochEnd e : run.epochs()) {
			for (LayerStats s : e.layers()) {
				row(out, e.epoch(), s.layer(), "weights", s.weights());
				row(out, e.epoch(), s.layer(), "gradients", s.gradients());
			}
		}
	}

	private static void row(Appendable out, int epoch, String layer, String kind, Histogram h) throws IOException {
		if (h == null || h.total() == 0) {
			return;
		}
		out.append(Integer.toString(epoch)).append(',').append(layer).append(',').append(kind).append(',')
				.append(EpochsCsv.num(h.min())).append(',').append(EpochsCsv.num(h.max())).append(',');
		for (int b = 0; b < h.counts().length; b++) {
			out.append(b == 0 ? "" : " ").append(Integer.toString(h.counts()[b]));
		}
		out.append('\n');
	}

	/** @return per epoch, per layer: {weights, gradients} (either may be null) */
	static Map<Integer, Map<String, Histogram[]>> read(List<String> lines, String file) {
		Map<Integer, Map<String, Histogram[]>> out = new HashMap<>();
		for (int n = 1; n < lines.size(); n++) {
			String line = lines.get(n);
			if (line.isBlank()) {
				continue;
			}
			String[] f = line.split(",", -1);
			if (f.length != 6 || !(f[2].equals("weights") || f[2].equals("gradients"))) {
				throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected " + HEADER);
			}
			try {
				String[] c = f[5].trim().split(" ");
				if (c.length != Histogram.BINS) {
					throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected " + Histogram.BINS
							+ " counts, found " + c.length);
				}
				int[] counts = new int[c.length];
				for (int b = 0; b < c.length; b++) {
					counts[b] = Integer.parseInt(c[b]);
				}
				Histogram h = new Histogram(Double.parseDouble(f[3]), Double.parseDouble(f[4]), counts);
				out.computeIfAbsent(Integer.parseInt(f[0]), k -> new HashMap<>())
						.computeIfAbsent(f[1], k -> new Histogram[2])[f[2].equals("weights") ? 0 : 1] = h;
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException(file + ":" + (n + 1) + ": not a number: " + e.getMessage(), e);
			}
		}
		return out;
	}
}

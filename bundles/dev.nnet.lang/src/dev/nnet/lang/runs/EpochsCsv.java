package dev.nnet.lang.runs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.Histogram;
import dev.nnet.engine.train.LayerStats;

/**
 * The {@code epochs.csv} of a run: {@code epoch,learningRate,trainLoss,trainAccuracy,testLoss,testAccuracy}
 * followed, per layer L, by {@code gradientNorm:L,weightNorm:L,updateRatio:L,deadFraction:L,activationMean:L,
 * activationStd:L}. Missing values are {@code NaN}. Reading goes by the header, so files written before the
 * activation columns existed still load (their activation figures are NaN).
 */
public final class EpochsCsv {

	private static final String[] METRICS = { "epoch", "learningRate", "trainLoss", "trainAccuracy", "testLoss",
			"testAccuracy" };
	private static final String[] LAYER_STATS = { "gradientNorm", "weightNorm", "updateRatio", "deadFraction",
			"activationMean", "activationStd" };

	private EpochsCsv() {
	}

	/** Writes the epochs of one run. */
	public static void write(RunRecord run, Appendable out) throws IOException {
		out.append(String.join(",", METRICS));
		for (String l : run.layerNames()) {
			for (String s : LAYER_STATS) {
				out.append(',').append(s).append(':').append(l);
			}
		}
		out.append('\n');
		for (EpochEnd e : run.epochs()) {
			out.append(metrics(e));
			for (int i = 0; i < run.layerNames().size(); i++) {
				LayerStats s = i < e.layers().size() ? e.layers().get(i) : null;
				out.append(s == null ? ",NaN".repeat(LAYER_STATS.length)
						: "," + num(s.gradientNorm()) + "," + num(s.weightNorm()) + "," + num(s.updateRatio()) + ","
								+ num(s.deadFraction()) + "," + num(s.activationMean()) + ","
								+ num(s.activationStd()));
			}
			out.append('\n');
		}
	}

	/**
	 * Exports several runs into one table: run identity columns, the epoch metrics and the gradient norm of every
	 * layer that occurs in any of them (empty where a run has no such layer).
	 */
	public static void export(List<RunRecord> runs, Appendable out) throws IOException {
		Set<String> layers = new LinkedHashSet<>();
		runs.forEach(r -> layers.addAll(r.layerNames()));
		out.append("run,network,training,status,").append(String.join(",", METRICS));
		for (String l : layers) {
			out.append(",gradientNorm:").append(l);
		}
		out.append('\n');
		for (RunRecord r : runs) {
			for (EpochEnd e : r.epochs()) {
				out.append(r.id()).append(',').append(r.network()).append(',').append(r.training()).append(',')
						.append(r.status().name()).append(',').append(metrics(e));
				for (String l : layers) {
					int i = r.layerNames().indexOf(l);
					out.append(',').append(i < 0 || i >= e.layers().size() ? "" : num(e.layers().get(i).gradientNorm()));
				}
				out.append('\n');
			}
		}
	}

	static List<EpochEnd> read(List<String> lines, List<String> layers, String file,
			Map<Integer, Map<String, Histogram[]>> histograms) {
		List<EpochEnd> out = new ArrayList<>();
		if (lines.isEmpty()) {
			return out;
		}
		List<String> header = List.of(lines.get(0).split(",", -1));
		for (int m = 0; m < METRICS.length; m++) {
			if (m >= header.size() || !header.get(m).equals(METRICS[m])) {
				throw new IllegalArgumentException(file + ":1: expected column " + METRICS[m]);
			}
		}
		int[][] column = new int[layers.size()][LAYER_STATS.length];
		for (int i = 0; i < layers.size(); i++) {
			for (int k = 0; k < LAYER_STATS.length; k++) {
				column[i][k] = header.indexOf(LAYER_STATS[k] + ":" + layers.get(i));
			}
		}
		for (int n = 1; n < lines.size(); n++) {
			String line = lines.get(n);
			if (line.isBlank()) {
				continue;
			}
			String[] f = line.split(",", -1);
			if (f.length != header.size()) {
				throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected " + header.size()
						+ " values, found " + f.length);
			}
			try {
				int epoch = Integer.parseInt(f[0]);
				Map<String, Histogram[]> hist = histograms.getOrDefault(epoch, Map.of());
				List<LayerStats> stats = new ArrayList<>();
				for (int i = 0; i < layers.size(); i++) {
					int[] c = column[i];
					Histogram[] h = hist.getOrDefault(layers.get(i), new Histogram[2]);
					stats.add(new LayerStats(layers.get(i), d(f, c[0]), d(f, c[1]), d(f, c[2]), d(f, c[3]), d(f, c[4]),
							d(f, c[5]), h[0] == null ? Histogram.EMPTY : h[0], h[1] == null ? Histogram.EMPTY : h[1]));
				}
				out.add(new EpochEnd(epoch, d(f, 1), d(f, 2), d(f, 3), d(f, 4), d(f, 5), List.copyOf(stats)));
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException(file + ":" + (n + 1) + ": not a number: " + e.getMessage(), e);
			}
		}
		return out;
	}

	private static String metrics(EpochEnd e) {
		return e.epoch() + "," + num(e.learningRate()) + "," + num(e.trainLoss()) + "," + num(e.trainAccuracy()) + ","
				+ num(e.testLoss()) + "," + num(e.testAccuracy());
	}

	static String num(double v) {
		return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.9g", v);
	}

	private static double d(String[] fields, int column) {
		return column < 0 ? Double.NaN : Double.parseDouble(fields[column]);
	}
}

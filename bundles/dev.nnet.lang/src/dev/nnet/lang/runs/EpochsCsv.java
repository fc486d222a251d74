package dev.nnet.lang.runs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.LayerStats;

/**
 * The {@code epochs.csv} of a run: {@code epoch,learningRate,trainLoss,trainAccuracy,testLoss,testAccuracy}
 * followed, per layer L, by {@code gradientNorm:L,weightNorm:L,updateRatio:L,deadFraction:L}. Missing values
 * are {@code NaN}.
 */
public final class EpochsCsv {

	private static final String[] METRICS = { "epoch", "learningRate", "trainLoss", "trainAccuracy", "testLoss",
			"testAccuracy" };
	private static final String[] LAYER_STATS = { "gradientNorm", "weightNorm", "updateRatio", "deadFraction" };

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
				out.append(s == null ? ",NaN,NaN,NaN,NaN"
						: "," + num(s.gradientNorm()) + "," + num(s.weightNorm()) + "," + num(s.updateRatio()) + ","
								+ num(s.deadFraction()));
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

	static List<EpochEnd> read(List<String> lines, List<String> layers, String file) {
		List<EpochEnd> out = new ArrayList<>();
		int expected = METRICS.length + LAYER_STATS.length * layers.size();
		for (int n = 1; n < lines.size(); n++) {
			String line = lines.get(n);
			if (line.isBlank()) {
				continue;
			}
			String[] f = line.split(",", -1);
			if (f.length != expected) {
				throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected " + expected + " values, found "
						+ f.length);
			}
			try {
				List<LayerStats> stats = new ArrayList<>();
				for (int i = 0; i < layers.size(); i++) {
					int b = METRICS.length + i * LAYER_STATS.length;
					stats.add(new LayerStats(layers.get(i), d(f[b]), d(f[b + 1]), d(f[b + 2]), d(f[b + 3])));
				}
				out.add(new EpochEnd(Integer.parseInt(f[0]), d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]),
						List.copyOf(stats)));
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

	private static String num(double v) {
		return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.9g", v);
	}

	private static double d(String s) {
		return Double.parseDouble(s);
	}
}

package dev.nnet.cli;

import dev.nnet.engine.io.ModelIO;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.nnet.lang.run.PartMetrics;

import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.Histogram;
import dev.nnet.engine.train.LayerStats;
import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;

/**
 * Prints training progress: with {@code --json} one JSON object per epoch (with the per-layer statistics); on a terminal a progress line rewritten
 * with {@code \r} (bar, epoch, loss, accuracy, ETA) at most ten times a second; otherwise nothing per epoch.
 */
final class ProgressPrinter implements TrainingListener {

	private static final int BAR = 24;

	private final PrintStream out;
	private final int maxEpochs;
	private final boolean json;
	private final boolean terminal;
	private final long start = System.nanoTime();
	private long lastPrint;
	private boolean printed;

	ProgressPrinter(PrintStream out, int maxEpochs, boolean json, boolean terminal) {
		this.out = out;
		this.maxEpochs = maxEpochs;
		this.json = json;
		this.terminal = terminal;
	}

	@Override
	public void onEpochEnd(EpochEnd e) {
		if (json) {
			out.println(String.format(Locale.ROOT,
					"{\"epoch\":%d,\"learning_rate\":%s,\"train_loss\":%s,\"train_accuracy\":%s,\"test_loss\":%s,\"test_accuracy\":%s,\"layers\":%s}",
					e.epoch(), num(e.learningRate()), num(e.trainLoss()), num(e.trainAccuracy()), num(e.testLoss()),
					num(e.testAccuracy()), layersJson(e)));
			return;
		}
		long now = System.nanoTime();
		if (!terminal || (now - lastPrint < 100_000_000L && e.epoch() != maxEpochs)) {
			return;
		}
		lastPrint = now;
		double fraction = maxEpochs == 0 ? 1 : (double) e.epoch() / maxEpochs;
		int filled = (int) Math.round(fraction * BAR);
		double elapsed = (now - start) / 1e9;
		double eta = e.epoch() == 0 ? 0 : elapsed / e.epoch() * (maxEpochs - e.epoch());
		out.print(String.format(Locale.ROOT, "\r[%s%s] epoch %d/%d  loss %.6f  accuracy %.2f%%  ETA %.1f s ",
				"#".repeat(filled), ".".repeat(BAR - filled), e.epoch(), maxEpochs, e.trainLoss(),
				100 * e.trainAccuracy(), eta));
		out.flush();
		printed = true;
	}

	/** @return the per-layer statistics of an epoch as a JSON array */
	static String layersJson(EpochEnd e) {
		StringBuilder b = new StringBuilder("[");
		for (LayerStats s : e.layers()) {
			b.append(b.length() == 1 ? "" : ",").append(String.format(Locale.ROOT,
					"{\"layer\":%s,\"gradient_norm\":%s,\"weight_norm\":%s,\"update_ratio\":%s,\"dead_fraction\":%s,"
							+ "\"activation_mean\":%s,\"activation_std\":%s,\"weights\":%s,\"gradients\":%s}",
					string(s.layer()), num(s.gradientNorm()), num(s.weightNorm()), num(s.updateRatio()),
					num(s.deadFraction()), num(s.activationMean()), num(s.activationStd()), histogram(s.weights()),
					histogram(s.gradients())));
		}
		return b.append(']').toString();
	}

	private static String histogram(Histogram h) {
		StringBuilder b = new StringBuilder();
		for (int c : h.counts()) {
			b.append(b.length() == 0 ? "" : ",").append(c);
		}
		return "{\"min\":" + num(h.min()) + ",\"max\":" + num(h.max()) + ",\"counts\":[" + b + "]}";
	}

	/** Ends the progress line. */
	void finish() {
		if (printed) {
			out.println();
		}
	}

	/** @return the last JSON Lines object of a run */
	static String summaryJson(TrainingResult r, double seconds, Path save, String notSaved, List<PartMetrics> metrics) {
		StringBuilder parts = new StringBuilder();
		for (PartMetrics m : metrics) {
			parts.append(parts.length() == 0 ? "" : ",").append(string(m.part())).append(':')
					.append(m.classification() != null ? EvaluateCommand.json(m.classification())
							: EvaluateCommand.json(m.regression()));
		}
		return String.format(Locale.ROOT,
				"{\"status\":\"%s\",\"epochs\":%d,\"train_loss\":%s,\"train_accuracy\":%s,\"test_loss\":%s,"
						+ "\"test_accuracy\":%s,\"seconds\":%.3f,\"model\":%s,\"message\":%s%s}",
				r.status(), r.epochs(), num(r.trainLoss()), num(r.trainAccuracy()), num(r.testLoss()),
				num(r.testAccuracy()), seconds, save == null ? "null" : string(save.toString()), string(r.message()),
				(notSaved == null ? "" : ",\"not_saved\":" + string(notSaved))
						+ (metrics.isEmpty() ? "" : ",\"metrics\":{" + parts + "}"));
	}

	/** @return a JSON number, null for NaN and infinities */
	static String num(double v) {
		return Double.isFinite(v) ? Double.toString(v) : "null";
	}

	static String string(String s) {
		if (s == null) {
			return "null";
		}
		return ModelIO.quote(s);
	}
}

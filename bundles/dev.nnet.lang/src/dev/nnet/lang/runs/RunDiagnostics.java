package dev.nnet.lang.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.LayerStats;
import dev.nnet.lang.analysis.GradientFlow;
import dev.nnet.lang.validation.ValidationSettings;

/**
 * Turns what the engine observed during a run into {@link RunDiagnostic}s: divergence, gradient norms that
 * collapsed or exploded, ReLU layers with mostly dead units, targets not reached. Only reads the recorded
 * numbers; computes no training numerics itself.
 */
public final class RunDiagnostics {

	/**
	 * A layer whose gradient norm falls below this fraction of the output layer's has vanishing gradients: the
	 * validator's rule ({@link GradientFlow#vanishingThreshold} of its default depth, 0.25^4 = 3.9e-3).
	 */
	public static final double VANISHING_RATIO = GradientFlow
			.vanishingThreshold(ValidationSettings.DEFAULT_VANISHING_DEPTH);
	/** A gradient norm above this is exploding. */
	public static final double EXPLODING_NORM = 1e3;
	/** A ReLU layer with at least this fraction of dead units is reported. */
	public static final double DEAD_FRACTION = 0.5;

	private RunDiagnostics() {
	}

	/** @return the diagnostics of a finished run, in source order (layers first, then the training) */
	public static List<RunDiagnostic> analyze(RunRecord run) {
		List<RunDiagnostic> out = new ArrayList<>();
		List<EpochEnd> epochs = run.epochs();
		EpochEnd last = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
		if (run.status() == RunStatus.DIVERGED) {
			String where = run.affectedLayer() == null ? "" : " first in layer " + run.affectedLayer();
			out.add(new RunDiagnostic(run.affectedLayer(), "diverged", String.format(Locale.ROOT,
					"Training diverged in epoch %d%s: %s Lower the learning rate (e.g. by 10x) or use adam.",
					Math.max(1, epochs.size()), where, run.message())));
		}
		if (last != null) {
			gradientHealth(run, epochs, last, out);
			for (LayerStats s : last.layers()) {
				if (!Double.isNaN(s.deadFraction()) && s.deadFraction() >= DEAD_FRACTION) {
					out.add(new RunDiagnostic(s.layer(), "deadRelu", String.format(Locale.ROOT,
							"%.0f%% of the ReLU units of %s never activate on the training data (epoch %d). "
									+ "Lower the learning rate, use leaky_relu or init he_normal.",
							100 * s.deadFraction(), s.layer(), last.epoch())));
				}
			}
		}
		if (run.status() == RunStatus.NOT_CONVERGED) {
			out.add(new RunDiagnostic(null, "notConverged", String.format(Locale.ROOT,
					"Not converged after %d epochs: train loss %s, accuracy %s. %s Train longer, tune the learning "
							+ "rate or add capacity.",
					epochs.size(), number(last == null ? Double.NaN : last.trainLoss()),
					percent(last == null ? Double.NaN : last.trainAccuracy()), run.message())));
		}
		return List.copyOf(out);
	}

	private static void gradientHealth(RunRecord run, List<EpochEnd> epochs, EpochEnd last, List<RunDiagnostic> out) {
		double[] measured = GradientFlow.measured(last);
		double[] predicted = run.activations().size() == last.layers().size()
				? GradientFlow.predicted(run.activations()) : null;
		for (int i = 0; i < last.layers().size(); i++) {
			LayerStats s = last.layers().get(i);
			double peak = peak(epochs, i);
			if (peak > EXPLODING_NORM) {
				out.add(new RunDiagnostic(s.layer(), "explodingGradient", String.format(Locale.ROOT,
						"Gradient norm of %s exploded to %s (limit %s). Lower the learning rate or normalise the "
								+ "inputs (standardize).",
						s.layer(), number(peak), number(EXPLODING_NORM))));
			} else if (measured[i] < VANISHING_RATIO) {
				String bound = predicted == null ? "" : ", the static bound of the activations is " + number(predicted[i]);
				out.add(new RunDiagnostic(s.layer(), "vanishingGradient", String.format(Locale.ROOT,
						"Gradient norm of %s is %s of the output layer's (%s vs %s in epoch %d), below 0.25^%d = %s%s. "
								+ "Prefer relu or tanh over stacked sigmoids, or use he/xavier init.",
						s.layer(), number(measured[i]), number(s.gradientNorm()),
						number(last.layers().get(last.layers().size() - 1).gradientNorm()), last.epoch(),
						ValidationSettings.DEFAULT_VANISHING_DEPTH, number(VANISHING_RATIO), bound)));
			}
		}
	}

	private static double peak(List<EpochEnd> epochs, int layer) {
		double peak = 0;
		for (EpochEnd e : epochs) {
			if (layer < e.layers().size()) {
				double g = e.layers().get(layer).gradientNorm();
				peak = Double.isFinite(g) ? Math.max(peak, g) : peak;
			}
		}
		return peak;
	}

	static String number(double v) {
		return String.format(Locale.ROOT, "%.3g", v);
	}

	static String percent(double v) {
		return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
	}
}

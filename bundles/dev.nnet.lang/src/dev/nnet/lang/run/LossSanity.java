package dev.nnet.lang.run;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingStatus;

/**
 * The rule that a run which reached its stop condition (CONVERGED), its epoch count (COMPLETED) or its cap
 * (NOT_CONVERGED) still has a sane loss: the last training loss must be finite and at most {@link #GROWTH} times the
 * loss of the untrained network, measured on the first {@link #SAMPLE_ROWS} training rows before the first batch.
 * A run that breaks it diverged: a stop rule on accuracy can be met by a network whose outputs blew up (Iris with
 * {@code learningRate 1000000}: 98% accuracy with a loss of 8.4e10), and such a model is no model to save.
 */
final class LossSanity {
	/** Largest allowed ratio of the last training loss to the loss before training. */
	static final double GROWTH = 1000;
	/** Rows of the training data the initial loss is measured on. */
	static final int SAMPLE_ROWS = 256;

	private final double initial;

	private LossSanity(double initial) {
		this.initial = initial;
	}

	/**
	 * Measures the untrained network (inference mode: no dropout, no batch statistics updated, no random numbers).
	 *
	 * @param network the network about to be trained, or null (perceptron runs: no loss to compare)
	 */
	static LossSanity before(Network network, Loss loss, DataSet train) {
		if (network == null || loss == null || train == null || train.rows() == 0) {
			return new LossSanity(Double.NaN);
		}
		int[] rows = new int[Math.min(SAMPLE_ROWS, train.rows())];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = i;
		}
		return new LossSanity(Measurement.of(network, loss, train.subset(rows)).loss());
	}

	/** @return the loss of the untrained network, NaN when not measured */
	double initial() {
		return initial;
	}

	/** @return r, or r turned DIVERGED with a message that names both losses and the epoch */
	TrainingResult apply(TrainingResult r) {
		if (!(Double.isFinite(initial) && initial > 0) || r.status() == TrainingStatus.DIVERGED
				|| r.status() == TrainingStatus.CANCELLED || r.epochs() == 0) {
			return r;
		}
		double last = r.trainLoss();
		String why;
		if (!Double.isFinite(last)) {
			why = "the training loss is " + last;
		} else if (last > GROWTH * initial) {
			why = String.format(java.util.Locale.ROOT, "the training loss grew from %.4g before training to %.4g,"
					+ " more than %.0f-fold", initial, last, GROWTH);
		} else {
			return r;
		}
		return new TrainingResult(TrainingStatus.DIVERGED, r.epochs(), r.trainLoss(), r.trainAccuracy(), r.testLoss(),
				r.testAccuracy(), why + " after epoch " + r.epochs() + " (the " + r.status() + " of the stop rule is"
						+ " not trusted); hint: lower the learning rate or scale the input features",
				null, r.history());
	}
}

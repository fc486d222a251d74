package dev.nnet.lang.run;

import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.optim.AdaGrad;
import dev.nnet.engine.optim.Adam;
import dev.nnet.engine.optim.LearningRateSchedule;
import dev.nnet.engine.optim.Optimizer;
import dev.nnet.engine.optim.RmsProp;
import dev.nnet.engine.optim.Sgd;
import dev.nnet.engine.train.MetricStop;
import dev.nnet.engine.train.TrainingConfig;
import dev.nnet.lang.nnet.Comparison;
import dev.nnet.lang.nnet.CosineSchedule;
import dev.nnet.lang.nnet.EarlyStop;
import dev.nnet.lang.nnet.ExponentialSchedule;
import dev.nnet.lang.nnet.Metric;
import dev.nnet.lang.nnet.Restore;
import dev.nnet.lang.nnet.Schedule;
import dev.nnet.lang.nnet.StepSchedule;
import dev.nnet.lang.nnet.StopCondition;
import dev.nnet.lang.nnet.Switch;
import dev.nnet.lang.nnet.TargetStop;
import dev.nnet.lang.nnet.Training;

/**
 * Reads the settings of a {@code training} block. Defaults (when a setting is absent) are the engine's:
 * Adam with its default rate, constant learning rate, batch 32, shuffling on, seed 0, 100 epochs, float32.
 */
public final class TrainingSettings {

	/** Epoch cap when the training does not say. */
	public static final int DEFAULT_EPOCHS = 100;

	private TrainingSettings() {
	}

	/** @return the training's epoch cap */
	public static int epochs(Training t) {
		return t.getEpochs() == null ? DEFAULT_EPOCHS : t.getEpochs();
	}

	/** @return the training's seed, 0 by default */
	public static long seed(Training t) {
		return t.getSeed() == null ? 0 : t.getSeed();
	}

	/** @return the training's precision, float32 unless it says float64 */
	public static dev.nnet.engine.matrix.Precision precision(Training t) {
		return t.getPrecision() == dev.nnet.lang.nnet.Precision.FLOAT64 ? dev.nnet.engine.matrix.Precision.FLOAT64
				: dev.nnet.engine.matrix.Precision.FLOAT32;
	}

	/** @return the training's learning rate, or {@code fallback} */
	public static double learningRate(Training t, double fallback) {
		return t.getOptimizer() == null || t.getOptimizer().getLearningRate() == null ? fallback
				: t.getOptimizer().getLearningRate();
	}

	/**
	 * @param t      the training
	 * @param loss   the engine loss
	 * @param epochs the epoch cap (positive)
	 * @param seed   the shuffling seed
	 * @return the engine configuration
	 * @throws IllegalArgumentException for settings the engine rejects
	 */
	public static TrainingConfig config(Training t, Loss loss, int epochs, long seed) {
		TrainingConfig.Builder b = TrainingConfig.builder(loss).optimizer(optimizer(t)).schedule(schedule(t.getSchedule()))
				.maxEpochs(epochs).seed(seed).heldOutName(heldOutName(t));
		if (t.getCheckpoint() != null && t.getCheckpoint().getEvery() != null && t.getCheckpoint().getEvery() > 0) {
			b.checkpointEvery(t.getCheckpoint().getEvery());
		}
		if (t.getBatch() != null) {
			b.batchSize(t.getBatch().isFull() ? TrainingConfig.FULL_BATCH : t.getBatch().getSize());
		}
		if (t.getShuffle() != null && isSet(t, dev.nnet.lang.nnet.NnetPackage.Literals.TRAINING__SHUFFLE)) {
			b.shuffle(t.getShuffle() == Switch.ON);
		}
		if (t.getStop() != null) {
			for (StopCondition c : t.getStop().getConditions()) {
				if (c instanceof TargetStop s && s.getValue() != null) {
					double v = s.isPercent() ? s.getValue() / 100.0 : s.getValue();
					if (!s.isValidation() && s.getMetric() == Metric.LOSS && s.getComparison() == Comparison.AT_MOST) {
						b.targetLoss(v);
					} else if (!s.isValidation() && s.getMetric() == Metric.ACCURACY
							&& s.getComparison() == Comparison.AT_LEAST) {
						b.targetAccuracy(v);
					} else {
						b.stopWhen(new MetricStop(s.getMetric().getLiteral(), s.isValidation(),
								s.getComparison() == Comparison.AT_MOST, v));
					}
				} else if (c instanceof EarlyStop e && e.getPatience() != null) {
					b.earlyStopping(e.getPatience()).restoreBest(e.getRestore() != Restore.LAST);
				}
			}
		}
		return b.build();
	}

	/** @return what the engine's held-out data are: "validation" with a validation split, else "test" */
	public static String heldOutName(Training t) {
		dev.nnet.lang.nnet.DataSet d = t.getData();
		return d != null && d.getSplit() != null && d.getSplit().getValidation() != null ? "validation" : "test";
	}

	private static boolean isSet(Training t, org.eclipse.emf.ecore.EStructuralFeature feature) {
		return !org.eclipse.xtext.nodemodel.util.NodeModelUtils.findNodesForFeature(t, feature).isEmpty();
	}

	/** @return the engine optimizer of the training (Adam with defaults when absent) */
	public static Optimizer optimizer(Training t) {
		dev.nnet.lang.nnet.Optimizer o = t.getOptimizer();
		if (o == null || o.getKind() == null) {
			return new Adam(Adam.DEFAULT_LEARNING_RATE);
		}
		double wd = or(o.getWeightDecay(), 0);
		double eps;
		switch (o.getKind()) {
		case SGD:
			return new Sgd(or(o.getLearningRate(), Sgd.DEFAULT_LEARNING_RATE), 0, false, wd);
		case MOMENTUM, NESTEROV:
			return new Sgd(or(o.getLearningRate(), Sgd.DEFAULT_LEARNING_RATE), or(o.getMu(), 0.9),
					o.getKind() == dev.nnet.lang.nnet.OptimizerKind.NESTEROV, wd);
		case ADAGRAD:
			eps = or(o.getEps(), AdaGrad.DEFAULT_EPSILON);
			return new AdaGrad(or(o.getLearningRate(), AdaGrad.DEFAULT_LEARNING_RATE), eps, wd);
		case RMSPROP:
			eps = or(o.getEps(), RmsProp.DEFAULT_EPSILON);
			return new RmsProp(or(o.getLearningRate(), RmsProp.DEFAULT_LEARNING_RATE),
					or(o.getAlpha(), RmsProp.DEFAULT_ALPHA), eps, wd);
		default:
			return new Adam(or(o.getLearningRate(), Adam.DEFAULT_LEARNING_RATE), or(o.getBeta1(), Adam.DEFAULT_BETA1),
					or(o.getBeta2(), Adam.DEFAULT_BETA2), or(o.getEps(), Adam.DEFAULT_EPSILON), wd);
		}
	}

	/** @return the engine schedule (constant when absent) */
	public static LearningRateSchedule schedule(Schedule s) {
		if (s instanceof StepSchedule step) {
			return LearningRateSchedule.step(step.getSize(), or(step.getGamma(), 1));
		}
		if (s instanceof ExponentialSchedule e) {
			return LearningRateSchedule.exponential(or(e.getGamma(), 1));
		}
		if (s instanceof CosineSchedule c) {
			return LearningRateSchedule.cosine(c.getTmax(), or(c.getMin(), 0));
		}
		return LearningRateSchedule.constant();
	}

	private static double or(Double value, double fallback) {
		return value == null ? fallback : value;
	}
}

package dev.nnet.lang.validation;

import java.util.Set;

import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import dev.nnet.lang.conversion.NNetValueConverters;
import dev.nnet.lang.data.DataInfo;
import dev.nnet.lang.data.DataInspector;
import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.Checkpoint;
import dev.nnet.lang.nnet.DataSet;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.EarlyStop;
import dev.nnet.lang.nnet.Input;
import dev.nnet.lang.nnet.LossKind;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.nnet.Optimizer;
import dev.nnet.lang.nnet.Perceptron;
import dev.nnet.lang.nnet.Repeat;
import dev.nnet.lang.nnet.Split;
import dev.nnet.lang.nnet.TargetStop;
import dev.nnet.lang.nnet.Metric;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.ModelFacts;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * Rules 6 and 9: training settings and sizes that are out of range (learning rate, epochs, units, batch, split, patience) and the perceptron rule with full batch.
 * Composed into {@link NNetValidator}; codes in {@link IssueCodes}, messages in {@code messages.properties}.
 */
public class TrainingSettingsValidator extends NNetRuleValidator {

	/** Activations whose output is not bounded: a large step can make them diverge. */
	private static final Set<String> UNBOUNDED = Set.of("identity", "relu", "leaky_relu", "elu", "softplus", "abs");

	@Inject
	private ShapeInference shapes;

	@Inject
	private ValidationSettings settings;

	@Inject
	private DataInspector dataInspector;

	@Check
	public void checkPerceptronBatch(Training t) {
		Architecture model = network(t);
		if (model == null || t.getBatch() == null || !t.getBatch().isFull()) {
			return;
		}
		if (ModelFacts.effectiveLoss(model, shapes.infer(model)) == LossKind.PERCEPTRON) {
			error(Messages.get("perceptronFullBatch", t.getName()), Literals.TRAINING__BATCH,
					IssueCodes.PERCEPTRON_FULL_BATCH, "1");
		}
	}

	@Check
	public void checkLearningRate(Optimizer o) {
		Double rate = o.getLearningRate();
		if (rate == null) {
			return;
		}
		if (rate <= 0) {
			error(Messages.get("invalidLearningRate", NNetValueConverters.format(rate)), Literals.OPTIMIZER__LEARNING_RATE,
					IssueCodes.INVALID_LEARNING_RATE);
		} else if (rate > settings.largeLearningRate() && o.eContainer() instanceof Training t && network(t) != null) {
			NetworkShape shape = shapes.infer(network(t));
			for (LayerShape l : shape.layers()) {
				if (UNBOUNDED.contains(l.activation())) {
					warning(Messages.get("largeLearningRate", NNetValueConverters.format(rate), shape.name(), l.activation()),
							Literals.OPTIMIZER__LEARNING_RATE, IssueCodes.LARGE_LEARNING_RATE, "0.1");
					return;
				}
			}
		}
	}

	@Check
	public void checkEpochs(Training t) {
		if (t.getEpochs() != null && t.getEpochs() <= 0) {
			error(Messages.get("invalidEpochs", t.getEpochs()), Literals.TRAINING__EPOCHS, IssueCodes.INVALID_EPOCHS);
		}
	}

	@Check
	public void checkInputSize(Input i) {
		if (i.getSize() != null && i.getSize() <= 0) {
			error(Messages.get("invalidSize", Messages.get("sizeInput"), i.getSize()), Literals.INPUT__SIZE,
					IssueCodes.INVALID_SIZE);
		}
	}

	@Check
	public void checkUnits(Dense d) {
		if (d.getUnits() != null && d.getUnits() <= 0) {
			String name = d.getName() == null ? "dense" : d.getName();
			error(Messages.get("invalidSize", Messages.get("sizeUnits", name), d.getUnits()), Literals.DENSE__UNITS,
					IssueCodes.INVALID_SIZE);
		}
	}

	@Check
	public void checkPerceptronOutputs(Perceptron p) {
		if (p.getOutputs() != null && p.getOutputs() <= 0) {
			error(Messages.get("invalidSize", Messages.get("sizeOutputs", p.getName()), p.getOutputs()),
					Literals.PERCEPTRON__OUTPUTS, IssueCodes.INVALID_SIZE);
		}
	}

	@Check
	public void checkRepeatCount(Repeat r) {
		if (r.getCount() != null && r.getCount() <= 0) {
			error(Messages.get("invalidSize", Messages.get("sizeRepeat"), r.getCount()), Literals.REPEAT__COUNT,
					IssueCodes.INVALID_SIZE);
		}
	}

	@Check
	public void checkPatience(EarlyStop e) {
		if (e.getPatience() != null && e.getPatience() <= 0) {
			error(Messages.get("invalidSize", Messages.get("sizePatience"), e.getPatience()),
					Literals.EARLY_STOP__PATIENCE, IssueCodes.INVALID_SIZE);
		}
	}

	@Check
	public void checkBatchSize(Training t) {
		if (t.getBatch() == null || t.getBatch().isFull() || t.getBatch().getSize() == null) {
			return;
		}
		int batch = t.getBatch().getSize();
		if (batch <= 0) {
			error(Messages.get("invalidSize", Messages.get("sizeBatch"), batch), Literals.TRAINING__BATCH,
					IssueCodes.INVALID_SIZE);
			return;
		}
		DataSet data = data(t);
		if (data == null) {
			return;
		}
		DataInfo info = dataInspector.inspect(data);
		if (info.samples() <= 0) {
			return;
		}
		int train = info.samples();
		Split split = data.getSplit();
		if (split != null && split.getPercent() != null && split.getPercent() > 0 && split.getPercent() < 100) {
			train = (int) Math.round(info.samples() * (1 - split.getPercent() / 100.0));
			Double v = split.getValidation();
			if (v != null && v > 0 && v + split.getPercent() < 100) {
				train = (int) Math.round(train * (1 - v / (100.0 - split.getPercent())));
			}
		}
		if (batch > train) {
			error(Messages.get("batchTooLarge", batch, data.getName(), train), Literals.TRAINING__BATCH,
					IssueCodes.BATCH_TOO_LARGE, String.valueOf(train));
		}
	}

	@Check
	public void checkSplit(Split s) {
		Double p = s.getPercent();
		if (p != null && !(p > 0 && p < 100)) {
			error(Messages.get("invalidSplit", NNetValueConverters.format(p)), Literals.SPLIT__PERCENT, IssueCodes.INVALID_SPLIT,
					"20");
		}
	}

	@Check
	public void checkValidationSplit(Split s) {
		Double v = s.getValidation();
		if (v == null) {
			return;
		}
		double test = s.getPercent() == null ? 0 : s.getPercent();
		if (!(v > 0 && v < 100) || v + test >= 100) {
			error(Messages.get("invalidValidationSplit", NNetValueConverters.format(v), NNetValueConverters.format(test)),
					Literals.SPLIT__VALIDATION, IssueCodes.INVALID_VALIDATION_SPLIT, "10");
		}
	}

	@Check
	public void checkStopRule(TargetStop s) {
		if (s.getValue() == null || s.getMetric() == null) {
			return;
		}
		double v = s.isPercent() ? s.getValue() / 100.0 : s.getValue();
		String metric = s.getMetric().getLiteral();
		boolean fraction = s.getMetric() == Metric.ACCURACY;
		boolean nonNegative = s.getMetric() != Metric.R2 && !fraction;
		if ((fraction && !(v >= 0 && v <= 1)) || (nonNegative && v < 0) || (s.getMetric() == Metric.R2 && v > 1)
				|| (s.isPercent() && !fraction)) {
			error(Messages.get("invalidStopValue", metric, NNetValueConverters.format(s.getValue()) + (s.isPercent() ? "%" : ""),
					Messages.get(fraction ? "rangeFraction" : s.getMetric() == Metric.R2 ? "rangeR2" : "rangeNonNegative")),
					Literals.TARGET_STOP__VALUE, IssueCodes.INVALID_STOP_VALUE);
		}
		Training t = org.eclipse.xtext.EcoreUtil2.getContainerOfType(s, Training.class);
		DataSet data = t == null ? null : data(t);
		if (s.isValidation() && data != null && data.getSplit() == null) {
			error(Messages.get("stopNeedsSplit", metric, data.getName()), Literals.TARGET_STOP__VALIDATION,
					IssueCodes.STOP_NEEDS_SPLIT);
		}
	}

	@Check
	public void checkCheckpointInterval(Checkpoint c) {
		if (c.getEvery() != null && c.getEvery() <= 0) {
			error(Messages.get("invalidSize", Messages.get("sizeCheckpoint"), c.getEvery()), Literals.CHECKPOINT__EVERY,
					IssueCodes.INVALID_SIZE);
		}
	}
}

package dev.nnet.lang.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

import dev.nnet.lang.conversion.NNetValueConverters;
import dev.nnet.lang.nnet.Activation;
import dev.nnet.lang.nnet.ActivationKind;
import dev.nnet.lang.nnet.Comparison;
import dev.nnet.lang.nnet.CosineSchedule;
import dev.nnet.lang.nnet.ExponentialSchedule;
import dev.nnet.lang.nnet.Init;
import dev.nnet.lang.nnet.InitKind;
import dev.nnet.lang.nnet.Metric;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.nnet.Optimizer;
import dev.nnet.lang.nnet.OptimizerKind;
import dev.nnet.lang.nnet.StepSchedule;
import dev.nnet.lang.nnet.TargetStop;

/**
 * Every hyper-parameter has a range, and what {@code check} accepts the engine accepts: schedules (step size,
 * tmax, gamma), initializer arguments, optimizer constants, activation parameters and stop targets. One
 * {@code checkXxx} per construct; the message names the setting, the range and the value
 * ({@link IssueCodes#OUT_OF_RANGE}, data: the setting's keyword).
 */
public class HyperParameterValidator extends NNetRuleValidator {

	private void outOfRange(EObject o, EStructuralFeature f, String setting, String range, Number value) {
		String shown = value instanceof Double d ? NNetValueConverters.format(d) : String.valueOf(value);
		error(Messages.get("outOfRange", setting, range, shown), o, f, IssueCodes.OUT_OF_RANGE, setting);
	}

	@Check
	public void checkStepSchedule(StepSchedule s) {
		if (s.getSize() != null && s.getSize() < 1) {
			outOfRange(s, Literals.STEP_SCHEDULE__SIZE, "step size", "at least 1", s.getSize());
		}
		if (s.getGamma() != null && !(s.getGamma() > 0)) {
			outOfRange(s, Literals.STEP_SCHEDULE__GAMMA, "gamma", "positive", s.getGamma());
		}
	}

	@Check
	public void checkExponentialSchedule(ExponentialSchedule s) {
		if (s.getGamma() != null && !(s.getGamma() > 0)) {
			outOfRange(s, Literals.EXPONENTIAL_SCHEDULE__GAMMA, "gamma", "positive", s.getGamma());
		}
	}

	@Check
	public void checkCosineSchedule(CosineSchedule s) {
		if (s.getTmax() != null && s.getTmax() < 1) {
			outOfRange(s, Literals.COSINE_SCHEDULE__TMAX, "tmax", "at least 1", s.getTmax());
		}
		if (s.getMin() != null && !(s.getMin() >= 0)) {
			outOfRange(s, Literals.COSINE_SCHEDULE__MIN, "min", "at least 0", s.getMin());
		}
	}

	@Check
	public void checkInitRange(Init i) {
		if (i.getArguments().size() != 2) {
			return;
		}
		double a = i.getArguments().get(0) == null ? 0 : i.getArguments().get(0);
		double b = i.getArguments().get(1) == null ? 0 : i.getArguments().get(1);
		if (i.getKind() == InitKind.UNIFORM && !(a <= b)) {
			outOfRange(i, Literals.INIT__ARGUMENTS, "high bound of uniform(low, high)",
					"at least the low bound " + NNetValueConverters.format(a), b);
		} else if (i.getKind() == InitKind.NORMAL && !(b >= 0)) {
			outOfRange(i, Literals.INIT__ARGUMENTS, "the standard deviation of normal(mean, std)", "at least 0", b);
		}
	}

	@Check
	public void checkOptimizerConstants(Optimizer o) {
		unitInterval(o, Literals.OPTIMIZER__MU, "mu", o.getMu());
		unitInterval(o, Literals.OPTIMIZER__BETA1, "beta1", o.getBeta1());
		unitInterval(o, Literals.OPTIMIZER__BETA2, "beta2", o.getBeta2());
		unitInterval(o, Literals.OPTIMIZER__ALPHA, "alpha", o.getAlpha());
		if (o.getEps() != null && !(o.getEps() > 0)) {
			outOfRange(o, Literals.OPTIMIZER__EPS, "eps", "positive", o.getEps());
		}
		if (o.getWeightDecay() != null && !(o.getWeightDecay() >= 0)) {
			outOfRange(o, Literals.OPTIMIZER__WEIGHT_DECAY, "weightDecay", "at least 0", o.getWeightDecay());
		}
		if (o.getKind() == OptimizerKind.NESTEROV && o.getMu() != null && o.getMu() == 0) {
			outOfRange(o, Literals.OPTIMIZER__MU, "mu (nesterov)", "in (0, 1)", o.getMu());
		}
	}

	private void unitInterval(Optimizer o, EStructuralFeature f, String setting, Double value) {
		if (value != null && !(value >= 0 && value < 1)) {
			outOfRange(o, f, setting, "in [0, 1)", value);
		}
	}

	@Check
	public void checkActivationParameterRange(Activation a) {
		Double p = a.getParameter();
		if (p == null) {
			return;
		}
		if (a.getKind() == ActivationKind.LEAKY_RELU && !(p >= 0 && p < 1)) {
			outOfRange(a, Literals.ACTIVATION__PARAMETER, "the slope of leaky_relu", "in [0, 1)", p);
		} else if (a.getKind() == ActivationKind.ELU && !(p > 0)) {
			outOfRange(a, Literals.ACTIVATION__PARAMETER, "the alpha of elu", "positive", p);
		}
	}

	@Check
	public void checkStopTarget(TargetStop s) {
		if (s.getValue() == null) {
			return;
		}
		boolean loss = s.getMetric() == Metric.LOSS;
		if (loss != (s.getComparison() == Comparison.AT_MOST)) {
			error(Messages.get("stopDirection", s.getMetric().getLiteral(), loss ? "<=" : ">="), s,
					Literals.TARGET_STOP__COMPARISON, IssueCodes.OUT_OF_RANGE, loss ? "<=" : ">=");
			return;
		}
		double v = s.getValue();
		if (loss && !(v >= 0)) {
			outOfRange(s, Literals.TARGET_STOP__VALUE, "the target loss", "at least 0", v);
		} else if (!loss && s.isPercent() && !(v > 0 && v <= 100)) {
			outOfRange(s, Literals.TARGET_STOP__VALUE, "the target accuracy", "in (0%, 100%]", v);
		} else if (!loss && !s.isPercent() && !(v > 0 && v <= 1)) {
			outOfRange(s, Literals.TARGET_STOP__VALUE, "the target accuracy", "in (0, 1] (or (0%, 100%])", v);
		}
	}
}

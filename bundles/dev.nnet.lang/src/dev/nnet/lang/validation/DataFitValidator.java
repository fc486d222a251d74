package dev.nnet.lang.validation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CancelableDiagnostician;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import dev.nnet.lang.analysis.Budget;
import dev.nnet.lang.analysis.LinearSeparability;
import dev.nnet.lang.data.DataInfo;
import dev.nnet.lang.data.DataInspector;
import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.DataSet;
import dev.nnet.lang.nnet.LossKind;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.ModelFacts;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * Rules 1 and 7: a training's network against its data (sizes, linear separability).
 * Composed into {@link NNetValidator}; codes in {@link IssueCodes}, messages in {@code messages.properties}.
 */
public class DataFitValidator extends NNetRuleValidator {

	@Inject
	private ShapeInference shapes;

	@Inject
	private DataInspector dataInspector;

	@Check
	public void checkInputSizeMatchesData(Training t) {
		Architecture model = completeNetwork(t);
		DataSet data = data(t);
		if (model == null || data == null || model.getInput() == null) {
			return;
		}
		dev.nnet.engine.layer.Shape input = ShapeInference.inputShape(model);
		if (input == null) {
			return;
		}
		DataInfo info = dataInspector.inspect(data);
		int inputs = input.size();
		if (input.image() && info.features() > 0 && info.features() != inputs) {
			error(Messages.get("imageInputMismatch", model.getName(), input, inputs, data.getName(), info.features()),
					Literals.TRAINING__NETWORK, IssueCodes.IMAGE_INPUT_MISMATCH, String.valueOf(info.features()));
		} else if (info.features() > 0 && inputs > 0 && info.features() != inputs) {
			error(Messages.get("inputSizeMismatch", model.getName(), inputs, data.getName(), info.features()),
					Literals.TRAINING__NETWORK, IssueCodes.INPUT_SIZE_MISMATCH, String.valueOf(info.features()));
		}
	}

	@Check
	public void checkOutputSizeMatchesData(Training t) {
		Architecture model = completeNetwork(t);
		DataSet data = data(t);
		if (model == null || data == null) {
			return;
		}
		NetworkShape shape = shapes.infer(model);
		LayerShape out = shape.outputLayer();
		if (out == null || out.outputs() <= 0) {
			return;
		}
		DataInfo info = dataInspector.inspect(data);
		LossKind loss = ModelFacts.effectiveLoss(model, shape);
		int expected = -1;
		String reason = null;
		if (loss == LossKind.CROSS_ENTROPY) {
			if (info.classes() > 0) {
				expected = info.classes();
				reason = "outputReasonClasses";
			} else if (info.isInline() && info.targets() > 1) {
				expected = info.targets();
				reason = "outputReasonTargets";
			}
		} else if (ModelFacts.isClassification(loss)) {
			if (info.classes() > 0) {
				expected = info.classes() <= 2 ? 1 : info.classes();
				reason = info.classes() <= 2 ? "outputReasonBinary" : "outputReasonClasses";
			} else if (info.targets() > 0) {
				expected = info.targets();
				reason = "outputReasonTargets";
			}
		} else if (info.csvLabel()) {
			if (info.classes() > 0) {
				expected = info.classes();
				reason = "outputReasonClasses";
			}
		} else if (info.targets() > 0) {
			expected = info.targets();
			reason = "outputReasonTargets";
		}
		if (expected > 0 && expected != out.outputs()) {
			error(Messages.get("outputSizeMismatch", model.getName(), out.outputs(), data.getName(), expected,
					Messages.get(reason), out.name()), Literals.TRAINING__NETWORK, IssueCodes.OUTPUT_SIZE_MISMATCH,
					String.valueOf(expected));
		}
	}

	@Check
	public void checkLinearSeparability(Training t) {
		Architecture model = completeNetwork(t);
		DataSet data = data(t);
		if (model == null || data == null) {
			return;
		}
		NetworkShape shape = shapes.infer(model);
		if (shape.layers().size() != 1 || shape.truncated()) {
			return;
		}
		LayerShape out = shape.outputLayer();
		if ("abs".equals(out.activation())) {
			return; // |w·x + b| is not monotone: its decision region is not a half-space
		}
		DataInfo info = dataInspector.inspect(data);
		if (!info.isInline() || info.classes() < 2 || info.features() <= 0) {
			return;
		}
		LossKind loss = ModelFacts.effectiveLoss(model, shape);
		Budget budget = new Budget(LinearSeparability.DEFAULT_BUDGET_OPERATIONS, cancelIndicator());
		LinearSeparability.Result result;
		if (info.classes() == 2 && out.outputs() == 1) {
			double max = info.labels().stream().mapToDouble(Double::doubleValue).max().orElse(0);
			List<Boolean> positive = new ArrayList<>();
			for (Double l : info.labels()) {
				positive.add(l == max);
			}
			result = LinearSeparability.binary(info.points(), positive, budget);
		} else if (out.outputs() == info.classes()) {
			result = loss == LossKind.CROSS_ENTROPY || loss == LossKind.MSE
					? LinearSeparability.multiClass(info.points(), info.labels(), budget)
					: LinearSeparability.oneVsRest(info.points(), info.labels(), budget);
		} else {
			return;
		}
		// UNKNOWN (not decided within the budget, or cancelled) reports nothing
		if (result == LinearSeparability.Result.NOT_SEPARABLE) {
			warning(Messages.get("notLinearlySeparable", data.getName(), model.getName()), Literals.TRAINING__DATA,
					IssueCodes.NOT_LINEARLY_SEPARABLE, data.getName());
		}
	}

	/** @return the editor's or builder's cancel request for this validation run, as a supplier (never null) */
	private java.util.function.BooleanSupplier cancelIndicator() {
		Object indicator = getContext() == null ? null : getContext().get(CancelableDiagnostician.CANCEL_INDICATOR);
		return indicator instanceof CancelIndicator c ? c::isCanceled : () -> false;
	}
}

package dev.nnet.lang.validation;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import dev.nnet.lang.analysis.LinearSeparability;
import dev.nnet.lang.conversion.NNetValueConverters;
import dev.nnet.lang.data.DataInfo;
import dev.nnet.lang.data.DataInspector;
import dev.nnet.lang.nnet.Activation;
import dev.nnet.lang.nnet.ActivationKind;
import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.Column;
import dev.nnet.lang.nnet.DataSet;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.EarlyStop;
import dev.nnet.lang.nnet.Element;
import dev.nnet.lang.nnet.IndexedColumn;
import dev.nnet.lang.nnet.Init;
import dev.nnet.lang.nnet.InitKind;
import dev.nnet.lang.nnet.Input;
import dev.nnet.lang.nnet.LossKind;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.NamedColumn;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.nnet.Optimizer;
import dev.nnet.lang.nnet.Perceptron;
import dev.nnet.lang.nnet.Repeat;
import dev.nnet.lang.nnet.Sample;
import dev.nnet.lang.nnet.Split;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.ModelFacts;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * The NNet rules. One {@code checkXxx} per rule; codes in {@link IssueCodes}, messages in
 * {@code messages.properties}; quick-fix data is attached as issue data.
 */
public class NNetValidator extends AbstractNNetValidator {

	/** Activations whose output is not bounded: a large step can make them diverge. */
	private static final Set<String> UNBOUNDED = Set.of("identity", "relu", "leaky_relu", "elu", "softplus", "abs");

	@Inject
	private ShapeInference shapes;

	@Inject
	private DataInspector dataInspector;

	@Inject
	private IQualifiedNameProvider names;

	@Inject
	private ValidationSettings settings;

	// ------------------------------------------------------------ rule 1: sizes against the data

	@Check
	public void checkInputSizeMatchesData(Training t) {
		Architecture model = network(t);
		DataSet data = data(t);
		if (model == null || data == null || model.getInput() == null || model.getInput().getSize() == null) {
			return;
		}
		DataInfo info = dataInspector.inspect(data);
		int inputs = model.getInput().getSize();
		if (info.features() > 0 && inputs > 0 && info.features() != inputs) {
			error(Messages.get("inputSizeMismatch", model.getName(), inputs, data.getName(), info.features()),
					Literals.TRAINING__NETWORK, IssueCodes.INPUT_SIZE_MISMATCH, String.valueOf(info.features()));
		}
	}

	@Check
	public void checkOutputSizeMatchesData(Training t) {
		Architecture model = network(t);
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

	// ------------------------------------------------------------ rule 2: loss against the output layer

	@Check
	public void checkLossMatchesOutput(Network n) {
		if (!ModelFacts.hasLoss(n)) {
			return;
		}
		NetworkShape shape = shapes.infer(n);
		LayerShape out = shape.outputLayer();
		if (out == null) {
			return;
		}
		String act = out.activation();
		switch (n.getLoss()) {
		case CROSS_ENTROPY -> {
			if ("sigmoid".equals(act) && out.outputs() == 1) {
				error(Messages.get("crossEntropyWithSigmoid", n.getName(), out.name()), Literals.NETWORK__LOSS,
						IssueCodes.CROSS_ENTROPY_WITHOUT_SOFTMAX, "binary_cross_entropy");
			} else if (!"softmax".equals(act)) {
				error(Messages.get("crossEntropyWithoutSoftmax", n.getName(), out.name(), act),
						Literals.NETWORK__LOSS, IssueCodes.CROSS_ENTROPY_WITHOUT_SOFTMAX, "softmax");
			}
		}
		case BINARY_CROSS_ENTROPY -> {
			if (!"sigmoid".equals(act)) {
				error(Messages.get("binaryCrossEntropyWithoutSigmoid", n.getName(), out.name(), act),
						Literals.NETWORK__LOSS, IssueCodes.BINARY_CROSS_ENTROPY_WITHOUT_SIGMOID, "sigmoid");
			}
		}
		case MSE -> {
			if ("softmax".equals(act)) {
				warning(Messages.get("mseOnSoftmax", n.getName(), out.name()), Literals.NETWORK__LOSS,
						IssueCodes.MSE_ON_SOFTMAX, "cross_entropy");
			}
		}
		case PERCEPTRON -> {
			if (shape.layers().size() != 1 || !"sign".equals(act)) {
				error(Messages.get("perceptronLossNeedsSign", n.getName(), shape.layers().size(), out.name(), act),
						Literals.NETWORK__LOSS, IssueCodes.PERCEPTRON_LOSS_NEEDS_SIGN, "perceptron");
			}
		}
		default -> {
		}
		}
	}

	// ------------------------------------------------------------ rule 3: sign under backpropagation

	@Check
	public void checkDifferentiableActivations(Network n) {
		NetworkShape shape = shapes.infer(n);
		if (!ModelFacts.usesBackpropagation(n, shape)) {
			return; // a single sign layer trained by the perceptron rule
		}
		Set<EObject> reported = new HashSet<>();
		for (LayerShape l : shape.layers()) {
			if ("sign".equals(l.activation()) && l.source() instanceof Dense d && reported.add(d)) {
				error(Messages.get("nonDifferentiableActivation", l.name(), n.getName()), d.getActivation(),
						Literals.ACTIVATION__KIND, IssueCodes.NON_DIFFERENTIABLE_ACTIVATION, "tanh");
			}
		}
	}

	// ------------------------------------------------------------ rule 4: no non-linearity

	@Check
	public void checkHiddenNonLinearity(Network n) {
		NetworkShape shape = shapes.infer(n);
		if (shape.layers().size() < 2) {
			return;
		}
		for (LayerShape l : shape.hiddenLayers()) {
			if (!l.isLinear()) {
				return;
			}
		}
		warning(Messages.get("collapsesToLinear", n.getName(), shape.layers().size()), Literals.ELEMENT__NAME,
				IssueCodes.COLLAPSES_TO_LINEAR, "relu");
	}

	// ------------------------------------------------------------ rule 5: vanishing gradients

	@Check
	public void checkVanishingGradients(Network n) {
		NetworkShape shape = shapes.infer(n);
		List<LayerShape> layers = shape.layers();
		int start = 0;
		for (int i = 0; i <= layers.size(); i++) {
			if (i < layers.size() && layers.get(i).isSaturating()) {
				continue;
			}
			int run = i - start;
			if (run >= settings.vanishingDepth()) {
				LayerShape first = layers.get(start);
				LayerShape last = layers.get(i - 1);
				String bound = String.format(java.util.Locale.ROOT, "%.3g", Math.pow(0.25, run));
				if (first.source() instanceof Dense d) {
					warning(Messages.get("vanishingGradients", first.name(), last.name(), n.getName(), run, bound), d,
							Literals.DENSE__ACTIVATION, IssueCodes.VANISHING_GRADIENTS, "relu", "he_normal");
				}
			}
			start = i + 1;
		}
	}

	// ------------------------------------------------------------ rule 6: perceptron rule and full batch

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

	// ------------------------------------------------------------ rule 7: linear model on non-separable data

	@Check
	public void checkLinearSeparability(Training t) {
		Architecture model = network(t);
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
		LinearSeparability.Result result;
		if (info.classes() == 2 && out.outputs() == 1) {
			double max = info.labels().stream().mapToDouble(Double::doubleValue).max().orElse(0);
			List<Boolean> positive = new ArrayList<>();
			for (Double l : info.labels()) {
				positive.add(l == max);
			}
			result = LinearSeparability.binary(info.points(), positive);
		} else if (out.outputs() == info.classes()) {
			result = loss == LossKind.CROSS_ENTROPY || loss == LossKind.MSE
					? LinearSeparability.multiClass(info.points(), info.labels())
					: LinearSeparability.oneVsRest(info.points(), info.labels());
		} else {
			return;
		}
		if (result == LinearSeparability.Result.NOT_SEPARABLE) {
			warning(Messages.get("notLinearlySeparable", data.getName(), model.getName()), Literals.TRAINING__DATA,
					IssueCodes.NOT_LINEARLY_SEPARABLE, data.getName());
		}
	}

	// ------------------------------------------------------------ rule 8: symmetric initialisation

	@Check
	public void checkHiddenInitialization(Network n) {
		NetworkShape shape = shapes.infer(n);
		Set<EObject> reported = new HashSet<>();
		for (LayerShape l : shape.hiddenLayers()) {
			if (l.source() instanceof Dense d && d.getInit() != null && reported.add(d)) {
				InitKind kind = d.getInit().getKind();
				if (kind == InitKind.ZEROS || kind == InitKind.CONSTANT) {
					String fix = "relu".equals(l.activation()) || "leaky_relu".equals(l.activation()) ? "he_normal"
							: "xavier_uniform";
					warning(Messages.get("symmetricInitialization", l.name(), kind.getLiteral(), fix), d,
							Literals.DENSE__INIT, IssueCodes.SYMMETRIC_INITIALIZATION, fix);
				}
			}
		}
	}

	// ------------------------------------------------------------ rule 9: numbers out of range

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

	// ------------------------------------------------------------ rule 10: CSV files

	@Check
	public void checkCsvFile(DataSet d) {
		if (d.getFile() == null) {
			return;
		}
		File file = dataInspector.resolve(d);
		if (file == null) {
			return; // not on disk (e.g. an in-memory editor buffer): nothing to check
		}
		if (!file.isFile()) {
			error(Messages.get("csvNotFound", d.getFile(), d.getName(), file.getPath()), Literals.DATA_SET__FILE,
					IssueCodes.CSV_NOT_FOUND, file.getPath());
			return;
		}
		List<String> header = dataInspector.header(file);
		if (header == null) {
			return;
		}
		List<Column> columns = new ArrayList<>(d.getFeatures());
		if (d.getLabel() != null) {
			columns.add(d.getLabel());
		}
		if (d.getTarget() != null) {
			columns.add(d.getTarget());
		}
		for (Column c : columns) {
			if (DataInspector.columnIndex(header, c) < 0) {
				String shown = c instanceof NamedColumn n ? '"' + n.getName() + '"'
						: String.valueOf(((IndexedColumn) c).getIndex());
				EStructuralFeature feature = c instanceof NamedColumn ? Literals.NAMED_COLUMN__NAME
						: Literals.INDEXED_COLUMN__INDEX;
				error(Messages.get("csvMissingColumn", d.getFile(), shown, String.join(", ", header)), c, feature,
						IssueCodes.CSV_MISSING_COLUMN, String.join(",", header));
			}
		}
	}

	@Check
	public void checkDataSource(DataSet d) {
		if (d.getFile() != null && !d.getSamples().isEmpty()) {
			error(Messages.get("samplesAndFile", d.getName()), Literals.DATA_SET__FILE, IssueCodes.INVALID_DATA_SOURCE);
		} else if (d.getFile() == null && d.getSamples().isEmpty()) {
			error(Messages.get("noSamples", d.getName()), Literals.ELEMENT__NAME, IssueCodes.INVALID_DATA_SOURCE);
		} else if (d.getFile() != null && d.getLabel() == null && d.getTarget() == null) {
			error(Messages.get("csvWithoutTarget", d.getName()), Literals.ELEMENT__NAME, IssueCodes.CSV_WITHOUT_TARGET);
		}
	}

	@Check
	public void checkSamplesConsistent(DataSet d) {
		if (d.getSamples().isEmpty()) {
			return;
		}
		Sample first = d.getSamples().get(0);
		for (Sample s : d.getSamples()) {
			if (s.getFeatures().size() != first.getFeatures().size()
					|| s.getTargets().size() != first.getTargets().size()) {
				error(Messages.get("inconsistentSample", s.getFeatures().size(), s.getTargets().size(), d.getName(),
						first.getFeatures().size(), first.getTargets().size()), s, null,
						IssueCodes.INCONSISTENT_SAMPLE, String.valueOf(first.getFeatures().size()));
			}
		}
	}

	// ------------------------------------------------------------ rule 11: names and references

	@Check
	public void checkUniqueNames(Model m) {
		Map<QualifiedName, List<Element>> byName = new HashMap<>();
		for (Element e : m.getElements()) {
			QualifiedName qn = e.getName() == null ? null : names.getFullyQualifiedName(e);
			if (qn != null) {
				byName.computeIfAbsent(qn, k -> new ArrayList<>()).add(e);
			}
		}
		for (List<Element> same : byName.values()) {
			if (same.size() > 1) {
				for (Element e : same) {
					error(Messages.get("duplicateName", e.getName()), e, Literals.ELEMENT__NAME,
							IssueCodes.DUPLICATE_NAME, e.getName());
				}
			}
		}
	}

	@Check
	public void checkUniqueLayerNames(Network n) {
		Map<String, List<Dense>> byName = new HashMap<>();
		n.eAllContents().forEachRemaining(o -> {
			if (o instanceof Dense d && d.getName() != null) {
				byName.computeIfAbsent(d.getName(), k -> new ArrayList<>()).add(d);
			}
		});
		for (List<Dense> same : byName.values()) {
			if (same.size() > 1) {
				for (Dense d : same) {
					error(Messages.get("duplicateLayer", n.getName(), d.getName()), d, Literals.DENSE__NAME,
							IssueCodes.DUPLICATE_NAME, d.getName());
				}
			}
		}
	}

	@Check
	public void checkTrainingComplete(Training t) {
		if (t.getNetwork() == null) {
			error(Messages.get("trainingWithoutNetwork", t.getName()), Literals.ELEMENT__NAME,
					IssueCodes.TRAINING_WITHOUT_NETWORK);
		}
		if (t.getData() == null) {
			error(Messages.get("trainingWithoutData", t.getName()), Literals.ELEMENT__NAME,
					IssueCodes.TRAINING_WITHOUT_DATA);
		}
	}

	// ------------------------------------------------------------ function parameters

	@Check
	public void checkActivationParameter(Activation a) {
		if (a.getParameter() != null && a.getKind() != ActivationKind.LEAKY_RELU && a.getKind() != ActivationKind.ELU) {
			error(Messages.get("activationParameter", a.getKind().getLiteral()), Literals.ACTIVATION__PARAMETER,
					IssueCodes.INVALID_PARAMETER, "0");
		}
	}

	@Check
	public void checkInitArguments(Init i) {
		int expected = switch (i.getKind()) {
		case CONSTANT -> 1;
		case UNIFORM, NORMAL -> 2;
		default -> 0;
		};
		int given = i.getArguments().size();
		boolean optional = false;
		if (given != expected && !(optional && given == 0)) {
			error(Messages.get("initArguments", i.getKind().getLiteral(), expected, given), Literals.INIT__KIND,
					IssueCodes.INVALID_PARAMETER, String.valueOf(expected));
		}
	}

	// ------------------------------------------------------------ helpers

	/** System property: when true, exceptions in checks (including NullPointerExceptions) are rethrown. */
	public static final String STRICT = "nnet.validation.strict";

	/**
	 * Xtext silently drops NullPointerExceptions of checks (partially broken models); with {@link #STRICT} set
	 * (the robustness tests do) every exception escapes, so that none goes unnoticed.
	 */
	@Override
	protected void handleExceptionDuringValidation(Throwable targetException) throws RuntimeException {
		if (Boolean.getBoolean(STRICT)) {
			throw targetException instanceof RuntimeException r ? r : new IllegalStateException(targetException);
		}
		super.handleExceptionDuringValidation(targetException);
	}

	private static Architecture network(Training t) {
		Architecture a = t.getNetwork();
		return a == null || a.eIsProxy() ? null : a;
	}

	private static DataSet data(Training t) {
		DataSet d = t.getData();
		return d == null || d.eIsProxy() ? null : d;
	}
}

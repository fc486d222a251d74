package dev.nnet.lang.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import dev.nnet.engine.loss.LossRules;
import dev.nnet.lang.analysis.GradientFlow;
import dev.nnet.lang.nnet.Activation;
import dev.nnet.lang.nnet.ActivationKind;
import dev.nnet.lang.nnet.Conv2d;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.Init;
import dev.nnet.lang.nnet.InitKind;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.ModelFacts;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * Rules 2, 3, 4, 5 and 8: the layers of a network (loss vs output, differentiability, non-linearity, vanishing gradients, symmetric initialisation) and activation/initializer arguments.
 * Composed into {@link NNetValidator}; codes in {@link IssueCodes}, messages in {@code messages.properties}.
 */
public class ArchitectureValidator extends NNetRuleValidator {

	@Inject
	private ShapeInference shapes;

	@Inject
	private ValidationSettings settings;

	@Check
	public void checkLossMatchesOutput(Network n) {
		if (ModelFacts.isIncomplete(n)) {
			return; // the layers are not what the user wrote: no consequences of the syntax error
		}
		if (!ModelFacts.hasLoss(n)) {
			return;
		}
		NetworkShape shape = shapes.infer(n);
		LayerShape out = shape.outputLayer();
		if (out == null) {
			return;
		}
		String act = out.activation();
		int layers = shape.layers().size();
		switch (LossRules.check(n.getLoss().getLiteral(), act, out.outputs(), layers)) {
		case CROSS_ENTROPY_WITH_SIGMOID -> error(Messages.get("crossEntropyWithSigmoid", n.getName(), out.name()),
				Literals.NETWORK__LOSS, IssueCodes.CROSS_ENTROPY_WITHOUT_SOFTMAX, "binary_cross_entropy");
		case CROSS_ENTROPY_WITHOUT_SOFTMAX -> error(
				Messages.get("crossEntropyWithoutSoftmax", n.getName(), out.name(), act), Literals.NETWORK__LOSS,
				IssueCodes.CROSS_ENTROPY_WITHOUT_SOFTMAX, "softmax");
		case BINARY_CROSS_ENTROPY_WITHOUT_SIGMOID -> error(
				Messages.get("binaryCrossEntropyWithoutSigmoid", n.getName(), out.name(), act),
				Literals.NETWORK__LOSS, IssueCodes.BINARY_CROSS_ENTROPY_WITHOUT_SIGMOID, "sigmoid");
		case MSE_ON_SOFTMAX -> warning(Messages.get("mseOnSoftmax", n.getName(), out.name()),
				Literals.NETWORK__LOSS, IssueCodes.MSE_ON_SOFTMAX, "cross_entropy");
		case PERCEPTRON_NEEDS_SIGN -> error(
				Messages.get("perceptronLossNeedsSign", n.getName(), layers, out.name(), act),
				Literals.NETWORK__LOSS, IssueCodes.PERCEPTRON_LOSS_NEEDS_SIGN, "perceptron");
		case PERCEPTRON_ONE_UNIT -> error(Messages.get("perceptronOneUnit", n.getName(), out.name(), out.outputs()),
				Literals.NETWORK__LOSS, IssueCodes.PERCEPTRON_LOSS_NEEDS_SIGN, "perceptron");
		case NONE -> {
		}
		}
	}

	@Check
	public void checkDifferentiableActivations(Network n) {
		if (ModelFacts.isIncomplete(n)) {
			return; // the layers are not what the user wrote: no consequences of the syntax error
		}
		NetworkShape shape = shapes.infer(n);
		if (!ModelFacts.usesBackpropagation(n, shape)) {
			return; // a single sign layer trained by the perceptron rule
		}
		Set<EObject> reported = new HashSet<>();
		for (LayerShape l : shape.weightedLayers()) {
			if ("sign".equals(l.activation()) && reported.add(l.source())) {
				error(Messages.get("nonDifferentiableActivation", l.name(), n.getName()), activationOf(l.source()),
						Literals.ACTIVATION__KIND, IssueCodes.NON_DIFFERENTIABLE_ACTIVATION, "tanh");
			}
		}
	}

	@Check
	public void checkHiddenNonLinearity(Network n) {
		if (ModelFacts.isIncomplete(n)) {
			return; // the layers are not what the user wrote: no consequences of the syntax error
		}
		NetworkShape shape = shapes.infer(n);
		List<LayerShape> weighted = shape.weightedLayers();
		if (weighted.size() < 2) {
			return;
		}
		for (LayerShape l : weighted.subList(0, weighted.size() - 1)) {
			if (!l.isLinear()) {
				return;
			}
		}
		if (shape.allLayers().stream().anyMatch(l -> "max_pool".equals(l.kind()))) {
			return; // the maximum of a window is not linear
		}
		warning(Messages.get("collapsesToLinear", n.getName(), weighted.size()), Literals.ELEMENT__NAME,
				IssueCodes.COLLAPSES_TO_LINEAR, "relu");
	}

	@Check
	public void checkVanishingGradients(Network n) {
		if (ModelFacts.isIncomplete(n)) {
			return; // the layers are not what the user wrote: no consequences of the syntax error
		}
		NetworkShape shape = shapes.infer(n);
		List<LayerShape> layers = shape.weightedLayers(); // conv2d counts, pools and flatten neither count nor break
		int start = 0;
		for (int i = 0; i <= layers.size(); i++) {
			if (i < layers.size() && layers.get(i).isSaturating()) {
				continue;
			}
			int run = i - start;
			if (run >= settings.vanishingDepth()) {
				LayerShape first = layers.get(start);
				LayerShape last = layers.get(i - 1);
				String bound = String.format(java.util.Locale.ROOT, "%.3g", GradientFlow.sigmoidBound(run));
				warning(Messages.get("vanishingGradients", first.name(), last.name(), n.getName(), run, bound),
						first.source(), first.source() instanceof Conv2d ? Literals.CONV2D__ACTIVATION
								: Literals.DENSE__ACTIVATION,
						IssueCodes.VANISHING_GRADIENTS, "relu", "he_normal");
			}
			start = i + 1;
		}
	}

	@Check
	public void checkHiddenInitialization(Network n) {
		if (ModelFacts.isIncomplete(n)) {
			return; // the layers are not what the user wrote: no consequences of the syntax error
		}
		NetworkShape shape = shapes.infer(n);
		Set<EObject> reported = new HashSet<>();
		List<LayerShape> weighted = shape.weightedLayers();
		for (LayerShape l : weighted.subList(0, Math.max(0, weighted.size() - 1))) {
			Init init = l.source() instanceof Dense d ? d.getInit() : l.source() instanceof Conv2d c ? c.getInit() : null;
			if (init != null && reported.add(l.source())) {
				InitKind kind = init.getKind();
				if (kind == InitKind.ZEROS || kind == InitKind.CONSTANT) {
					String fix = LossRules.suggestedWeightInit(l.activation());
					warning(Messages.get("symmetricInitialization", l.name(), kind.getLiteral(), fix), l.source(),
							l.source() instanceof Conv2d ? Literals.CONV2D__INIT : Literals.DENSE__INIT,
							IssueCodes.SYMMETRIC_INITIALIZATION, fix);
				}
			}
		}
	}

	@Check
	public void checkKnownActivation(Activation a) {
		if (a.getUnknown() == null) {
			return;
		}
		EObject d = a.eContainer();
		Network n = org.eclipse.xtext.EcoreUtil2.getContainerOfType(a, Network.class);
		String closest = closestActivation(a.getUnknown());
		List<String> all = ActivationKind.VALUES.stream().map(ActivationKind::getLiteral).toList();
		String declared = d instanceof dev.nnet.lang.nnet.LayerItem item
				&& dev.nnet.lang.layers.LayerDescriptors.of(item) != null
						? dev.nnet.lang.layers.LayerDescriptors.of(item).declaredName(item) : null;
		String layer = declared != null ? declared : n == null ? "?"
				: shapes.infer(n).allLayers().stream().filter(l -> l.source() == d).map(LayerShape::name)
						.findFirst().orElse("?");
		error(Messages.get("unknownActivation", layer, n == null ? "?" : n.getName(), a.getUnknown(), closest,
				String.join(", ", all)),
				Literals.ACTIVATION__UNKNOWN, IssueCodes.UNKNOWN_ACTIVATION, closest);
	}

	/** @return the activation clause of a dense or conv2d layer, or null */
	private static Activation activationOf(EObject layer) {
		return layer instanceof Dense d ? d.getActivation() : layer instanceof Conv2d c ? c.getActivation() : null;
	}

	/** @return the activation whose keyword is the fewest single-character edits away from {@code name} */
	static String closestActivation(String name) {
		String best = ActivationKind.IDENTITY.getLiteral();
		int bestDistance = Integer.MAX_VALUE;
		for (ActivationKind k : ActivationKind.VALUES) {
			int d = editDistance(name.toLowerCase(java.util.Locale.ROOT), k.getLiteral());
			if (d < bestDistance) {
				best = k.getLiteral();
				bestDistance = d;
			}
		}
		return best;
	}

	private static int editDistance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	@Check
	public void checkActivationParameter(Activation a) {
		if (a.getParameter() != null && a.getUnknown() == null && a.getKind() != ActivationKind.LEAKY_RELU && a.getKind() != ActivationKind.ELU) {
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
}

package dev.nnet.lang.ide.quickfix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import dev.nnet.lang.data.DataInfo;
import dev.nnet.lang.data.DataInspector;
import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.Conv2d;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.nnet.Perceptron;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.ModelFacts;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.lang.validation.IssueCodes;

/**
 * Quick fixes for the validation rules that have a natural fix, as plain text edits of the resource that has
 * the issue: no UI, so the editor's Ctrl+1, the Problems view and tests share them. Fixes whose edit would fall
 * into another file (a network declared elsewhere) are not offered.
 */
@Singleton
public class NNetQuickFixes {

	@Inject
	private ShapeInference shapes;

	@Inject
	private DataInspector dataInspector;

	@Inject
	private HiddenLayerFix hiddenLayer;

	/** @return whether fixes may exist for issues with this code */
	public boolean handles(String code) {
		return code != null && switch (code.substring(code.lastIndexOf('.') + 1)) {
		case "inputSizeMismatch", "outputSizeMismatch", "crossEntropyWithoutSoftmax",
				"binaryCrossEntropyWithoutSigmoid", "mseOnSoftmax", "perceptronLossNeedsSign", "vanishingGradients",
				"perceptronFullBatch", "symmetricInitialization", "nonDifferentiableActivation",
				"largeLearningRate", "invalidSplit", "collapsesToLinear", "notLinearlySeparable",
				"unknownActivation", "denseNeedsFlatten", "sameNeedsOddKernel" -> true;
		default -> false;
		};
	}

	/**
	 * @param resource the parsed resource the issue was reported on (its text must be the validated text)
	 * @param issue    an issue of the NNet validator
	 * @return the fixes, possibly none
	 */
	public List<Fix> fixes(XtextResource resource, Issue issue) {
		List<Fix> fixes = new ArrayList<>();
		if (!handles(issue.getCode()) || issue.getUriToProblem() == null) {
			return fixes;
		}
		EObject element = resource.getEObject(issue.getUriToProblem().fragment());
		if (element == null) {
			return fixes;
		}
		String[] data = issue.getData() == null ? new String[0] : issue.getData();
		String first = data.length > 0 ? data[0] : null;
		try {
			switch (issue.getCode()) {
			case IssueCodes.INPUT_SIZE_MISMATCH -> inputSize(resource, element, first, fixes);
			case IssueCodes.OUTPUT_SIZE_MISMATCH -> outputSize(resource, element, first, fixes);
			case IssueCodes.CROSS_ENTROPY_WITHOUT_SOFTMAX, IssueCodes.BINARY_CROSS_ENTROPY_WITHOUT_SIGMOID,
					IssueCodes.MSE_ON_SOFTMAX, IssueCodes.PERCEPTRON_LOSS_NEEDS_SIGN ->
				loss(element, first, fixes);
			case IssueCodes.VANISHING_GRADIENTS -> vanishing(element, fixes);
			case IssueCodes.PERCEPTRON_FULL_BATCH -> fullBatch(element, fixes);
			case IssueCodes.SYMMETRIC_INITIALIZATION -> replace(fixes, "Initialise with " + first,
					element instanceof dev.nnet.lang.nnet.Conv2d c ? c.getInit() : ((Dense) element).getInit(), first);
			case IssueCodes.NON_DIFFERENTIABLE_ACTIVATION -> replace(fixes, "Use " + first, element, first);
			case IssueCodes.LARGE_LEARNING_RATE -> replaceFeature(fixes, "Set the learning rate to " + first, element,
					Literals.OPTIMIZER__LEARNING_RATE, first);
			case IssueCodes.INVALID_SPLIT -> replaceFeature(fixes, "Test on " + first + "%", element,
					Literals.SPLIT__PERCENT, first);
			case IssueCodes.COLLAPSES_TO_LINEAR -> collapses(element, first, fixes);
			case IssueCodes.UNKNOWN_ACTIVATION -> replaceFeature(fixes, "Use " + first, element,
					Literals.ACTIVATION__UNKNOWN, first);
			case IssueCodes.NOT_LINEARLY_SEPARABLE -> fixes.add(hiddenLayer.fix((Training) element));
			case IssueCodes.DENSE_NEEDS_FLATTEN -> fixes.add(FlattenFix.fix((Dense) element));
			case IssueCodes.SAME_NEEDS_ODD_KERNEL -> replaceFeature(fixes, "Use kernel " + first, element,
					Literals.CONV2D__KERNEL, first);
			default -> {
			}
			}
		} catch (RuntimeException e) {
			// the model changed shape under the issue (stale marker): no fix rather than a wrong one
		}
		fixes.removeIf(f -> f == null || f.edits().isEmpty());
		return fixes;
	}

	private void inputSize(XtextResource resource, EObject element, String features, List<Fix> fixes) {
		Architecture model = ((Training) element).getNetwork();
		if (model.eResource() == resource && model.getInput() != null) {
			replaceFeature(fixes, "Set 'input " + features + "' in " + model.getName(), model.getInput(),
					Literals.INPUT__SIZE, features);
		}
	}

	private void outputSize(XtextResource resource, EObject element, String outputs, List<Fix> fixes) {
		Architecture model = ((Training) element).getNetwork();
		if (model.eResource() != resource) {
			return;
		}
		LayerShape out = shapes.infer(model).outputLayer();
		if (out.source() instanceof Dense d) {
			replaceFeature(fixes, "Make layer '" + out.name() + "' " + outputs + " units wide", d,
					Literals.DENSE__UNITS, outputs);
		} else if (model instanceof Perceptron p) {
			String label = "Give perceptron '" + p.getName() + "' " + outputs + " outputs";
			if (p.getOutputs() != null) {
				replaceFeature(fixes, label, p, Literals.PERCEPTRON__OUTPUTS, outputs);
			} else {
				INode input = NodeModelUtils.findActualNodeFor(p.getInput());
				fixes.add(new Fix(label, List.of(new TextEdit(input.getEndOffset(), 0,
						"\n" + indentOf(input) + "outputs " + outputs))));
			}
		}
	}

	private void loss(EObject element, String wanted, List<Fix> fixes) {
		Network n = (Network) element;
		NetworkShape shape = shapes.infer(n);
		LayerShape out = shape.outputLayer();
		String matching = ModelFacts.matchingLoss(shape);
		if (!matching.equals(n.getLoss().getLiteral())) {
			replaceFeature(fixes, "Change the loss to " + matching + " (output '" + out.name() + "' is "
					+ out.activation() + ")", n, Literals.NETWORK__LOSS, matching);
		}
		if (("softmax".equals(wanted) || "sigmoid".equals(wanted)) && out.source() instanceof Dense d) {
			fixes.add(new Fix("Change the activation of '" + out.name() + "' to " + wanted,
					activationEdits(d, wanted)));
		}
	}

	private void vanishing(EObject element, List<Fix> fixes) {
		Network n = EcoreUtil2.getContainerOfType(element, Network.class);
		List<LayerShape> layers = shapes.infer(n).weightedLayers(); // as the rule: pools and flatten do not break a run
		EObject output = layers.isEmpty() ? null : layers.get(layers.size() - 1).source();
		Set<EObject> run = new LinkedHashSet<>();
		boolean inRun = false;
		for (LayerShape l : layers) {
			inRun |= l.source() == element;
			if (inRun && !l.isSaturating()) {
				break;
			}
			if (inRun && l.source() != output && (l.source() instanceof Dense || l.source() instanceof Conv2d)) {
				run.add(l.source());
			}
		}
		List<TextEdit> edits = new ArrayList<>();
		for (EObject layer : run) {
			EObject init = layer instanceof Conv2d c ? c.getInit() : ((Dense) layer).getInit();
			if (init != null) {
				edits.addAll(activationEdits(layer, "relu"));
				INode node = NodeModelUtils.findActualNodeFor(init);
				edits.add(new TextEdit(node.getOffset(), node.getLength(), "he_normal"));
			} else {
				edits.addAll(activationEdits(layer, "relu init he_normal"));
			}
		}
		fixes.add(new Fix("Use relu with he_normal initialisation in " + run.size() + " hidden layer(s)", edits));
	}

	private void fullBatch(EObject element, List<Fix> fixes) {
		Training t = (Training) element;
		replaceFeature(fixes, "Update after every sample: batch 1", t, Literals.TRAINING__BATCH, "1");
		DataInfo info = t.getData() == null || t.getData().eIsProxy() ? null : dataInspector.inspect(t.getData());
		if (info != null && info.samples() >= 4) {
			String size = String.valueOf(Math.min(32, info.samples() / 2));
			replaceFeature(fixes, "Use mini-batches: batch " + size, t, Literals.TRAINING__BATCH, size);
		}
	}

	private void collapses(EObject element, String activation, List<Fix> fixes) {
		List<TextEdit> edits = new ArrayList<>();
		Set<EObject> done = new LinkedHashSet<>();
		for (LayerShape l : shapes.infer((Network) element).hiddenLayers()) {
			if (l.source() instanceof Dense d && done.add(d)) {
				edits.addAll(activationEdits(d, activation));
			}
		}
		fixes.add(new Fix("Give the hidden layers the activation " + activation, edits));
	}

	/**
	 * Edits that set a dense or conv2d layer's activation, replacing the given one or inserting it after the units
	 * (dense) or the last of kernel, stride and padding (conv2d).
	 */
	private static List<TextEdit> activationEdits(EObject layer, String activation) {
		EObject given = layer instanceof Conv2d c ? c.getActivation() : ((Dense) layer).getActivation();
		if (given != null) {
			INode node = NodeModelUtils.findActualNodeFor(given);
			return List.of(new TextEdit(node.getOffset(), node.getLength(), activation));
		}
		int end = -1;
		List<EStructuralFeature> before = layer instanceof Conv2d
				? List.of(Literals.CONV2D__KERNEL, Literals.CONV2D__STRIDE, Literals.CONV2D__PADDING)
				: List.of(Literals.DENSE__UNITS);
		for (EStructuralFeature f : before) {
			for (INode node : NodeModelUtils.findNodesForFeature(layer, f)) {
				end = Math.max(end, node.getEndOffset());
			}
		}
		return end < 0 ? List.of() : List.of(new TextEdit(end, 0, " " + activation));
	}

	private static void replace(List<Fix> fixes, String label, EObject object, String text) {
		ICompositeNode node = object == null ? null : NodeModelUtils.findActualNodeFor(object);
		if (node != null && text != null) {
			fixes.add(new Fix(label, List.of(new TextEdit(node.getOffset(), node.getLength(), text))));
		}
	}

	private static void replaceFeature(List<Fix> fixes, String label, EObject object, EStructuralFeature feature,
			String text) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(object, feature);
		if (!nodes.isEmpty() && text != null) {
			INode node = nodes.get(0);
			fixes.add(new Fix(label, List.of(new TextEdit(node.getOffset(), node.getLength(), text))));
		}
	}

	private static String indentOf(INode node) {
		String text = node.getRootNode().getText();
		int lineStart = text.lastIndexOf('\n', node.getOffset() - 1) + 1;
		int i = lineStart;
		while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
			i++;
		}
		return text.substring(lineStart, i);
	}
}

package dev.nnet.lang.ide.quickfix;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.Element;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * The fix of {@code notLinearlySeparable}: a network with one hidden tanh layer, declared just before the training
 * (so the edit stays in the training's file, wherever the perceptron is), with the same inputs and outputs as the
 * model it replaces, and the training pointed at it. The old model stays, for comparison.
 */
@Singleton
public class HiddenLayerFix {

	/** Hidden units: twice the inputs, at least 4 (XOR needs 2), at most 64. */
	static int hiddenUnits(int inputs) {
		return Math.max(4, Math.min(64, 2 * inputs));
	}

	@Inject
	private ShapeInference shapes;

	/** @return the fix, or null when the training's model or its reference cannot be found */
	public Fix fix(Training training) {
		Architecture model = training.getNetwork();
		List<INode> reference = NodeModelUtils.findNodesForFeature(training, Literals.TRAINING__NETWORK);
		INode trainingNode = NodeModelUtils.findActualNodeFor(training);
		if (model == null || model.eIsProxy() || reference.isEmpty() || trainingNode == null) {
			return null;
		}
		NetworkShape shape = shapes.infer(model);
		int inputs = shape.inputs();
		int outputs = Math.max(1, shape.outputs());
		if (inputs <= 0) {
			return null;
		}
		String name = unique(training, model.getName() + "Hidden");
		int hidden = hiddenUnits(inputs);
		String network = "network " + name + " {\n  input " + inputs + "\n  dense hidden " + hidden
				+ " tanh init xavier\n" + (outputs == 1 ? "  dense out 1 sigmoid\n  loss binary_cross_entropy\n"
						: "  dense out " + outputs + " softmax\n  loss cross_entropy\n")
				+ "}\n\n";
		INode ref = reference.get(0);
		return new Fix("Train a network with a hidden tanh layer instead ('" + name + "', " + inputs + "-" + hidden
				+ "-" + outputs + ")", List.of(new TextEdit(trainingNode.getOffset(), 0, network),
						new TextEdit(ref.getOffset(), ref.getLength(), name)));
	}

	private static String unique(EObject context, String base) {
		Set<String> taken = new HashSet<>();
		EObject root = context;
		while (root.eContainer() != null) {
			root = root.eContainer();
		}
		if (root instanceof Model m) {
			for (Element e : m.getElements()) {
				taken.add(e.getName());
			}
		}
		String name = base;
		for (int i = 2; taken.contains(name); i++) {
			name = base + i;
		}
		return name;
	}
}

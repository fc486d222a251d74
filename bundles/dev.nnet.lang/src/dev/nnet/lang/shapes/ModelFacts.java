package dev.nnet.lang.shapes;

import dev.nnet.engine.loss.LossRules;
import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.LossKind;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.Perceptron;

/** Facts derived from a model that more than one service needs. */
public final class ModelFacts {

	private ModelFacts() {
	}

	/**
	 * The loss a model is trained with: the perceptron model uses the perceptron loss; a network its declared
	 * loss, or when none is declared {@link LossRules#defaultLoss}: cross_entropy for a softmax output,
	 * binary_cross_entropy for one sigmoid output, mse otherwise.
	 */
	public static LossKind effectiveLoss(Architecture model, NetworkShape shape) {
		if (model instanceof Perceptron) {
			return LossKind.PERCEPTRON;
		}
		if (model instanceof Network n && hasLoss(n)) {
			return n.getLoss();
		}
		LayerShape out = shape.outputLayer();
		return out == null ? LossKind.MSE : LossKind.get(LossRules.defaultLoss(out.activation(), out.outputs()));
	}

	/**
	 * @return the loss made for the network's output layer ({@link LossRules#matchingLoss}): cross_entropy for
	 *         softmax, binary_cross_entropy for one sigmoid unit, perceptron for a single sign layer, else mse
	 */
	public static String matchingLoss(NetworkShape shape) {
		LayerShape out = shape.outputLayer();
		return LossRules.matchingLoss(out.activation(), out.outputs(), shape.layers().size());
	}

	/** @return true when the network declares its loss (the enum's default literal is not "unset") */
	public static boolean hasLoss(Network n) {
		return !org.eclipse.xtext.nodemodel.util.NodeModelUtils
				.findNodesForFeature(n, dev.nnet.lang.nnet.NnetPackage.Literals.NETWORK__LOSS).isEmpty();
	}

	/** @return true for losses that classify (all but mse) */
	public static boolean isClassification(LossKind loss) {
		return loss != LossKind.MSE;
	}

	/**
	 * @return true when the model's text has a syntax error or an unknown activation: its layer list is not what
	 *         the user wrote, so rules that look at its sizes and activations stay silent instead of reporting
	 *         consequences of the error
	 */
	public static boolean isIncomplete(Architecture model) {
		org.eclipse.xtext.nodemodel.ICompositeNode node = org.eclipse.xtext.nodemodel.util.NodeModelUtils
				.findActualNodeFor(model);
		if (node != null) {
			for (org.eclipse.xtext.nodemodel.INode n : node.getAsTreeIterable()) {
				if (n.getSyntaxErrorMessage() != null) {
					return true;
				}
			}
		}
		for (java.util.Iterator<org.eclipse.emf.ecore.EObject> it = model.eAllContents(); it.hasNext();) {
			if (it.next() instanceof dev.nnet.lang.nnet.Activation a && a.getUnknown() != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @return true when the model is trained by Rosenblatt's perceptron rule: the perceptron model, or a network of
	 *         one sign unit with the perceptron loss (the runner and the generated Java both train it so)
	 */
	public static boolean trainedByPerceptronRule(Architecture model, NetworkShape shape) {
		return model instanceof Perceptron || effectiveLoss(model, shape) == LossKind.PERCEPTRON
				&& shape.layers().size() == 1 && "sign".equals(shape.outputLayer().activation());
	}

	/** @return true when the model is trained by backpropagation (not the perceptron rule) */
	public static boolean usesBackpropagation(Architecture model, NetworkShape shape) {
		return effectiveLoss(model, shape) != LossKind.PERCEPTRON;
	}
}

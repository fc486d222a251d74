package dev.nnet.lang.shapes;

import org.eclipse.emf.ecore.EObject;

/**
 * One layer of a network after {@code repeat} blocks are expanded.
 *
 * @param name       the layer's name: its declared name, {@code dense<i>} (1-based position) when unnamed, with
 *                   {@code _<k>} appended for the k-th repetition of a {@code repeat} block
 * @param kind       the layer keyword: {@code "dense"}, {@code "dropout"}, {@code "batch_norm"}, or {@code "perceptron"}
 * @param inputs     the number of inputs the layer receives (0 when unknown)
 * @param outputs    the number of units (0 when unknown or invalid)
 * @param activation the activation's keyword, e.g. {@code "tanh"}, {@code "identity"} when none is given (and for
 *                   layers without an activation)
 * @param params     trainable parameters: {@code inputs * outputs + outputs} for dense
 * @param source     the model element that declares the layer (a {@code LayerItem} or {@code Perceptron}); never null
 */
public record LayerShape(String name, String kind, int inputs, int outputs, String activation, long params,
		EObject source) {

	/** @return true for sigmoid and tanh, the saturating activations */
	public boolean isSaturating() {
		return "sigmoid".equals(activation) || "tanh".equals(activation);
	}

	/** @return true when the activation is the identity (the layer is linear) */
	public boolean isLinear() {
		return "identity".equals(activation);
	}
}

package dev.nnet.lang.shapes;

import org.eclipse.emf.ecore.EObject;

import dev.nnet.engine.layer.Shape;

/**
 * One layer of a network after {@code repeat} blocks are expanded.
 *
 * @param name       the layer's name: its declared name, {@code dense<i>} (1-based position) when unnamed, with
 *                   {@code _<k>} appended for the k-th repetition of a {@code repeat} block
 * @param kind       the layer keyword: {@code "dense"}, {@code "conv2d"}, {@code "max_pool"}, {@code "flatten"}, ...,
 *                   or {@code "perceptron"}
 * @param input      the shape of one sample the layer receives, null when unknown (a missing or invalid size
 *                   earlier)
 * @param output     the shape of one sample it produces, null when unknown or invalid (the validator says why)
 * @param activation the activation's keyword, e.g. {@code "tanh"}, {@code "identity"} when none is given (and for
 *                   layers without an activation)
 * @param params     trainable parameters: {@code inputs * outputs + outputs} for dense
 * @param source     the model element that declares the layer (a {@code LayerItem} or {@code Perceptron}); never null
 */
public record LayerShape(String name, String kind, Shape input, Shape output, String activation, long params,
		EObject source) {

	/**
	 * A layer between vectors.
	 *
	 * @param name       its name
	 * @param kind       its keyword
	 * @param inputs     the input length, 0 when unknown
	 * @param outputs    the output length, 0 when unknown
	 * @param activation its activation keyword
	 * @param params     its parameter count
	 * @param source     its model element
	 */
	public LayerShape(String name, String kind, int inputs, int outputs, String activation, long params,
			EObject source) {
		this(name, kind, Shapes.vector(inputs), Shapes.vector(outputs), activation, params, source);
	}

	/** @return the number of values the layer receives per sample (0 when unknown) */
	public int inputs() {
		return Shapes.size(input);
	}

	/** @return the number of values it produces per sample: the units of a dense layer (0 when unknown) */
	public int outputs() {
		return Shapes.size(output);
	}

	/**
	 * @return what the layer does in a few words: the activation of a dense (or perceptron) layer, the keyword and
	 *         activation of conv2d ({@code conv2d relu}), the keyword of the other types
	 */
	public String what() {
		if ("conv2d".equals(kind)) {
			return kind + " " + activation;
		}
		return "dense".equals(kind) || "perceptron".equals(kind) ? activation : kind;
	}

	/** @return e.g. {@code 2 -> 4 tanh}, {@code 1x8x8 -> 4x8x8 conv2d relu}, {@code 4x8x8 -> 4x4x4 max_pool} */
	public String describe() {
		return Shapes.text(input) + " -> " + Shapes.text(output) + " " + what();
	}

	/** @return true for sigmoid and tanh, the saturating activations */
	public boolean isSaturating() {
		return "sigmoid".equals(activation) || "tanh".equals(activation);
	}

	/** @return true when the activation is the identity (the layer is linear) */
	public boolean isLinear() {
		return "identity".equals(activation);
	}
}

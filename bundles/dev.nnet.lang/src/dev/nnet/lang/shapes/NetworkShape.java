package dev.nnet.lang.shapes;

import java.util.List;

import dev.nnet.engine.layer.Shape;

/**
 * The inferred shape of a network or perceptron.
 *
 * @param name        the model's name (may be null for a broken model)
 * @param inputs      the declared input size (0 when missing)
 * @param layers      the dense (or perceptron) layers in order, repeat blocks expanded: the layers the course rules,
 *                    the graph and trained weights talk about
 * @param totalParams the sum of every layer's parameter count
 * @param truncated   true when expansion stopped at {@link ShapeInference#MAX_LAYERS} layers
 * @param allLayers   every layer in order, including dropout, batch_norm, conv2d, pools and flatten: what the
 *                    engine runs
 * @param inputShape  the declared input shape (a vector or C x H x W), null when missing or invalid
 */
public record NetworkShape(String name, int inputs, List<LayerShape> layers, long totalParams, boolean truncated,
		List<LayerShape> allLayers, Shape inputShape) {

	/**
	 * A shape of dense layers only.
	 *
	 * @param name        the model's name
	 * @param inputs      the input size
	 * @param layers      the layers
	 * @param totalParams their parameter count
	 * @param truncated   true when expansion stopped
	 */
	public NetworkShape(String name, int inputs, List<LayerShape> layers, long totalParams, boolean truncated) {
		this(name, inputs, layers, totalParams, truncated, layers, Shapes.vector(inputs));
	}

	/**
	 * @return the layers with weights and an activation (dense and conv2d) in order: the layers the course rules
	 *         (non-linearity, vanishing-gradient depth, initialisation) count; pools, flatten, dropout and
	 *         batch_norm are not among them
	 */
	public List<LayerShape> weightedLayers() {
		return allLayers.stream().filter(l -> {
			dev.nnet.lang.layers.LayerDescriptor d = dev.nnet.lang.layers.LayerDescriptors.byKeyword(l.kind());
			return d != null && d.weighted();
		}).toList();
	}

	/** @return the input as the language writes it: {@code 1x8x8} for an image, the size for a vector (0 if unknown) */
	public String inputText() {
		return inputShape != null ? inputShape.toString() : Integer.toString(inputs);
	}

		/** @return the last layer of {@link #allLayers()}, or null */
	public LayerShape lastLayer() {
		return allLayers.isEmpty() ? null : allLayers.get(allLayers.size() - 1);
	}

	/** @return the number of outputs of the last layer, or the input size when there is no layer */
	public int outputs() {
		return layers.isEmpty() ? inputs : layers.get(layers.size() - 1).outputs();
	}

	/** @return the last layer or null */
	public LayerShape outputLayer() {
		return layers.isEmpty() ? null : layers.get(layers.size() - 1);
	}

	/** @return the layers before the output layer */
	public List<LayerShape> hiddenLayers() {
		return layers.isEmpty() ? List.of() : layers.subList(0, layers.size() - 1);
	}
}

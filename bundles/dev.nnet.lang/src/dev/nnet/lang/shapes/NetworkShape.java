package dev.nnet.lang.shapes;

import java.util.List;

/**
 * The inferred shape of a network or perceptron.
 *
 * @param name        the model's name (may be null for a broken model)
 * @param inputs      the declared input size (0 when missing)
 * @param layers      every layer in order, repeat blocks expanded
 * @param totalParams the sum of the layers' parameter counts
 * @param truncated   true when expansion stopped at {@link ShapeInference#MAX_LAYERS} layers
 */
public record NetworkShape(String name, int inputs, List<LayerShape> layers, long totalParams, boolean truncated) {

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

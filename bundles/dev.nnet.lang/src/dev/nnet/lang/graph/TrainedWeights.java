package dev.nnet.lang.graph;

import java.util.ArrayList;
import java.util.List;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.Network;

/**
 * A snapshot of a network's parameters for drawing: per layer, {@code weights[unit][input]} and
 * {@code biases[unit]}. Copied, so the network may keep training.
 *
 * @param weights one matrix per layer, input side first
 * @param biases  one vector per layer
 */
public record TrainedWeights(List<double[][]> weights, List<double[]> biases) {

	/**
	 * Copies the parameters of an engine network. Call it on the thread that trains the network (or after
	 * training).
	 *
	 * @param network the network
	 * @return its parameters
	 */
	public static TrainedWeights of(Network network) {
		List<double[][]> w = new ArrayList<>();
		List<double[]> b = new ArrayList<>();
		for (DenseLayer layer : network.layers()) {
			double[][] m = new double[layer.units()][layer.inputs()];
			for (int u = 0; u < layer.units(); u++) {
				for (int i = 0; i < layer.inputs(); i++) {
					m[u][i] = layer.weights().get(u, i);
				}
			}
			w.add(m);
			b.add(layer.bias().toDoubleArray());
		}
		return new TrainedWeights(List.copyOf(w), List.copyOf(b));
	}

	/**
	 * @return true when layer {@code layer} (0-based) has a {@code units x inputs} matrix
	 */
	boolean fits(int layer, int units, int inputs) {
		return layer < weights.size() && weights.get(layer).length == units
				&& (units == 0 || weights.get(layer)[0].length == inputs) && biases.get(layer).length == units;
	}
}

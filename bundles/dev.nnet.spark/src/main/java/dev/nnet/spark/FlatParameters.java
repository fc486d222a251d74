package dev.nnet.spark;

import java.util.List;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.Network;
import dev.nnet.engine.matrix.Matrix;

/**
 * A network's parameters and gradients as one flat {@code double[]}, in the optimizer's order (layer 1 weights, layer 1
 * bias, layer 2 weights, ...): what the driver broadcasts each step and what the partitions send back.
 */
final class FlatParameters {

	private FlatParameters() {
	}

	/** @return the number of doubles of a flat parameter (or gradient) vector */
	static int size(Network network) {
		return network.parameterCount();
	}

	/** Copies the network's parameters into {@code out}. */
	static void read(Network network, double[] out) {
		int k = 0;
		for (DenseLayer l : network.layers()) {
			k = copyOut(l.weights(), out, k, 1);
			k = copyOut(l.bias(), out, k, 1);
		}
	}

	/** Sets the network's parameters from {@code values}. */
	static void write(double[] values, Network network) {
		int k = 0;
		for (DenseLayer l : network.layers()) {
			k = copyIn(values, k, l.weights(), 1);
			k = copyIn(values, k, l.bias(), 1);
		}
	}

	/** Adds {@code factor} times the network's last gradients to {@code sums}. */
	static void addGradients(Network network, double factor, double[] sums) {
		int k = 0;
		for (DenseLayer l : network.layers()) {
			k = addOut(l.weightGradient(), factor, sums, k);
			k = addOut(l.biasGradient(), factor, sums, k);
		}
	}

	/** Sets the network's gradients to {@code scale} times {@code sums}. */
	static void writeGradients(double[] sums, double scale, Network network) {
		List<DenseLayer> layers = network.layers();
		int k = 0;
		for (DenseLayer l : layers) {
			k = copyIn(sums, k, l.weightGradient(), scale);
			k = copyIn(sums, k, l.biasGradient(), scale);
		}
	}

	private static int copyOut(Matrix m, double[] out, int k, double scale) {
		int n = m.size();
		for (int i = 0; i < n; i++) {
			out[k + i] = scale * m.get(i);
		}
		return k + n;
	}

	private static int addOut(Matrix m, double factor, double[] out, int k) {
		int n = m.size();
		for (int i = 0; i < n; i++) {
			out[k + i] += factor * m.get(i);
		}
		return k + n;
	}

	private static int copyIn(double[] values, int k, Matrix m, double scale) {
		int n = m.size();
		for (int i = 0; i < n; i++) {
			m.set(i, scale == 1 ? values[k + i] : values[k + i] * scale);
		}
		return k + n;
	}
}

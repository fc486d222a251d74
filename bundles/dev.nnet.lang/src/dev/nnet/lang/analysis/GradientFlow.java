package dev.nnet.lang.analysis;

import java.util.List;

import dev.nnet.engine.train.EpochEnd;

/**
 * How much the gradient is scaled on its way back from the output layer to each layer: the static bound (the
 * product of the activation-derivative bounds of the layers it crosses, what the validator's vanishing-gradient
 * rule reasons with) and the measured ratio of gradient norms of a run. One rule for both: the gradient vanishes
 * when it is scaled by less than {@code 0.25^depth}, the bound of {@code depth} stacked sigmoids, where depth is the
 * validator's vanishing depth.
 */
public final class GradientFlow {

	/** The largest derivative of the sigmoid, {@code σ'(0) = 1/4}: the reason deep sigmoid stacks vanish. */
	public static final double SIGMOID_DERIVATIVE_BOUND = 0.25;

	private GradientFlow() {
	}

	/**
	 * @param activation an activation name as the engine and the shapes spell it
	 * @return an upper bound of {@code |f'|}: sigmoid 1/4, softmax 1/4 (a diagonal entry {@code p(1-p)}), sign 0,
	 *         the others 1 (tanh, relu, identity, leaky relu and elu with their usual parameters below 1)
	 */
	public static double derivativeBound(String activation) {
		return switch (activation == null ? "" : activation) {
		case "sigmoid", "softmax" -> SIGMOID_DERIVATIVE_BOUND;
		case "sign" -> 0;
		default -> 1;
		};
	}

	/**
	 * @param depth a number of stacked sigmoid layers
	 * @return {@code 0.25^depth}, the bound of the gradient's scaling through them
	 */
	public static double sigmoidBound(int depth) {
		return Math.pow(SIGMOID_DERIVATIVE_BOUND, depth);
	}

	/**
	 * @param vanishingDepth the validator's vanishing depth (stacked saturating layers that make it warn)
	 * @return the scaling below which a measured gradient has vanished: {@link #sigmoidBound}{@code (depth)}
	 */
	public static double vanishingThreshold(int vanishingDepth) {
		return sigmoidBound(vanishingDepth);
	}

	/**
	 * The static bound per layer: the gradient reaching layer i from the output layer has crossed the activation
	 * derivatives of layers i to L-2 (the output layer's delta comes from the loss), so it is scaled by at most their
	 * product (weights aside). The output layer's bound is 1.
	 *
	 * @param activations activation names, input side first
	 * @return one bound per layer
	 */
	public static double[] predicted(List<String> activations) {
		int n = activations.size();
		double[] out = new double[n];
		double product = 1;
		for (int i = n - 1; i >= 0; i--) {
			if (i < n - 1) {
				product *= derivativeBound(activations.get(i));
			}
			out[i] = product;
		}
		return out;
	}

	/**
	 * @param epoch an epoch's statistics
	 * @return per layer, its gradient norm divided by the output layer's (NaN where unknown or the output's is 0)
	 */
	public static double[] measured(EpochEnd epoch) {
		int n = epoch.layers().size();
		double[] out = new double[n];
		double output = n == 0 ? Double.NaN : epoch.layers().get(n - 1).gradientNorm();
		for (int i = 0; i < n; i++) {
			double g = epoch.layers().get(i).gradientNorm();
			out[i] = output > 0 && Double.isFinite(g) ? g / output : Double.NaN;
		}
		return out;
	}
}

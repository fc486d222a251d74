package dev.nnet.lang.shapes;

import java.util.ArrayList;
import java.util.List;

import com.google.inject.Singleton;

import dev.nnet.lang.nnet.Activation;
import dev.nnet.lang.nnet.ActivationKind;
import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.layers.LayerDescriptor;
import dev.nnet.lang.layers.LayerDescriptors;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.Perceptron;
import dev.nnet.lang.nnet.Repeat;

/**
 * Infers layer sizes and parameter counts. The one place that knows how layers connect (through each type's
 * {@link LayerDescriptor}): the validator, the generator, hover and the graph view ask it. Works on broken or partial models (missing sizes count as 0,
 * {@code repeat} blocks are expanded up to {@link #MAX_LAYERS} layers) and never throws.
 */
@Singleton
public class ShapeInference {

	/** Expansion of repeat blocks stops after this many layers. */
	public static final int MAX_LAYERS = 10_000;

	/**
	 * @param model a network or perceptron, may be null or incomplete
	 * @return its shape; an empty shape for null
	 */
	public NetworkShape infer(Architecture model) {
		try {
			if (model instanceof Perceptron p) {
				return inferPerceptron(p);
			}
			if (model instanceof Network n) {
				return inferNetwork(n);
			}
		} catch (RuntimeException e) {
			// a model in an unforeseen state: report what is known, never fail the caller
		}
		return new NetworkShape(model == null ? null : model.getName(), 0, List.of(), 0, false);
	}

	/** @return the declared input size, 0 when missing */
	public int inputSize(Architecture model) {
		if (model == null || model.getInput() == null || model.getInput().getSize() == null) {
			return 0;
		}
		return Math.max(0, model.getInput().getSize());
	}

	/** @return the number of units of a perceptron: {@code outputs}, 1 by default */
	public int perceptronOutputs(Perceptron p) {
		Integer outputs = p.getOutputs();
		return outputs == null ? 1 : Math.max(0, outputs);
	}

	/** @return the activation keyword of a dense layer, {@code identity} when none is given */
	public static String activationName(Dense dense) {
		Activation a = dense.getActivation();
		ActivationKind kind = a == null ? null : a.getKind();
		return kind == null ? ActivationKind.IDENTITY.getLiteral() : kind.getLiteral();
	}

	/** @return parameters of a fully connected layer, saturating at Long.MAX_VALUE */
	public static long parameters(int inputs, int outputs) {
		try {
			return Math.addExact(Math.multiplyExact((long) inputs, (long) outputs), outputs);
		} catch (ArithmeticException e) {
			return Long.MAX_VALUE;
		}
	}

	private NetworkShape inferPerceptron(Perceptron p) {
		int inputs = inputSize(p);
		int outputs = perceptronOutputs(p);
		String name = p.getName() == null ? "perceptron" : p.getName();
		LayerShape layer = new LayerShape(name, "perceptron", inputs, outputs, ActivationKind.SIGN.getLiteral(),
				parameters(inputs, outputs), p);
		return new NetworkShape(p.getName(), inputs, List.of(layer), layer.params(), false);
	}

	private NetworkShape inferNetwork(Network n) {
		int inputs = inputSize(n);
		List<LayerShape> all = new ArrayList<>();
		boolean complete = expand(n.getLayers(), "", new int[] { inputs }, all);
		long total = 0;
		List<LayerShape> dense = new ArrayList<>();
		for (LayerShape l : all) {
			total = total > Long.MAX_VALUE - l.params() ? Long.MAX_VALUE : total + l.params();
			if (l.source() instanceof Dense) {
				dense.add(l);
			}
		}
		return new NetworkShape(n.getName(), inputs, List.copyOf(dense), total, !complete, List.copyOf(all));
	}

	/** @return false when the layer limit was reached */
	private boolean expand(List<LayerItem> items, String suffix, int[] width, List<LayerShape> out) {
		for (LayerItem item : items) {
			if (out.size() >= MAX_LAYERS) {
				return false;
			}
			LayerDescriptor descriptor = LayerDescriptors.of(item);
			if (descriptor != null) {
				String declared = descriptor.declaredName(item);
				String name = declared != null ? declared + suffix : descriptor.keyword() + (out.size() + 1);
				LayerShape shape = descriptor.shape(item, name, width[0]);
				out.add(shape);
				width[0] = shape.outputs();
			} else if (item instanceof Repeat r) {
				int count = r.getCount() == null ? 0 : r.getCount();
				for (int k = 1; k <= count; k++) {
					int before = out.size();
					if (!expand(r.getLayers(), suffix + "_" + k, width, out)) {
						return false;
					}
					if (out.size() == before) {
						break; // adds no layers (also through nested empty repeats): repeating it cannot either
					}
				}
			}
		}
		return true;
	}
}

package dev.nnet.lang.run;

import java.util.List;

import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.init.Initializer;
import dev.nnet.engine.init.Initializers;
import dev.nnet.lang.nnet.ActivationKind;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.layers.LayerDescriptors;
import dev.nnet.lang.nnet.Init;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.NetworkShape;

/** Translates a parsed {@code network} (through its inferred shape) into the engine's {@link NetworkSpec}. */
public final class EngineModels {

	private EngineModels() {
	}

	/**
	 * @param network the network
	 * @param shape   its shape ({@code repeat} expanded, layer names final)
	 * @return the engine spec
	 * @throws RunException for a network the engine cannot build (missing sizes, bad parameters)
	 */
	public static NetworkSpec spec(Network network, NetworkShape shape) throws RunException {
		if (shape.inputs() <= 0 || shape.layers().isEmpty() || shape.truncated()) {
			throw SourceLocation.error(network, "network " + network.getName()
					+ " needs a positive input size and at least one dense layer");
		}
		NetworkSpec.Builder builder = shape.inputShape() != null ? NetworkSpec.builder(shape.inputShape())
				: NetworkSpec.builder(shape.inputs());
		for (LayerShape layer : shape.allLayers()) {
			LayerItem item = (LayerItem) layer.source();
			try {
				builder.add(LayerDescriptors.of(item).engine(layer));
			} catch (IllegalArgumentException e) {
				throw SourceLocation.error(item, "layer " + layer.name() + ": " + e.getMessage());
			}
		}
		try {
			return builder.build();
		} catch (IllegalArgumentException e) {
			throw SourceLocation.error(network, e.getMessage());
		}
	}

	/** @return the engine activation of a dense layer (identity when none is given) */
	public static Activation activation(Dense dense) {
		return activation(dense.getActivation());
	}

	/** @return the engine activation of a layer's activation clause (identity for null) */
	public static Activation activation(dev.nnet.lang.nnet.Activation a) {
		if (a == null || a.getKind() == null) {
			return Activations.identity();
		}
		Double p = a.getParameter();
		if (a.getKind() == ActivationKind.LEAKY_RELU) {
			return p == null ? Activations.leakyRelu() : Activations.leakyRelu(p);
		}
		if (a.getKind() == ActivationKind.ELU) {
			return p == null ? Activations.elu() : Activations.elu(p);
		}
		return Activations.byName(a.getKind().getLiteral(), java.util.Map.of());
	}

	/**
	 * @param init an {@code init}/{@code bias} clause
	 * @return the engine initializer
	 * @throws IllegalArgumentException when the arguments do not fit the initializer
	 */
	public static Initializer initializer(Init init) {
		List<Double> args = init.getArguments();
		switch (init.getKind()) {
		case ZEROS:
			return Initializers.zeros();
		case CONSTANT:
			return Initializers.constant(arg(args, 0, "constant(c)"));
		case UNIFORM:
			return Initializers.uniform(arg(args, 0, "uniform(a, b)"), arg(args, 1, "uniform(a, b)"));
		case NORMAL:
			return Initializers.normal(arg(args, 0, "normal(mean, std)"), arg(args, 1, "normal(mean, std)"));
		case XAVIER, XAVIER_UNIFORM:
			return Initializers.xavierUniform();
		case XAVIER_NORMAL:
			return Initializers.xavierNormal();
		case HE_UNIFORM:
			return Initializers.heUniform();
		case HE, HE_NORMAL:
			return Initializers.heNormal();
		default:
			throw new IllegalArgumentException("unknown initializer " + init.getKind());
		}
	}

	private static double arg(List<Double> args, int index, String form) {
		if (args.size() <= index || args.get(index) == null) {
			throw new IllegalArgumentException("initializer needs its arguments: " + form);
		}
		return args.get(index);
	}
}

package dev.nnet.lang.shapes;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import dev.nnet.engine.layer.Shape;

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
 * Infers layer shapes (a vector, or C x H x W) and parameter counts. The one place that knows how layers connect
 * (through each type's {@link LayerDescriptor}): the validator, the generator, the runner, hover, inlay hints and the
 * graph view ask it (injected, one instance per injector). Results are cached per resource until it changes
 * ({@link IResourceScopeCache}), so the dozen rules that look at a network infer it once. Works on broken or partial
 * models (missing or invalid sizes give unknown shapes, {@code repeat} blocks are expanded up to
 * {@link #MAX_LAYERS} layers) and never throws.
 */
@Singleton
public class ShapeInference {

	/** Expansion of repeat blocks stops after this many layers. */
	public static final int MAX_LAYERS = 10_000;

	private final IResourceScopeCache cache;

	/** Without a cache: every call infers (for code outside an injector). */
	public ShapeInference() {
		this(IResourceScopeCache.NullImpl.INSTANCE);
	}

	/** @param cache the per-resource cache (Xtext's OnChangeEvictingCache in an injector) */
	@Inject
	public ShapeInference(IResourceScopeCache cache) {
		this.cache = cache;
	}

	/**
	 * @param model a network or perceptron, may be null or incomplete
	 * @return its shape; an empty shape for null
	 */
	public NetworkShape infer(Architecture model) {
		Resource resource = model == null ? null : model.eResource();
		if (resource == null) {
			return compute(model);
		}
		return cache.get(Tuples.pair(ShapeInference.class, model), resource, () -> compute(model));
	}

	private NetworkShape compute(Architecture model) {
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

	/** @return the declared number of input values (C*H*W for an image), 0 when missing or invalid */
	public int inputSize(Architecture model) {
		return Shapes.size(inputShape(model));
	}

	/** @return the declared input shape ({@code input 64} or {@code input 1x8x8}), null when missing or invalid */
	public static Shape inputShape(Architecture model) {
		if (model == null || model.getInput() == null) {
			return null;
		}
		if (model.getInput().getImage() != null) {
			long[] d = imageDimensions(model.getInput().getImage());
			return d == null ? null : Shapes.image(d[0], d[1], d[2]);
		}
		Integer size = model.getInput().getSize();
		return size == null ? null : Shapes.vector(size);
	}

	/**
	 * @param text an image size as written, {@code 1x8x8}
	 * @return channels, height and width (each capped at Integer.MAX_VALUE + 1 so that overflow stays visible), or
	 *         null when the text is not of that form
	 */
	public static long[] imageDimensions(String text) {
		String[] parts = text.split("x", -1);
		if (parts.length != 3) {
			return null;
		}
		long[] d = new long[3];
		for (int i = 0; i < 3; i++) {
			if (parts[i].isEmpty() || !parts[i].chars().allMatch(Character::isDigit)) {
				return null;
			}
			d[i] = parts[i].length() > 10 ? Integer.MAX_VALUE + 1L : Math.min(Long.parseLong(parts[i]), Integer.MAX_VALUE + 1L);
		}
		return d;
	}

	/** @return the number of units of a perceptron: {@code outputs}, 1 by default */
	public int perceptronOutputs(Perceptron p) {
		Integer outputs = p.getOutputs();
		return outputs == null ? 1 : Math.max(0, outputs);
	}

	/** @return the activation keyword of a dense layer, {@code identity} when none is given */
	public static String activationName(Dense dense) {
		return activationName(dense.getActivation());
	}

	/** @return the keyword of a layer's activation (dense, conv2d), {@code identity} when none is given */
	public static String activationName(Activation a) {
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
		Shape input = inputShape(n);
		int inputs = Shapes.size(input);
		List<LayerShape> all = new ArrayList<>();
		boolean complete = expand(n.getLayers(), "", new Shape[] { input }, all);
		long total = 0;
		List<LayerShape> dense = new ArrayList<>();
		for (LayerShape l : all) {
			total = total > Long.MAX_VALUE - l.params() ? Long.MAX_VALUE : total + l.params();
			if (l.source() instanceof Dense) {
				dense.add(l);
			}
		}
		return new NetworkShape(n.getName(), inputs, List.copyOf(dense), total, !complete, List.copyOf(all), input);
	}

	/** @return false when the layer limit was reached */
	private boolean expand(List<LayerItem> items, String suffix, Shape[] width, List<LayerShape> out) {
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
				width[0] = shape.output();
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

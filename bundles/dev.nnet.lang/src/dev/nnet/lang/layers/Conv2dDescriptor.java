package dev.nnet.lang.layers;

import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.init.Initializer;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.layer.Conv2dSpec;
import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.Padding;
import dev.nnet.engine.layer.Shape;
import dev.nnet.lang.generator.JavaModelWriter;
import dev.nnet.lang.generator.JavaSource;
import dev.nnet.lang.nnet.Conv2d;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.nnet.PaddingKind;
import dev.nnet.lang.run.EngineModels;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.lang.shapes.Shapes;

/**
 * {@code conv2d [name] FILTERS kernel K [stride S] [padding valid|same] [activation] [init ...] [bias ...]}: FILTERS
 * square K x K kernels over a C x H x W input, giving FILTERS x OH x OW with OH = floor((H + 2p - K) / S) + 1;
 * {@code FILTERS * C * K * K + FILTERS} parameters (fan-in C * K * K for the initializers).
 */
public final class Conv2dDescriptor implements LayerDescriptor {

	@Override
	public String keyword() {
		return "conv2d";
	}

	@Override
	public boolean describes(LayerItem item) {
		return item instanceof Conv2d;
	}

	@Override
	public String declaredName(LayerItem item) {
		return ((Conv2d) item).getName();
	}

	@Override
	public boolean weighted() {
		return true;
	}

	/** @return the number of filters, 0 when missing */
	public static int filters(Conv2d c) {
		return c.getFilters() == null ? 0 : c.getFilters();
	}

	/** @return the kernel size, 0 when missing */
	public static int kernel(Conv2d c) {
		return c.getKernel() == null ? 0 : c.getKernel();
	}

	/** @return the declared stride, 1 when missing */
	public static int stride(Conv2d c) {
		return c.getStride() == null ? 1 : c.getStride();
	}

	/** @return the engine padding, valid when missing */
	public static Padding padding(Conv2d c) {
		return c.getPadding() == PaddingKind.SAME ? Padding.SAME : Padding.VALID;
	}

	/** @return the zero padding on each side: 0 for valid, (K - 1) / 2 for same */
	public static int pad(Conv2d c) {
		int k = kernel(c);
		return k > 0 ? padding(c).pad(k) : 0;
	}

	@Override
	public LayerShape shape(LayerItem item, String name, Shape input) {
		Conv2d c = (Conv2d) item;
		int filters = Math.max(0, filters(c));
		int k = kernel(c);
		Shape output = null;
		if (Shapes.isImage(input)) {
			int s = stride(c);
			int p = pad(c);
			output = Shapes.image(filters, Shapes.outputSize(input.height(), k, s, p),
					Shapes.outputSize(input.width(), k, s, p));
		}
		int channels = Shapes.isImage(input) ? input.channels() : 0;
		long params = k > 0 ? ShapeInference.parameters((int) Math.min(Integer.MAX_VALUE, (long) channels * k * k), filters)
				: filters;
		return new LayerShape(name, keyword(), input, output, ShapeInference.activationName(c.getActivation()), params,
				c);
	}

	@Override
	public LayerDefinition engine(LayerShape shape) {
		Conv2d c = (Conv2d) shape.source();
		Activation activation = EngineModels.activation(c.getActivation());
		Initializer weights = c.getInit() == null ? NetworkSpec.defaultWeightInit(activation)
				: EngineModels.initializer(c.getInit());
		Initializer bias = c.getBiasInit() == null ? Initializers.zeros() : EngineModels.initializer(c.getBiasInit());
		return new Conv2dSpec(shape.name(), filters(c), kernel(c), stride(c), padding(c), activation, weights,
				bias);
	}

	@Override
	public String java(LayerShape shape) {
		Conv2d c = (Conv2d) shape.source();
		String activation = JavaModelWriter.activation(c.getActivation());
		String weights = c.getInit() == null ? "NetworkSpec.defaultWeightInit(" + activation + ")"
				: JavaModelWriter.init(c.getInit());
		String bias = c.getBiasInit() == null ? "Initializers.zeros()" : JavaModelWriter.init(c.getBiasInit());
		return ".add(new dev.nnet.engine.layer.Conv2dSpec(" + JavaSource.string(shape.name()) + ", " + filters(c)
				+ ", " + kernel(c) + ", " + stride(c) + ", dev.nnet.engine.layer.Padding." + padding(c).name() + ", "
				+ activation + ", " + weights + ", " + bias + "))";
	}
}

package dev.nnet.lang.layers;

import dev.nnet.engine.layer.BatchNormSpec;
import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.Shape;
import dev.nnet.lang.generator.JavaSource;
import dev.nnet.lang.nnet.BatchNorm;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.shapes.LayerShape;

/**
 * {@code batch_norm [name] [momentum M] [eps E]}: passes its shape through; a scale gamma and a shift beta per
 * feature, per channel of an image ({@code 2 * features} parameters), plus running mean and variance (saved, not
 * trained).
 */
final class BatchNormDescriptor implements LayerDescriptor {

	@Override
	public String keyword() {
		return "batch_norm";
	}

	@Override
	public boolean describes(LayerItem item) {
		return item instanceof BatchNorm;
	}

	@Override
	public String declaredName(LayerItem item) {
		return ((BatchNorm) item).getName();
	}

	@Override
	public LayerShape shape(LayerItem item, String name, Shape input) {
		return new LayerShape(name, keyword(), input, input, "identity", input == null ? 0 : 2L * input.features(),
				item);
	}

	/** @return the declared momentum, PyTorch's 0.1 when missing */
	static double momentum(BatchNorm b) {
		return b.getMomentum() == null ? BatchNormSpec.DEFAULT_MOMENTUM : b.getMomentum();
	}

	/** @return the declared eps, PyTorch's 1e-5 when missing */
	static double eps(BatchNorm b) {
		return b.getEps() == null ? BatchNormSpec.DEFAULT_EPS : b.getEps();
	}

	@Override
	public LayerDefinition engine(LayerShape shape) {
		BatchNorm b = (BatchNorm) shape.source();
		return new BatchNormSpec(shape.name(), momentum(b), eps(b));
	}

	@Override
	public String java(LayerShape shape) {
		BatchNorm b = (BatchNorm) shape.source();
		return ".add(new dev.nnet.engine.layer.BatchNormSpec(" + JavaSource.string(shape.name()) + ", "
				+ JavaSource.number(momentum(b)) + ", " + JavaSource.number(eps(b)) + "))";
	}
}

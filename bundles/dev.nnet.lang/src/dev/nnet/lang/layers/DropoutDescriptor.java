package dev.nnet.lang.layers;

import dev.nnet.engine.layer.DropoutSpec;
import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.Shape;
import dev.nnet.lang.generator.JavaSource;
import dev.nnet.lang.nnet.Dropout;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.shapes.LayerShape;

/** {@code dropout [name] P}: passes its input through (no parameters); drops with probability P while training. */
final class DropoutDescriptor implements LayerDescriptor {

	@Override
	public String keyword() {
		return "dropout";
	}

	@Override
	public boolean describes(LayerItem item) {
		return item instanceof Dropout;
	}

	@Override
	public String declaredName(LayerItem item) {
		return ((Dropout) item).getName();
	}

	@Override
	public LayerShape shape(LayerItem item, String name, Shape input) {
		return new LayerShape(name, keyword(), input, input, "identity", 0, item);
	}

	/** @return the declared probability, 0 when missing */
	static double probability(Dropout d) {
		return d.getProbability() == null ? 0 : d.getProbability();
	}

	@Override
	public LayerDefinition engine(LayerShape shape) {
		return new DropoutSpec(shape.name(), probability((Dropout) shape.source()));
	}

	@Override
	public String java(LayerShape shape) {
		return ".dropout(" + JavaSource.string(shape.name()) + ", "
				+ JavaSource.number(probability((Dropout) shape.source())) + ")";
	}
}

package dev.nnet.lang.layers;

import dev.nnet.engine.layer.FlattenSpec;
import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.Shape;
import dev.nnet.lang.generator.JavaSource;
import dev.nnet.lang.nnet.Flatten;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.Shapes;

/** {@code flatten [name]}: C x H x W to a vector of C*H*W values in NCHW order (identity on a vector); no parameters. */
final class FlattenDescriptor implements LayerDescriptor {

	@Override
	public String keyword() {
		return "flatten";
	}

	@Override
	public boolean describes(LayerItem item) {
		return item instanceof Flatten;
	}

	@Override
	public String declaredName(LayerItem item) {
		return ((Flatten) item).getName();
	}

	@Override
	public LayerShape shape(LayerItem item, String name, Shape input) {
		return new LayerShape(name, keyword(), input, input == null ? null : Shapes.vector(input.size()), "identity", 0,
				item);
	}

	@Override
	public LayerDefinition engine(LayerShape shape) {
		return new FlattenSpec(shape.name());
	}

	@Override
	public String java(LayerShape shape) {
		return ".flatten(" + JavaSource.string(shape.name()) + ")";
	}
}

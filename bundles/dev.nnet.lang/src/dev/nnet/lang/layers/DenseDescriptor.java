package dev.nnet.lang.layers;

import dev.nnet.engine.LayerSpec;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.init.Initializer;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.Shape;
import dev.nnet.lang.generator.JavaModelWriter;
import dev.nnet.lang.generator.JavaSource;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.run.EngineModels;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.lang.shapes.Shapes;

/** {@code dense [name] units [activation] [init ...] [bias ...]}: {@code inputs * units + units} parameters. */
final class DenseDescriptor implements LayerDescriptor {

	@Override
	public String keyword() {
		return "dense";
	}

	@Override
	public boolean describes(LayerItem item) {
		return item instanceof Dense;
	}

	@Override
	public String declaredName(LayerItem item) {
		return ((Dense) item).getName();
	}

	@Override
	public LayerShape shape(LayerItem item, String name, Shape input) {
		Dense d = (Dense) item;
		int units = d.getUnits() == null ? 0 : Math.max(0, d.getUnits());
		return new LayerShape(name, keyword(), input, Shapes.vector(units), ShapeInference.activationName(d),
				ShapeInference.parameters(Shapes.size(input), units), d);
	}

	@Override
	public boolean weighted() {
		return true;
	}

	@Override
	public LayerDefinition engine(LayerShape shape) {
		Dense dense = (Dense) shape.source();
		Activation activation = EngineModels.activation(dense);
		Initializer weights = dense.getInit() == null ? NetworkSpec.defaultWeightInit(activation)
				: EngineModels.initializer(dense.getInit());
		Initializer bias = dense.getBiasInit() == null ? Initializers.zeros() : EngineModels.initializer(dense.getBiasInit());
		return new LayerSpec(shape.name(), shape.outputs(), activation, weights, bias);
	}

	@Override
	public String java(LayerShape shape) {
		Dense d = (Dense) shape.source();
		String activation = JavaModelWriter.activation(d);
		String weights = d.getInit() == null ? "NetworkSpec.defaultWeightInit(" + activation + ")"
				: JavaModelWriter.init(d.getInit());
		String bias = d.getBiasInit() == null ? "Initializers.zeros()" : JavaModelWriter.init(d.getBiasInit());
		return ".layer(new LayerSpec(" + JavaSource.string(shape.name()) + ", " + shape.outputs() + ", " + activation
				+ ", " + weights + ", " + bias + "))";
	}
}

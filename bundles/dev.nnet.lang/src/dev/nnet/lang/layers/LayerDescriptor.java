package dev.nnet.lang.layers;

import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.Shape;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.shapes.LayerShape;

/**
 * Everything the language knows about one layer type, in one place: its keyword (also its documentation key and its
 * type in the engine and in model files), its shape rule, its engine mapping and the Java that the generator writes.
 * {@link LayerDescriptors} lists them; {@code ShapeInference}, {@code EngineModels} and {@code JavaModelWriter} ask
 * it instead of knowing layer types. Adding a layer type: a grammar rule, a descriptor, an engine layer.
 */
public interface LayerDescriptor {

	/** @return the keyword, e.g. {@code dropout} */
	String keyword();

	/**
	 * @param item a parsed layer
	 * @return true if this descriptor describes it
	 */
	boolean describes(LayerItem item);

	/**
	 * @param item a layer this descriptor describes
	 * @return its declared name, or null
	 */
	String declaredName(LayerItem item);

	/**
	 * The shape rule. Never throws: missing or invalid numbers give a null (unknown) output shape, which the
	 * validator explains.
	 *
	 * @param item  the layer
	 * @param name  its final name (repeat suffixes and default names applied)
	 * @param input the shape of one sample it receives (a vector or C x H x W), null when unknown
	 * @return its shape
	 */
	LayerShape shape(LayerItem item, String name, Shape input);

	/**
	 * @return true for layers with weights and an activation (dense, conv2d): the layers the course rules count
	 *         (non-linearity, vanishing-gradient depth, initialisation)
	 */
	default boolean weighted() {
		return false;
	}

	/**
	 * @param shape the layer's shape (its {@link LayerShape#source()} is the item)
	 * @return the engine definition
	 * @throws IllegalArgumentException when a setting is out of range
	 */
	LayerDefinition engine(LayerShape shape);

	/**
	 * @param shape the layer's shape
	 * @return the Java builder call that adds it to a {@code NetworkSpec.Builder}, e.g. {@code .dropout("d", 0.2)}
	 */
	String java(LayerShape shape);
}

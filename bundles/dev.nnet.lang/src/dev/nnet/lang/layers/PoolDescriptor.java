package dev.nnet.lang.layers;

import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.PoolSpec;
import dev.nnet.engine.layer.Shape;
import dev.nnet.lang.generator.JavaSource;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.nnet.Pool;
import dev.nnet.lang.nnet.PoolKind;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.Shapes;

/**
 * {@code max_pool [name] SIZE [stride S]} and {@code avg_pool ...}: SIZE x SIZE windows (stride SIZE by default, no
 * padding) per channel, C x H x W to C x OH x OW with OH = floor((H - SIZE) / S) + 1; no parameters.
 */
public final class PoolDescriptor implements LayerDescriptor {

	private final PoolKind kind;

	/** @param kind the pool kind this descriptor describes */
	PoolDescriptor(PoolKind kind) {
		this.kind = kind;
	}

	@Override
	public String keyword() {
		return kind.getLiteral();
	}

	@Override
	public boolean describes(LayerItem item) {
		return item instanceof Pool p && p.getKind() == kind;
	}

	@Override
	public String declaredName(LayerItem item) {
		return ((Pool) item).getName();
	}

	/** @return the window size, 0 when missing */
	public static int size(Pool p) {
		return p.getSize() == null ? 0 : p.getSize();
	}

	/** @return the declared stride, the window size when missing (as PyTorch) */
	public static int stride(Pool p) {
		return p.getStride() == null ? size(p) : p.getStride();
	}

	@Override
	public LayerShape shape(LayerItem item, String name, Shape input) {
		Pool p = (Pool) item;
		Shape output = null;
		if (Shapes.isImage(input)) {
			output = Shapes.image(input.channels(), Shapes.outputSize(input.height(), size(p), stride(p), 0),
					Shapes.outputSize(input.width(), size(p), stride(p), 0));
		}
		return new LayerShape(name, keyword(), input, output, "identity", 0, p);
	}

	@Override
	public LayerDefinition engine(LayerShape shape) {
		Pool p = (Pool) shape.source();
		return new PoolSpec(shape.name(), kind == PoolKind.MAX ? PoolSpec.Kind.MAX : PoolSpec.Kind.AVG, size(p),
				stride(p));
	}

	@Override
	public String java(LayerShape shape) {
		Pool p = (Pool) shape.source();
		return "." + (kind == PoolKind.MAX ? "maxPool" : "avgPool") + "(" + JavaSource.string(shape.name()) + ", "
				+ size(p) + ", " + stride(p) + ")";
	}
}

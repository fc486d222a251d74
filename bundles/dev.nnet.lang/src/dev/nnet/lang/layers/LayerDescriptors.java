package dev.nnet.lang.layers;

import java.util.List;

import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.nnet.PoolKind;

/** The layer types of the language, one {@link LayerDescriptor} each. */
public final class LayerDescriptors {

	private static final List<LayerDescriptor> ALL = List.of(new DenseDescriptor(), new DropoutDescriptor(),
			new BatchNormDescriptor(), new Conv2dDescriptor(), new PoolDescriptor(PoolKind.MAX),
			new PoolDescriptor(PoolKind.AVG), new FlattenDescriptor());

	private LayerDescriptors() {
	}

	/** @return every descriptor */
	public static List<LayerDescriptor> all() {
		return ALL;
	}

	/**
	 * @param item a parsed layer (not a repeat block)
	 * @return its descriptor, or null for a repeat block or an unknown item
	 */
	public static LayerDescriptor of(LayerItem item) {
		for (LayerDescriptor d : ALL) {
			if (d.describes(item)) {
				return d;
			}
		}
		return null;
	}

	/**
	 * @param keyword a layer keyword
	 * @return its descriptor, or null
	 */
	public static LayerDescriptor byKeyword(String keyword) {
		for (LayerDescriptor d : ALL) {
			if (d.keyword().equals(keyword)) {
				return d;
			}
		}
		return null;
	}
}

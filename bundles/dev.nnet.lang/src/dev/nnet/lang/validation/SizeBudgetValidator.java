package dev.nnet.lang.validation;

import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import dev.nnet.engine.SizeBudget;
import dev.nnet.lang.nnet.Architecture;
import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.lang.layers.LayerDescriptor;
import dev.nnet.lang.layers.LayerDescriptors;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * Sizes against the engine's documented budget ({@link SizeBudget}), so that {@code check} rejects what
 * {@code train} could not allocate: a layer's weight matrix, the network's parameter count, and more than
 * {@link ShapeInference#MAX_LAYERS} layers (an error, never a silent cut).
 */
public class SizeBudgetValidator extends NNetRuleValidator {

	@Inject
	private ShapeInference shapes;

	@Check
	public void checkLayerCount(Architecture a) {
		if (shapes.infer(a).truncated()) {
			error(Messages.get("tooManyLayers", a.getName(), ShapeInference.MAX_LAYERS), Literals.ELEMENT__NAME,
					IssueCodes.SIZE_BUDGET, String.valueOf(ShapeInference.MAX_LAYERS));
		}
	}

	@Check
	public void checkParameterBudget(Architecture a) {
		NetworkShape shape = shapes.infer(a);
		long total = 0;
		for (LayerShape l : shape.layers()) {
			long weights = (long) l.inputs() * l.outputs();
			if (weights > SizeBudget.MAX_LAYER_WEIGHTS) {
				boolean dense = l.source() instanceof Dense;
				error(Messages.get("layerTooLarge", l.name(), l.outputs(), l.inputs(), weights,
						SizeBudget.MAX_LAYER_WEIGHTS), dense ? l.source() : a,
						dense ? Literals.DENSE__UNITS : Literals.ELEMENT__NAME, IssueCodes.SIZE_BUDGET,
						String.valueOf(SizeBudget.MAX_LAYER_WEIGHTS));
				return;
			}
			total += weights + l.outputs();
		}
		for (LayerShape l : shape.allLayers()) {
			if (!shape.layers().contains(l)) { // conv2d kernels, batch_norm scales: counted by their own rule
				total = total > Long.MAX_VALUE - l.params() ? Long.MAX_VALUE : total + l.params();
			}
		}
		if (total > SizeBudget.MAX_PARAMETERS) {
			error(Messages.get("tooManyParameters", a.getName(), total, SizeBudget.MAX_PARAMETERS),
					Literals.ELEMENT__NAME, IssueCodes.SIZE_BUDGET, String.valueOf(SizeBudget.MAX_PARAMETERS));
		}
	}

	/** The per-sample workspace of convolution and pooling, against the engine's limit (the engine refuses it too). */
	@Check
	public void checkImageWorkspace(Architecture a) {
		for (LayerShape l : shapes.infer(a).allLayers()) {
			if (!(l.source() instanceof LayerItem item) || l.input() == null || l.output() == null) {
				continue;
			}
			LayerDescriptor descriptor = LayerDescriptors.of(item);
			LayerDefinition definition;
			try {
				definition = descriptor == null ? null : descriptor.engine(l);
			} catch (IllegalArgumentException e) {
				continue; // an invalid setting: its own rule reports it
			}
			long values = definition == null ? 0 : SizeBudget.workspacePerSample(definition, l.input(), l.output());
			if (values > SizeBudget.MAX_WORKSPACE_PER_SAMPLE) {
				error(Messages.get("workspaceTooLarge", l.name(), values, SizeBudget.MAX_WORKSPACE_PER_SAMPLE), item,
						null, IssueCodes.SIZE_BUDGET, String.valueOf(SizeBudget.MAX_WORKSPACE_PER_SAMPLE));
			}
		}
	}
}

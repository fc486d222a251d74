package dev.nnet.lang.validation;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import dev.nnet.lang.conversion.NNetValueConverters;
import dev.nnet.lang.layers.LayerDescriptors;
import dev.nnet.lang.nnet.BatchNorm;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.Dropout;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * Rule 12: the layer types besides dense (dropout probability, batch_norm settings, a dense output layer, names
 * shared across layer types). Composed into {@link NNetValidator}; codes in {@link IssueCodes}, messages in
 * {@code messages.properties}.
 */
public class LayerValidator extends NNetRuleValidator {

	@Inject
	private ShapeInference shapes;

	@Check
	public void checkDropoutProbability(Dropout d) {
		Double p = d.getProbability();
		if (p != null && !(p >= 0 && p < 1)) {
			error(Messages.get("invalidDropout", name(d), NNetValueConverters.format(p)), Literals.DROPOUT__PROBABILITY,
					IssueCodes.INVALID_DROPOUT, "0.5");
		}
	}

	@Check
	public void checkBatchNormSettings(BatchNorm b) {
		Double m = b.getMomentum();
		if (m != null && !(m > 0 && m <= 1)) {
			error(Messages.get("invalidBatchNormMomentum", name(b), NNetValueConverters.format(m)),
					Literals.BATCH_NORM__MOMENTUM, IssueCodes.INVALID_PARAMETER, "0.1");
		}
		Double eps = b.getEps();
		if (eps != null && !(eps > 0)) {
			error(Messages.get("invalidBatchNormEps", name(b), NNetValueConverters.format(eps)), Literals.BATCH_NORM__EPS,
					IssueCodes.INVALID_PARAMETER, "1.0E-5");
		}
	}

	@Check
	public void checkOutputLayerIsDense(Network n) {
		NetworkShape shape = shapes.infer(n);
		LayerShape last = shape.lastLayer();
		if (last != null && !(last.source() instanceof Dense) && last.source() instanceof LayerItem item) {
			error(Messages.get("outputNotDense", n.getName(), last.name(), last.kind()), item, null,
					IssueCodes.OUTPUT_NOT_DENSE);
		}
	}

	/** Names of dropout and batch_norm layers against every other layer name (dense pairs: rule 11). */
	@Check
	public void checkLayerNamesAcrossTypes(Network n) {
		Map<String, LayerItem> byName = new HashMap<>();
		n.eAllContents().forEachRemaining(o -> {
			if (o instanceof LayerItem item && LayerDescriptors.of(item) != null) {
				String declared = LayerDescriptors.of(item).declaredName(item);
				LayerItem other = declared == null ? null : byName.putIfAbsent(declared, item);
				if (other != null && !(other instanceof Dense && item instanceof Dense)) {
					error(Messages.get("duplicateLayer", n.getName(), declared), item, nameFeature(item),
							IssueCodes.DUPLICATE_NAME, declared);
				}
			}
		});
	}

	/** @return the {@code name} feature of any layer type (each declares its own) */
	private static org.eclipse.emf.ecore.EStructuralFeature nameFeature(LayerItem item) {
		return item.eClass().getEStructuralFeature(Literals.DENSE__NAME.getName());
	}

	private static String name(LayerItem item) {
		String declared = LayerDescriptors.of(item).declaredName(item);
		return declared != null ? declared : LayerDescriptors.of(item).keyword();
	}
}

package dev.nnet.lang.validation;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import dev.nnet.lang.nnet.Conv2d;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.Input;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.nnet.PaddingKind;
import dev.nnet.lang.nnet.Pool;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.ModelFacts;
import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.lang.shapes.Shapes;

/**
 * Rule 13: image shapes (input C x H x W, conv2d, max_pool/avg_pool, flatten). Every spatial size follows
 * floor((in + 2p - k) / s) + 1; a window must fit the image it receives, padding same needs an odd kernel, conv2d and
 * pools need an image, a dense layer needs a vector (a flatten before it). Composed into {@link NNetValidator}; codes
 * in {@link IssueCodes}, messages in {@code messages.properties}.
 */
public class ImageShapeValidator extends NNetRuleValidator {

	@Inject
	private ShapeInference shapes;

	@Check
	public void checkImageInputSize(Input i) {
		if (i.getImage() != null && ShapeInference.inputShape((dev.nnet.lang.nnet.Architecture) i.eContainer()) == null) {
			error(Messages.get("invalidImageInput", i.getImage(), String.valueOf(Integer.MAX_VALUE)), Literals.INPUT__IMAGE,
					IssueCodes.INVALID_SIZE);
		}
	}

	@Check
	public void checkConvSettings(Conv2d c) {
		String name = c.getName() == null ? "conv2d" : c.getName();
		positive(c.getFilters(), Messages.get("sizeFilters", name), Literals.CONV2D__FILTERS);
		positive(c.getKernel(), Messages.get("sizeKernel", name), Literals.CONV2D__KERNEL);
		positive(c.getStride(), Messages.get("sizeStride", name), Literals.CONV2D__STRIDE);
		if (c.getPadding() == PaddingKind.SAME && c.getKernel() != null && c.getKernel() > 0 && c.getKernel() % 2 == 0) {
			error(Messages.get("sameNeedsOddKernel", name, c.getKernel(), c.getKernel() + 1), Literals.CONV2D__PADDING,
					IssueCodes.SAME_NEEDS_ODD_KERNEL, String.valueOf(c.getKernel() + 1));
		}
	}

	@Check
	public void checkPoolSettings(Pool p) {
		String name = p.getName() == null ? p.getKind().getLiteral() : p.getName();
		positive(p.getSize(), Messages.get("sizeWindow", name), Literals.POOL__SIZE);
		positive(p.getStride(), Messages.get("sizeStride", name), Literals.POOL__STRIDE);
	}

	private void positive(Integer value, String what, EStructuralFeature feature) {
		if (value != null && value <= 0) {
			error(Messages.get("invalidSize", what, value), feature, IssueCodes.INVALID_SIZE);
		}
	}

	/** conv2d and pools after a vector shape, and windows larger than the (padded) image they receive. */
	@Check
	public void checkWindowsFit(Network n) {
		if (ModelFacts.isIncomplete(n)) {
			return; // the layers are not what the user wrote: no consequences of the syntax error
		}
		Set<EObject> reported = new HashSet<>();
		for (LayerShape l : shapes.infer(n).allLayers()) {
			int k;
			int pad;
			EStructuralFeature feature;
			if (l.source() instanceof Conv2d c) {
				k = c.getKernel() == null ? 0 : c.getKernel();
				pad = k > 0 ? dev.nnet.lang.layers.Conv2dDescriptor.pad(c) : 0;
				feature = Literals.CONV2D__KERNEL;
			} else if (l.source() instanceof Pool p) {
				k = p.getSize() == null ? 0 : p.getSize();
				pad = 0;
				feature = Literals.POOL__SIZE;
			} else {
				continue;
			}
			if (l.input() == null || k <= 0 || !reported.add(l.source())) {
				continue; // unknown input or an invalid window: reported elsewhere
			}
			if (!l.input().image()) {
				error(Messages.get("imageLayerOnVector", l.name(), l.kind(), l.inputs()), l.source(), null,
						IssueCodes.IMAGE_LAYER_ON_VECTOR);
			} else if (l.input().height() + 2 * pad < k || l.input().width() + 2 * pad < k) {
				// padding same always fits ((K - 1) / 2 on each side of at least one row), so only valid windows fail
				error(Messages.get("windowTooLarge", l.name(), Shapes.spatial(l.input()), k + "x" + k),
						l.source(), feature, IssueCodes.WINDOW_TOO_LARGE);
			}
		}
	}

	/** A dense layer that receives a C x H x W image: the quick fix inserts {@code flatten} before it. */
	@Check
	public void checkDenseAfterImage(Network n) {
		if (ModelFacts.isIncomplete(n)) {
			return;
		}
		Set<EObject> reported = new HashSet<>();
		LayerShape previous = null;
		for (LayerShape l : shapes.infer(n).allLayers()) {
			if (l.source() instanceof Dense d && Shapes.isImage(l.input()) && reported.add(d)) {
				String from = previous == null ? Messages.get("theInput") : "'" + previous.name() + "'";
				error(Messages.get("denseNeedsFlatten", l.name(), Shapes.text(l.input()), from, l.inputs()), d, null,
						IssueCodes.DENSE_NEEDS_FLATTEN);
			}
			previous = l;
		}
	}
}

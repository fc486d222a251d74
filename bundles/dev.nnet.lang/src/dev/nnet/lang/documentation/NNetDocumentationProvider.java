package dev.nnet.lang.documentation;

import java.util.StringJoiner;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.documentation.impl.MultiLineCommentDocumentationProvider;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import dev.nnet.lang.nnet.Activation;
import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.CosineSchedule;
import dev.nnet.lang.nnet.DataSet;
import dev.nnet.lang.layers.LayerDescriptors;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.nnet.ExponentialSchedule;
import dev.nnet.lang.nnet.Init;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.Optimizer;
import dev.nnet.lang.nnet.Perceptron;
import dev.nnet.lang.nnet.Repeat;
import dev.nnet.lang.nnet.StepSchedule;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.ModelFacts;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * Hover documentation: the text of the element's kind (from {@link NNetDocumentation}), for networks and layers
 * with their inferred shape, preceded by the element's own {@code /* ... *}{@code /} comment if it has one.
 */
@Singleton
public class NNetDocumentationProvider implements IEObjectDocumentationProvider {

	@Inject
	private NNetDocumentation documentation;

	@Inject
	private ShapeInference shapes;

	@Inject
	private MultiLineCommentDocumentationProvider comments;

	@Override
	public String getDocumentation(EObject o) {
		try {
			StringJoiner text = new StringJoiner("\n\n");
			String comment = comments.getDocumentation(o);
			if (comment != null && !comment.isBlank()) {
				text.add(comment.trim());
			}
			String own = describe(o);
			if (own != null) {
				text.add(own);
			}
			return text.length() == 0 ? null : text.toString();
		} catch (RuntimeException e) {
			return null;
		}
	}

	private String describe(EObject o) {
		if (o instanceof Activation a && a.getKind() != null && a.getUnknown() == null) {
			return documentation.documentationFor(a.getKind().getLiteral());
		}
		if (o instanceof Init i && i.getKind() != null) {
			return documentation.documentationFor(i.getKind().getLiteral());
		}
		if (o instanceof Optimizer opt && opt.getKind() != null) {
			return documentation.documentationFor(opt.getKind().getLiteral());
		}
		if (o instanceof StepSchedule) {
			return documentation.documentationFor("step");
		}
		if (o instanceof ExponentialSchedule) {
			return documentation.documentationFor("exponential");
		}
		if (o instanceof CosineSchedule) {
			return documentation.documentationFor("cosine");
		}
		if (o instanceof Repeat) {
			return documentation.documentationFor("repeat");
		}
		if (o instanceof LayerItem item && LayerDescriptors.of(item) != null) {
			return layerSummary(item) + "\n\n" + documentation.documentationFor(LayerDescriptors.of(item).keyword());
		}
		if (o instanceof Architecture a) {
			return networkSummary(a) + "\n\n"
					+ documentation.documentationFor(a instanceof Perceptron ? "perceptron" : "network");
		}
		if (o instanceof DataSet) {
			return documentation.documentationFor("data");
		}
		if (o instanceof Training) {
			return documentation.documentationFor("training");
		}
		return null;
	}

	private String layerSummary(LayerItem d) {
		EObject container = d.eContainer();
		while (container != null && !(container instanceof Network)) {
			container = container.eContainer();
		}
		if (container instanceof Network n) {
			StringJoiner lines = new StringJoiner("\n");
			for (LayerShape l : shapes.infer(n).allLayers()) {
				if (l.source() == d) {
					lines.add(l.name() + ": " + l.describe() + ", "
							+ l.params() + " parameters");
				}
			}
			return lines.toString();
		}
		return "";
	}

	private String networkSummary(Architecture a) {
		NetworkShape shape = shapes.infer(a);
		StringJoiner lines = new StringJoiner("\n");
		lines.add(a.getName() + ": " + shape.inputText() + " inputs, " + shape.allLayers().size() + " layer(s), "
				+ shape.totalParams() + " parameters, loss " + ModelFacts.effectiveLoss(a, shape).getLiteral());
		for (LayerShape l : shape.allLayers()) {
			lines.add("  " + l.name() + ": " + l.describe() + " ("
					+ l.params() + ")");
		}
		return lines.toString();
	}

}

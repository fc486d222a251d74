package dev.nnet.lang.generator;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.AbstractGenerator;
import org.eclipse.xtext.generator.IFileSystemAccess2;
import org.eclipse.xtext.generator.IGeneratorContext;

import com.google.inject.Inject;

import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.ModelFacts;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * Writes the Java classes of {@link JavaGenerator} and {@code <file>.shapes.txt}: for every network and perceptron of
 * a file its layers with inputs, outputs, activation and parameter counts, as inferred by {@link ShapeInference}.
 */
public class NNetGenerator extends AbstractGenerator {

	@Inject
	private ShapeInference shapes;

	@Inject
	private JavaGenerator java;

	@Override
	public void doGenerate(Resource resource, IFileSystemAccess2 fsa, IGeneratorContext context) {
		StringBuilder out = new StringBuilder();
		resource.getAllContents().forEachRemaining(o -> {
			if (o instanceof Architecture a) {
				out.append(summary(a));
			}
		});
		if (out.length() > 0) {
			String name = resource.getURI().trimFileExtension().lastSegment();
			fsa.generateFile(name + ".shapes.txt", out.toString());
		}
		try {
			java.generate(resource).forEach(fsa::generateFile);
		} catch (dev.nnet.lang.run.RunException e) {
			throw new IllegalStateException(e.getMessage(), e);
		}
	}

	/** @return a plain-text table of the model's layers */
	public String summary(Architecture a) {
		NetworkShape shape = shapes.infer(a);
		StringBuilder s = new StringBuilder();
		s.append(a.getName()).append(" (").append(shape.inputText())
				.append(" inputs, loss ").append(ModelFacts.effectiveLoss(a, shape).getLiteral()).append(")\n");
		for (LayerShape l : shape.allLayers()) {
			s.append(String.format("  %-16s %-10s %8s -> %-8s %-12s %d%n", l.name(), l.kind(),
					dev.nnet.lang.shapes.Shapes.text(l.input()), dev.nnet.lang.shapes.Shapes.text(l.output()),
					l.activation(), l.params()));
		}
		s.append("  total parameters: ").append(shape.totalParams()).append("\n\n");
		return s.toString();
	}
}

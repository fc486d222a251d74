package dev.nnet.lang.generator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

import com.google.inject.Inject;

import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.RunException;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * Generates Java from a {@code .nnet} resource: for every network a class with {@code create(long seed)} and a
 * constructor from a saved model file, for every perceptron a factory class, and for every training a class with
 * {@code main(String[])}. The code uses only the engine's public API (no reflection) and compiles with
 * {@code --release 17}. Package and class names: {@link JavaNames}.
 */
public class JavaGenerator {

	@Inject
	private ShapeInference shapes;

	/** A generator with its own shape inference (for use without Guice). */
	public JavaGenerator() {
		this.shapes = new ShapeInference();
	}

	/**
	 * @param resource a parsed, valid {@code .nnet} resource
	 * @return generated files: path relative to the output folder (e.g. {@code examples/xor/XorNet.java}) to content
	 * @throws RunException when a training cannot be translated (e.g. its data cannot be read)
	 */
	public Map<String, String> generate(Resource resource) throws RunException {
		Map<String, String> files = new LinkedHashMap<>();
		String label = resource.getURI().lastSegment();
		for (EObject o : resource.getContents().isEmpty() ? java.util.List.<EObject>of()
				: resource.getContents().get(0).eContents()) {
			if (o instanceof Architecture a) {
				files.put(JavaNames.fileName(a), JavaModelWriter.write(a, shapes.infer(a), label));
			} else if (o instanceof Training t) {
				files.put(JavaNames.fileName(t), JavaTrainingWriter.write(t, shapes.infer(t.getNetwork()), label));
			}
		}
		return files;
	}
}

package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.IGenerator2;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.nnet.lang.nnet.Model;

@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class NNetGeneratorTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Inject
	private IGenerator2 generator;

	@Test
	public void writesTheInferredShapesOfTheDigitsExample() throws Exception {
		Model m = parseHelper.parse(Examples.read("digits.nnet"),
				URI.createFileURI(Examples.path("digits.nnet").toString()), resourceSets.get());
		InMemoryFileSystemAccess fsa = new InMemoryFileSystemAccess();
		generator.doGenerate(m.eResource(), fsa, new GeneratorContext());
		String text = fsa.getTextFiles().get(IFileSystemAccess.DEFAULT_OUTPUT + "digits.shapes.txt").toString();
		assertTrue(text.startsWith("DigitsNet (64 inputs, loss cross_entropy)"), text);
		assertTrue(text.contains("total parameters: 17226"), text);
		assertTrue(text.matches("(?s).*hidden1\\s+dense\\s+64 -> 128\\s+relu\\s+8320.*"), text);
	}
}

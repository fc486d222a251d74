package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** A half-typed image shape after 'input' is one located, worded syntax error, not the lexer's own message. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class PartialImageSizeTest {

	@Inject
	private Provider<ResourceSet> resourceSets;

	private List<Resource.Diagnostic> errors(String text) throws Exception {
		Resource r = resourceSets.get().createResource(URI.createURI("dummy:/t.nnet"));
		r.load(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		return r.getErrors();
	}

	private static String network(String input) {
		return "network N {\n  input " + input + "\n  dense out 1 sigmoid\n}\n";
	}

	private void assertFirstError(String input, String expected) throws Exception {
		List<Resource.Diagnostic> errors = errors(network(input));
		assertTrue(!errors.isEmpty(), input);
		Resource.Diagnostic first = errors.get(0);
		assertEquals(expected, first.getMessage(), input);
		assertEquals(2, first.getLine(), input);
		assertEquals(9, first.getColumn(), input); // where the shape starts
	}

	@Test
	public void sizesCutShortNameTheShapeAndWhatIsMissing() throws Exception {
		assertFirstError("1x8",
				"Image input needs channels x height x width, e.g. 'input 1x8x8'; '1x8' is incomplete.");
		assertFirstError("1x", "Image input needs channels x height x width, e.g. 'input 1x8x8'; '1x' is incomplete.");
		assertFirstError("1x8x",
				"Image input needs channels x height x width, e.g. 'input 1x8x8'; '1x8x' is incomplete.");
	}

	@Test
	public void aSizeCutShortAtTheEndOfTheFileToo() throws Exception {
		List<Resource.Diagnostic> errors = errors("network N { input 1x8");
		assertEquals("Image input needs channels x height x width, e.g. 'input 1x8x8'; '1x8' is incomplete.",
				errors.get(0).getMessage());
		assertEquals(19, errors.get(0).getColumn());
	}

	@Test
	public void aFourthSizeIsNamed() throws Exception {
		for (String extra : new String[] {"1x8x8x", "1x8x8x8"}) {
			List<Resource.Diagnostic> errors = errors(network(extra));
			assertEquals("Image input has exactly three sizes, channels x height x width, e.g. 'input 1x8x8'; '"
					+ extra + "' has more.", errors.get(0).getMessage());
			assertEquals(2, errors.get(0).getLine());
		}
	}

	@Test
	public void completeShapesAndOtherErrorsAreUnchanged() throws Exception {
		assertEquals(List.of(), errors("network N {\n  input 1x8x8\n  flatten\n  dense out 1 sigmoid\n}\n"));
		// '3x' as a kernel size is not an image input: the hint would mislead there
		List<Resource.Diagnostic> kernel = errors(
				"network N {\n  input 1x8x8\n  conv2d c 8 kernel 3x relu\n  flatten\n  dense out 1 sigmoid\n}\n");
		assertTrue(!kernel.isEmpty() && kernel.stream().noneMatch(e -> e.getMessage().contains("Image input")),
				kernel.toString());
	}
}

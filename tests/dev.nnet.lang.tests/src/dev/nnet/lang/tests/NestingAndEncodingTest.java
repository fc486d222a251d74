package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.parser.NestingDepth;
import dev.nnet.lang.shapes.ShapeInference;

/** The parser's own limits: nesting is bounded (a located error, no stack overflow), BOM and bad UTF-8. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class NestingAndEncodingTest {

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Inject
	private ShapeInference shapes;

	private Resource load(byte[] bytes) throws Exception {
		Resource r = resourceSets.get().createResource(URI.createURI("dummy:/t.nnet"));
		r.load(new java.io.ByteArrayInputStream(bytes), null);
		return r;
	}

	private Resource load(String text) throws Exception {
		return load(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	public void nestingThousandsDeepIsOneLocatedErrorNotAStackOverflow() throws Exception {
		int depth = 5000;
		String text = "network N {\n input 1\n" + "repeat 2 { ".repeat(depth) + "dense 1 relu" + " }".repeat(depth)
				+ "\n dense out 1\n}\n";
		Resource r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> load(text));
		List<Resource.Diagnostic> errors = r.getErrors();
		assertEquals(1, errors.size(), errors.toString());
		assertEquals(3, errors.get(0).getLine());
		assertTrue(errors.get(0).getMessage().contains("nested more than " + NestingDepth.MAX_DEPTH + " deep"),
				errors.get(0).getMessage());
		Model m = (Model) r.getContents().get(0);
		assertEquals("N", m.getElements().get(0).getName());
	}

	@Test
	public void unbalancedDeepBracketsEndWithoutOverflow() throws Exception {
		Resource braces = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> load("network N { input 1 " + "repeat 1 { ".repeat(100_000)));
		assertTrue(braces.getErrors().stream().anyMatch(e -> e.getMessage().contains("nested more than")),
				braces.getErrors().toString());
		Resource parens = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> load("network N { " + "(".repeat(100_000)));
		assertTrue(!parens.getErrors().isEmpty() && parens.getErrors().stream().allMatch(e -> e.getLine() == 1),
				parens.getErrors().toString());
	}

	@Test
	public void nestingUpToTheLimitParses() throws Exception {
		int depth = NestingDepth.MAX_DEPTH - 1;
		Resource r = load("network N { input 1 " + "repeat 2 { ".repeat(depth) + "dense 1 relu" + " }".repeat(depth)
				+ " }");
		assertTrue(r.getErrors().isEmpty(), r.getErrors().toString());
	}

	@Test
	public void byteOrderMarkIsAccepted() throws Exception {
		byte[] text = "network N { input 1 dense 1 }".getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[text.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, bom, 3, text.length);
		Resource r = load(bom);
		assertTrue(r.getErrors().isEmpty(), r.getErrors().toString());
	}

	@Test
	public void invalidUtf8IsLocated() throws Exception {
		byte[] text = "network N {\n input 1 dense \u00e9 1 }".getBytes(StandardCharsets.ISO_8859_1);
		Resource r = load(text);
		assertTrue(r.getErrors().stream().anyMatch(e -> e.getLine() == 2 && e.getMessage().contains("UTF-8")),
				r.getErrors().toString());
	}

	@Test
	public void nestedRepeatsWithoutLayersDoNotHangShapeInference() throws Exception {
		int depth = NestingDepth.MAX_DEPTH - 2;
		Resource r = load("network N { input 1 " + "repeat 1000 { ".repeat(depth) + " }".repeat(depth) + " dense 1 }");
		assertTrue(r.getErrors().isEmpty(), r.getErrors().toString());
		Architecture n = (Architecture) ((Model) r.getContents().get(0)).getElements().get(0);
		assertEquals(1, assertTimeoutPreemptively(Duration.ofSeconds(10), () -> shapes.infer(n)).layers().size());
	}
}

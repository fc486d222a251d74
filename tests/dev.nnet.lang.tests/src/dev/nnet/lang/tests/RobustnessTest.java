package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.lang.validation.NNetValidator;

/**
 * 10,000 seeded random mutations of the examples (deleted, duplicated, swapped tokens, random numbers,
 * truncation; structural ones: nesting up to far past the limit, huge and tiny numbers, odd characters and byte
 * order marks, very long tokens) go through parsing, validation (strict: no exception is swallowed), shape inference and hover
 * documentation; nothing may throw, and every error has a line number.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class RobustnessTest {

	/**
	 * Random mutants (each 1-3 steps). 10,000 of them took 190-240 s of CI; 3,000 with structural steps three times
	 * as often (one step in three) apply more structural steps than before, and the edge cases below, once per
	 * example file, cover the limits that random steps rarely hit.
	 */
	private static final int MUTANTS = 3_000;
	private static final Pattern TOKEN = Pattern
			.compile("\"[^\"\\n]*\"|//[^\\n]*|\\d+\\.\\d+|\\d+|[A-Za-z_][A-Za-z_0-9]*|->|<=|>=|\\.\\*|\\s+|.");
	private static final String[] NUMBERS = { "0", "-1", "1", "2", "3", "100", "0.5", "-0.0", "2147483647",
			"99999999999", "1.0e308", "1.0e400", "7" };
	private static final String[] HUGE_AND_TINY = { "1e-400", "4.9e-324", "1e308", "179769313486231570000000000",
			"99999999999999999999999999999999", "2000000000", "65536", "0.0000000000000000000001", "-2147483648" };
	private static final String[] ENCODINGS = { "\uFEFF", "\uFFFD", "\u0000", "\u0001", "\u00e9", "\r", "\t" };
	private static final String[] WORDS = { "dense", "repeat", "{", "}", "(", ")", "network", "data", "training",
			"perceptron", "input", "loss", "softmax", "sign", "batch", "full", "%", ",", "->", "samples", "label",
			"from", "\"x.csv\"", "init", "zeros", "stop", "when", "or", "early", "patience" };

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Inject
	private ShapeInference shapes;

	@Inject
	private IResourceValidator resourceValidator;

	@Inject
	private IEObjectDocumentationProvider documentation;

	@BeforeEach
	public void strict() {
		System.setProperty(NNetValidator.STRICT, "true");
	}

	@AfterEach
	public void lenient() {
		System.clearProperty(NNetValidator.STRICT);
	}

	private static List<String> tokens(String text) {
		List<String> out = new ArrayList<>();
		Matcher m = TOKEN.matcher(text);
		while (m.find()) {
			out.add(m.group());
		}
		return out;
	}

	private static String mutate(List<String> original, Random random) {
		List<String> t = new ArrayList<>(original);
		int steps = 1 + random.nextInt(3);
		for (int s = 0; s < steps && !t.isEmpty(); s++) {
			int i = random.nextInt(t.size());
			switch (random.nextInt(3) == 0 ? 6 + random.nextInt(4) : random.nextInt(6)) {
			case 0 -> t.remove(i);
			case 1 -> t.add(i, t.get(i));
			case 2 -> {
				int j = random.nextInt(t.size());
				String x = t.get(i);
				t.set(i, t.get(j));
				t.set(j, x);
			}
			case 3 -> {
				for (int k = 0; k < t.size(); k++) {
					int n = (i + k) % t.size();
					if (t.get(n).matches("\\d.*")) {
						t.set(n, NUMBERS[random.nextInt(NUMBERS.length)]);
						break;
					}
				}
			}
			case 4 -> t.add(i, " " + WORDS[random.nextInt(WORDS.length)] + " ");
			case 6 -> { // structural: nesting from a few levels to far past the limit (repeat 2: up to 64 layers)
				boolean doubling = random.nextInt(8) == 0;
				int depth = 1 + random.nextInt(doubling ? 6 : random.nextBoolean() ? 8 : 400);
				String repeat = doubling ? " repeat 2 { " : " repeat 1 { ";
				t.add(i, repeat.repeat(depth) + " dense 1 relu " + " } ".repeat(random.nextInt(depth + 1)));
			}
			case 7 -> t.add(i, " " + HUGE_AND_TINY[random.nextInt(HUGE_AND_TINY.length)] + " ");
			case 8 -> t.add(i, "x".repeat(1 + random.nextInt(20_000))); // very long token
			case 9 -> t.add(random.nextBoolean() ? 0 : i, ENCODINGS[random.nextInt(ENCODINGS.length)]);
			default -> t.subList(i, t.size()).clear();
			}
		}
		return String.join("", t);
	}

	/** @return the limits' edges, each inserted before the first network of the file (or at its start) */
	private static List<String> edgeCases(String source) {
		int at = Math.max(0, source.indexOf("dense"));
		List<String> inserts = new ArrayList<>();
		int limit = dev.nnet.lang.parser.NestingDepth.MAX_DEPTH;
		for (int depth : new int[] {limit - 2, limit - 1, limit, limit + 1, 5 * limit}) {
			inserts.add(" repeat 1 { ".repeat(depth) + " dense 1 relu " + " } ".repeat(depth) + " ");
		}
		inserts.add(" repeat 2 { ".repeat(14) + " dense 1 relu " + " } ".repeat(14) + " "); // 16,384 layers
		inserts.add(" repeat 20000 { dense 1 relu } ");
		inserts.add(" dense 2000000000 relu ");
		inserts.add(" dense " + "n".repeat(100_000) + " 2 relu ");
		inserts.add("x".repeat(20_000));
		for (String number : HUGE_AND_TINY) {
			inserts.add(" dense " + number + " relu ");
		}
		List<String> out = new ArrayList<>();
		for (String insert : inserts) {
			out.add(source.substring(0, at) + insert + source.substring(at));
		}
		for (String encoding : ENCODINGS) {
			out.add(encoding + source);
			out.add(source.substring(0, at) + encoding + source.substring(at));
		}
		return out;
	}

	@Test
	public void theLimitsEdgesNeverThrow() throws Exception {
		int n = 0;
		for (String file : Examples.FILES) {
			for (String text : edgeCases(Examples.read(file))) {
				checkMutant(n++, text, URI.createFileURI(Examples.path(file).toString()));
			}
		}
		assertTrue(n > 20 * Examples.FILES.length, n + " edge cases");
	}

	/** @return true when the mutant has errors; fails the test on an escaped exception or an error without line */
	private boolean checkMutant(int n, String text, URI uri) {
		try {
			Resource resource = resourceSets.get().createResource(uri);
			resource.load(new StringInputStream(text), null);
			Model model = resource.getContents().isEmpty() ? null : (Model) resource.getContents().get(0);
			List<Issue> issues = resourceValidator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
			for (Issue issue : issues) {
				if (issue.getSeverity() == Severity.ERROR) {
					assertTrue(issue.getLineNumber() != null && issue.getLineNumber() > 0,
							"error without line: " + issue + "\n" + text);
				}
			}
			if (model != null) {
				for (Architecture a : EcoreUtil2.getAllContentsOfType(model, Architecture.class)) {
					NetworkShape shape = shapes.infer(a);
					for (LayerShape l : shape.layers()) {
						assertTrue(l.params() >= 0 && l.inputs() >= 0 && l.outputs() >= 0, l.toString());
					}
				}
				for (EObject o : EcoreUtil2.eAllContents(model)) {
					documentation.getDocumentation(o);
				}
			}
			return issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR);
		} catch (Throwable e) {
			e.printStackTrace();
			fail("mutant " + n + " threw " + e + "\n---\n" + (text.length() > 2000 ? text.substring(0, 2000) : text), e);
			return true;
		}
	}

	@Test
	public void randomMutationsNeverThrow() throws Exception {
		List<List<String>> sources = new ArrayList<>();
		List<URI> uris = new ArrayList<>();
		for (String file : Examples.FILES) {
			sources.add(tokens(Examples.read(file)));
			uris.add(URI.createFileURI(Examples.path(file).toString()));
		}
		Random random = new Random(20240607L);
		long start = System.nanoTime();
		int withErrors = 0;
		for (int n = 0; n < MUTANTS; n++) {
			int which = random.nextInt(sources.size());
			if (checkMutant(n, mutate(sources.get(which), random), uris.get(which))) {
				withErrors++;
			}
		}
		long seconds = (System.nanoTime() - start) / 1_000_000_000L;
		System.out.println("RobustnessTest: " + MUTANTS + " mutants, " + withErrors + " with errors, " + seconds + " s");
		assertTrue(withErrors > MUTANTS / 10, "the mutations should break many files: " + withErrors);
	}
}

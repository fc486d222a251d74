package dev.nnet.lang.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

import dev.nnet.lang.ide.NNetIdeSetup;
import dev.nnet.lang.ide.quickfix.Fix;
import dev.nnet.lang.ide.quickfix.NNetQuickFixes;
import dev.nnet.lang.ide.quickfix.TextEdit;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.shapes.ShapeInference;

/** One bad token keeps the rest of its network, and reports one error, not its consequences. */
public class RecoveryTest {

	private static final Injector INJECTOR = new NNetIdeSetup().createInjectorAndDoEMFRegistration();
	private static final String XOR = "data xor { samples { (0, 0) -> 0 (0, 1) -> 1 (1, 0) -> 1 (1, 1) -> 0 } }\n";
	private static int counter;

	private static XtextResource parse(String text) throws Exception {
		XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
		XtextResource r = (XtextResource) set.createResource(URI.createURI("inmemory:/r" + counter++ + ".nnet"));
		r.load(new StringInputStream(text), null);
		return r;
	}

	private static List<Issue> validate(XtextResource r) {
		return INJECTOR.getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
	}

	private static String xorNet(String hidden) {
		return XOR + "network XorNet {\n  input 2\n  dense hidden 4 " + hidden + "\n  dense out 1 sigmoid\n  loss mse\n}\n"
				+ "training t { network XorNet data xor }\n";
	}

	@Test
	public void aMisspelledActivationKeepsTheRestOfTheNetworkAndSuggestsTheKeyword() throws Exception {
		XtextResource r = parse(xorNet("tanhh"));
		assertTrue(r.getErrors().isEmpty(), r.getErrors().toString());
		Network n = (Network) ((Model) r.getContents().get(0)).getElements().get(1);
		assertEquals(2, INJECTOR.getInstance(ShapeInference.class).infer(n).layers().size());
		List<Issue> errors = validate(r).stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
		assertEquals(1, errors.size(), errors.toString());
		Issue issue = errors.get(0);
		assertEquals("dev.nnet.lang.unknownActivation", issue.getCode());
		assertTrue(issue.getMessage().startsWith(
				"Layer 'hidden' of network 'XorNet' has the unknown activation 'tanhh'; did you mean tanh?"),
				issue.getMessage());
		assertEquals(4, issue.getLineNumber());
		List<Fix> fixes = INJECTOR.getInstance(NNetQuickFixes.class).fixes(r, issue);
		assertEquals("Use tanh", fixes.get(0).label());
		String fixed = TextEdit.apply(xorNet("tanhh"), fixes.get(0).edits());
		assertEquals(xorNet("tanh"), fixed);
		assertTrue(validate(parse(fixed)).stream().noneMatch(i -> i.getSeverity() == Severity.ERROR));
	}

	@Test
	public void aSyntaxErrorInANetworkAddsNoErrorsAboutItsSizes() throws Exception {
		// the stray ")" ends the network for the parser, which then seems to end with 3 relu outputs
		XtextResource r = parse(xorNet("tanh\n  dense 3 relu )"));
		assertTrue(!r.getErrors().isEmpty(), "a syntax error");
		List<Issue> issues = validate(r);
		assertTrue(issues.stream().noneMatch(i -> i.getCode() != null && (i.getCode().endsWith("SizeMismatch")
				|| i.getCode().endsWith("collapsesToLinear") || i.getCode().endsWith("WithoutSigmoid"))),
				issues.toString());
	}
}

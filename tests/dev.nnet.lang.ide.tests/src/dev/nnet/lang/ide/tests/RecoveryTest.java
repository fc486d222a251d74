package dev.nnet.lang.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

import dev.nnet.lang.ide.quickfix.Fix;
import dev.nnet.lang.ide.quickfix.NNetQuickFixes;
import dev.nnet.lang.ide.quickfix.TextEdit;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.shapes.ShapeInference;

/** One bad token keeps the rest of its network, and reports one error, not its consequences. */
public class RecoveryTest {

	private static String xorNet(String hidden) {
		return Files.XOR + "network XorNet {\n  input 2\n  dense hidden 4 " + hidden + "\n  dense out 1 sigmoid\n  loss mse\n}\n"
				+ "training t { network XorNet data xor }\n";
	}

	@Test
	public void aMisspelledActivationKeepsTheRestOfTheNetworkAndSuggestsTheKeyword() throws Exception {
		XtextResource r = Files.parse(xorNet("tanhh"));
		assertTrue(r.getErrors().isEmpty(), r.getErrors().toString());
		Network n = (Network) ((Model) r.getContents().get(0)).getElements().get(1);
		assertEquals(2, Files.INJECTOR.getInstance(ShapeInference.class).infer(n).layers().size());
		List<Issue> errors = Files.validate(r).stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
		assertEquals(1, errors.size(), errors.toString());
		Issue issue = errors.get(0);
		assertEquals("dev.nnet.lang.unknownActivation", issue.getCode());
		assertTrue(issue.getMessage().startsWith(
				"Layer 'hidden' of network 'XorNet' has the unknown activation 'tanhh'; did you mean tanh?"),
				issue.getMessage());
		assertEquals(4, issue.getLineNumber());
		List<Fix> fixes = Files.INJECTOR.getInstance(NNetQuickFixes.class).fixes(r, issue);
		assertEquals("Use tanh", fixes.get(0).label());
		String fixed = TextEdit.apply(xorNet("tanhh"), fixes.get(0).edits());
		assertEquals(xorNet("tanh"), fixed);
		assertTrue(Files.validate(Files.parse(fixed)).stream().noneMatch(i -> i.getSeverity() == Severity.ERROR));
	}

	@Test
	public void aSyntaxErrorInANetworkAddsNoErrorsAboutItsSizes() throws Exception {
		// the stray ")" ends the network for the parser, which then seems to end with 3 relu outputs
		XtextResource r = Files.parse(xorNet("tanh\n  dense 3 relu )"));
		assertTrue(!r.getErrors().isEmpty(), "a syntax error");
		List<Issue> issues = Files.validate(r);
		assertTrue(issues.stream().noneMatch(i -> i.getCode() != null && (i.getCode().endsWith("SizeMismatch")
				|| i.getCode().endsWith("collapsesToLinear") || i.getCode().endsWith("WithoutSigmoid"))),
				issues.toString());
	}
}

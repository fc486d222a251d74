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

/** The quick fixes as text edits, without UI: each fix removes its issue and leaves no error. */
public class NNetQuickFixesTest {

	/** Applies the fix labelled {@code label} of the first {@code code} issue; returns the fixed text. */
	static String applyFix(String text, String code, String label) throws Exception {
		XtextResource resource = Files.parse(text);
		Issue issue = Files.validate(resource).stream().filter(i -> ("dev.nnet.lang." + code).equals(i.getCode())).findFirst()
				.orElseThrow(() -> new AssertionError("no " + code + " in " + Files.validate(resource)));
		List<Fix> fixes = Files.INJECTOR.getInstance(NNetQuickFixes.class).fixes(resource, issue);
		Fix fix = fixes.stream().filter(f -> f.label().equals(label)).findFirst()
				.orElseThrow(() -> new AssertionError(label + " not in " + fixes));
		String fixed = TextEdit.apply(text, fix.edits());
		List<Issue> after = Files.validate(Files.parse(fixed));
		assertTrue(after.stream().noneMatch(i -> i.getSeverity() == Severity.ERROR), fixed + "\n" + after);
		assertTrue(after.stream().noneMatch(i -> ("dev.nnet.lang." + code).equals(i.getCode())), fixed + "\n" + after);
		return fixed;
	}

	@Test
	public void inputSize() throws Exception {
		String fixed = applyFix(Files.XOR + "network N { input 5 dense h 4 tanh dense o 1 sigmoid }\ntraining t { network N data xor }",
				"inputSizeMismatch", "Set 'input 2' in N");
		assertTrue(fixed.contains("input 2 dense"), fixed);
	}

	@Test
	public void outputsOfAPerceptronAreInsertedWhenMissing() throws Exception {
		String fixed = applyFix("data c { samples { (0, 0) -> (1, -1, -1) (1, 1) -> (-1, 1, -1) (2, 0) -> (-1, -1, 1) } }\n"
				+ "perceptron P {\n  input 2\n}\ntraining t { network P data c batch 1 }", "outputSizeMismatch",
				"Give perceptron 'P' 3 outputs");
		assertTrue(fixed.contains("perceptron P {\n  input 2\n  outputs 3\n}"), fixed);
	}

	@Test
	public void lossOrActivation() throws Exception {
		String network = "network N { input 2 dense h 4 tanh dense o 3 relu loss cross_entropy }";
		assertTrue(applyFix(network, "crossEntropyWithoutSoftmax", "Change the loss to mse (output 'o' is relu)")
				.contains("loss mse"));
		assertTrue(applyFix(network, "crossEntropyWithoutSoftmax", "Change the activation of 'o' to softmax")
				.contains("dense o 3 softmax loss cross_entropy"));
		assertTrue(applyFix("network N { input 2 dense h 4 tanh dense o 1 loss binary_cross_entropy }",
				"binaryCrossEntropyWithoutSigmoid", "Change the activation of 'o' to sigmoid").contains("dense o 1 sigmoid"));
	}

	@Test
	public void deepSigmoidStackInsideRepeat() throws Exception {
		String fixed = applyFix("network D { input 2 repeat 4 { dense b 8 sigmoid init xavier } dense o 1 sigmoid }",
				"vanishingGradients", "Use relu with he_normal initialisation in 1 hidden layer(s)");
		assertEquals("network D { input 2 repeat 4 { dense b 8 relu init he_normal } dense o 1 sigmoid }", fixed);
	}

	@Test
	public void deepSaturatingStackStartingAtAConvolution() throws Exception {
		String fixed = applyFix("network C { input 1x8x8 conv2d c1 4 kernel 3 sigmoid conv2d c2 4 kernel 3 padding same"
				+ " tanh max_pool 2 conv2d c3 4 kernel 3 stride 1 tanh init xavier flatten dense h 8 sigmoid dense o 10 softmax"
				+ " loss cross_entropy }", "vanishingGradients",
				"Use relu with he_normal initialisation in 4 hidden layer(s)");
		assertEquals("network C { input 1x8x8 conv2d c1 4 kernel 3 relu init he_normal conv2d c2 4 kernel 3 padding same"
				+ " relu init he_normal max_pool 2 conv2d c3 4 kernel 3 stride 1 relu init he_normal flatten dense h 8 relu"
				+ " init he_normal dense o 10 softmax loss cross_entropy }", fixed);
	}

	@Test
	public void perceptronFullBatch() throws Exception {
		String text = Files.XOR.replace("xor", "d") + "perceptron P { input 2 }\ntraining t { network P data d batch full }";
		assertTrue(applyFix(text, "perceptronFullBatch", "Update after every sample: batch 1").contains("batch 1 }"));
		assertTrue(applyFix(text, "perceptronFullBatch", "Use mini-batches: batch 2").contains("batch 2 }"));
	}

	@Test
	public void symmetricInitAndSignAndCollapsingNetworks() throws Exception {
		assertTrue(applyFix("network N { input 2 dense h 4 relu init zeros dense o 1 }", "symmetricInitialization",
				"Initialise with he_normal").contains("init he_normal"));
		assertTrue(applyFix("network N { input 2 dense h 4 sign dense o 1 }", "nonDifferentiableActivation", "Use tanh")
				.contains("dense h 4 tanh"));
		assertTrue(applyFix("network N { input 2 dense h 4 dense o 1 }", "collapsesToLinear",
				"Give the hidden layers the activation relu").contains("dense h 4 relu dense o 1"));
	}

	@Test
	public void notLinearlySeparableTrainsANetworkWithAHiddenLayer() throws Exception {
		String text = Files.XOR + "perceptron XorPerceptron {\n  input 2\n}\n\ntraining run {\n  network XorPerceptron\n  data xor\n"
				+ "  batch 1\n}\n";
		String fixed = applyFix(text, "notLinearlySeparable",
				"Train a network with a hidden tanh layer instead ('XorPerceptronHidden', 2-4-1)");
		assertEquals(Files.XOR + "perceptron XorPerceptron {\n  input 2\n}\n\n"
				+ "network XorPerceptronHidden {\n  input 2\n  dense hidden 4 tanh init xavier\n  dense out 1 sigmoid\n"
				+ "  loss binary_cross_entropy\n}\n\n"
				+ "training run {\n  network XorPerceptronHidden\n  data xor\n  batch 1\n}\n", fixed);
	}

	@Test
	public void notLinearlySeparableWithThreeClassesGetsASoftmaxOutput() throws Exception {
		// class A on one diagonal, B on the other (Files.XOR), C far away: A against the rest is not separable
		String data = "data c { samples { (0, 0) -> 0 (1, 1) -> 0 (0, 1) -> 1 (1, 0) -> 1 (5, 5) -> 2 } }\n";
		String fixed = applyFix(data + "perceptron P { input 2 outputs 3 }\ntraining t { network P data c batch 1 }",
				"notLinearlySeparable", "Train a network with a hidden tanh layer instead ('PHidden', 2-4-3)");
		assertTrue(fixed.contains("  dense out 3 softmax\n  loss cross_entropy\n}"), fixed);
	}
}

package dev.nnet.lang.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The quick fixes of rule 13 (image shapes), as text edits: each removes its issue and leaves no error. */
public class CnnQuickFixesTest {

	@Test
	public void aDenseLayerAfterAnImageGetsAFlattenOnItsOwnLineWithItsIndentation() throws Exception {
		String text = "network N {\n  input 1x8x8\n  conv2d c 2 kernel 3 relu\n  dense out 1 sigmoid\n}\n";
		assertEquals("network N {\n  input 1x8x8\n  conv2d c 2 kernel 3 relu\n  flatten\n  dense out 1 sigmoid\n}\n",
				NNetQuickFixesTest.applyFix(text, "denseNeedsFlatten", "Insert 'flatten' before 'out'"));
		assertEquals("network N { input 1x8x8 flatten dense 4 relu dense out 1 sigmoid }",
				NNetQuickFixesTest.applyFix("network N { input 1x8x8 dense 4 relu dense out 1 sigmoid }",
						"denseNeedsFlatten", "Insert 'flatten' before the dense layer"));
	}

	@Test
	public void zeroKernelsInAHiddenConvLayerGetHeNormal() throws Exception {
		assertEquals("network N { input 1x4x4 conv2d c 2 kernel 3 relu init he_normal flatten dense out 1 sigmoid }",
				NNetQuickFixesTest.applyFix(
						"network N { input 1x4x4 conv2d c 2 kernel 3 relu init zeros flatten dense out 1 sigmoid }",
						"symmetricInitialization", "Initialise with he_normal"));
	}

	@Test
	public void paddingSameWithAnEvenKernelTakesTheNextOddKernel() throws Exception {
		assertEquals("network N { input 1x8x8 conv2d c 2 kernel 5 padding same relu flatten dense out 1 sigmoid }",
				NNetQuickFixesTest.applyFix(
						"network N { input 1x8x8 conv2d c 2 kernel 4 padding same relu flatten dense out 1 sigmoid }",
						"sameNeedsOddKernel", "Use kernel 5"));
	}
}

package dev.nnet.ui.tests.editor;

import static dev.nnet.ui.tests.UiTesting.describe;
import static dev.nnet.ui.tests.UiTesting.issues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.xtext.diagnostics.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.ui.builder.MarkerWriter;
import dev.nnet.ui.builder.NNetBuilder;
import dev.nnet.ui.builder.NNetMarkerResolutionGenerator;
import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.editor.NNetIssueAnnotation;
import dev.nnet.ui.editor.NNetQuickAssistProcessor;
import dev.nnet.ui.tests.UiTesting;

/** Ctrl+1 on each validation rule with a natural fix; afterwards the file is valid. */
public class QuickFixTest {

	private static final String XOR_DATA = "data xor {\n  samples {\n    (0, 0) -> 0\n    (0, 1) -> 1\n"
			+ "    (1, 0) -> 1\n    (1, 1) -> 0\n  }\n}\n";

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		UiTesting.page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	/** Opens {@code text}, applies the fix labelled {@code label} for {@code code}, returns the fixed text. */
	private String fix(String text, String code, String label) throws Exception {
		project = UiTesting.project("fix-" + code.substring(code.lastIndexOf('.') + 1));
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "f.nnet", text));
		NNetIssueAnnotation issue = issues(editor, null).stream().filter(a -> code.equals(a.getIssue().getCode()))
				.findFirst().orElseThrow(() -> new AssertionError("no " + code + " in " + describe(issues(editor, null))));
		int offset = UiTesting.position(editor, issue).getOffset();
		List<ICompletionProposal> proposals = new NNetQuickAssistProcessor(editor).proposalsAt(offset);
		ICompletionProposal chosen = proposals.stream().filter(p -> p.getDisplayString().equals(label)).findFirst()
				.orElseThrow(() -> new AssertionError(label + " not among "
						+ proposals.stream().map(ICompletionProposal::getDisplayString).toList()));
		chosen.apply(editor.getDocument());
		UiTesting.awaitReconciled(editor);
		assertTrue(issues(editor, Severity.ERROR).isEmpty(), describe(issues(editor, Severity.ERROR)));
		assertTrue(issues(editor, null).stream().noneMatch(a -> code.equals(a.getIssue().getCode())),
				describe(issues(editor, null)));
		return editor.getDocument().get();
	}

	@Test
	public void setsTheInputSizeToTheFeatureCount() throws Exception {
		String fixed = fix(XOR_DATA + "network N {\n  input 3\n  dense h 4 tanh\n  dense out 1 sigmoid\n}\n"
				+ "training t { network N data xor }\n", "dev.nnet.lang.inputSizeMismatch", "Set 'input 2' in N");
		assertTrue(fixed.contains("  input 2\n"), fixed);
	}

	@Test
	public void setsTheOutputUnitsToTheClassCount() throws Exception {
		String fixed = fix("data three {\n  samples {\n    (0, 0) -> 0\n    (1, 0) -> 1\n    (0, 1) -> 2\n  }\n}\n"
				+ "network N {\n  input 2\n  dense h 4 relu\n  dense out 2 softmax\n  loss cross_entropy\n}\n"
				+ "training t { network N data three }\n", "dev.nnet.lang.outputSizeMismatch",
				"Make layer 'out' 3 units wide");
		assertTrue(fixed.contains("dense out 3 softmax"), fixed);
	}

	@Test
	public void switchesTheLossToMatchTheOutputActivation() throws Exception {
		String fixed = fix(XOR_DATA + "network N {\n  input 2\n  dense h 4 tanh\n  dense out 1 sigmoid\n"
				+ "  loss cross_entropy\n}\ntraining t { network N data xor }\n",
				"dev.nnet.lang.crossEntropyWithoutSoftmax",
				"Change the loss to binary_cross_entropy (output 'out' is sigmoid)");
		assertTrue(fixed.contains("loss binary_cross_entropy"), fixed);
	}

	@Test
	public void replacesMseOnSoftmaxByCrossEntropy() throws Exception {
		String fixed = fix("network N {\n  input 2\n  dense h 4 relu\n  dense out 3 softmax\n  loss mse\n}\n",
				"dev.nnet.lang.mseOnSoftmax", "Change the loss to cross_entropy (output 'out' is softmax)");
		assertTrue(fixed.contains("loss cross_entropy"), fixed);
	}

	@Test
	public void replacesADeepSigmoidStackByReluWithHeInit() throws Exception {
		String fixed = fix(XOR_DATA + "network Deep {\n  input 2\n  dense a 8 sigmoid\n  dense b 8 sigmoid init xavier\n"
				+ "  dense c 8 tanh\n  dense d 8 sigmoid\n  dense out 1 sigmoid\n}\ntraining t { network Deep data xor }\n",
				"dev.nnet.lang.vanishingGradients", "Use relu with he_normal initialisation in 4 hidden layer(s)");
		assertTrue(fixed.contains("  dense a 8 relu init he_normal\n  dense b 8 relu init he_normal\n"
				+ "  dense c 8 relu init he_normal\n  dense d 8 relu init he_normal\n  dense out 1 sigmoid\n"), fixed);
	}

	@Test
	public void changesFullBatchToMiniBatchesForThePerceptronRule() throws Exception {
		String fixed = fix("data and {\n  samples {\n    (0, 0) -> 0\n    (0, 1) -> 0\n    (1, 0) -> 0\n    (1, 1) -> 1\n  }\n}\n"
				+ "perceptron P {\n  input 2\n}\ntraining t {\n  network P\n  data and\n  batch full\n}\n",
				"dev.nnet.lang.perceptronFullBatch", "Use mini-batches: batch 2");
		assertTrue(fixed.contains("  batch 2\n"), fixed);
	}

	@Test
	public void problemsViewResolutionFixesTheSavedFile() throws Exception {
		project = UiTesting.project("fix-marker");
		dev.nnet.ui.builder.NNetNature.addTo(project);
		IFile file = UiTesting.file(project, "m.nnet", XOR_DATA
				+ "network N {\n  input 3\n  dense h 4 tanh\n  dense out 1 sigmoid\n}\ntraining t { network N data xor }\n");
		project.build(org.eclipse.core.resources.IncrementalProjectBuilder.FULL_BUILD, new NullProgressMonitor());
		IMarker marker = List.of(NNetBuilder.markers(file)).stream()
				.filter(m -> "dev.nnet.lang.inputSizeMismatch".equals(m.getAttribute(MarkerWriter.CODE, "")))
				.findFirst().orElseThrow();
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
		NNetMarkerResolutionGenerator generator = new NNetMarkerResolutionGenerator();
		assertTrue(generator.hasResolutions(marker));
		IMarkerResolution[] resolutions = generator.getResolutions(marker);
		assertEquals("Set 'input 2' in N", resolutions[0].getLabel());
		resolutions[0].run(marker);
		String saved = new String(file.getContents(true).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(saved.contains("  input 2\n"), saved);
		project.build(org.eclipse.core.resources.IncrementalProjectBuilder.FULL_BUILD, new NullProgressMonitor());
		assertEquals(0, List.of(NNetBuilder.markers(file)).stream()
				.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR).count());
	}
}

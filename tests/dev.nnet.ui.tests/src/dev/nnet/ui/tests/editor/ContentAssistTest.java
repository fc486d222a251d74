package dev.nnet.ui.tests.editor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.ui.editor.NNetContentAssistProcessor;
import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.tests.UiTesting;

/** Ctrl+Space in the editor: the ide proposal provider's activations, keywords and references. */
public class ContentAssistTest {

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		UiTesting.page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	private ICompletionProposal[] proposalsAt(NNetEditor editor, String marker) {
		int offset = editor.getDocument().get().indexOf(marker) + marker.length();
		return new NNetContentAssistProcessor(editor).computeCompletionProposals(editor.viewer(), offset);
	}

	private static List<String> names(ICompletionProposal[] proposals) {
		return Arrays.stream(proposals).map(p -> p.getDisplayString().split(" ")[0]).toList();
	}

	@Test
	public void offersActivationsAfterTheUnitsAndInsertsTheChosenOne() throws Exception {
		project = UiTesting.project("assist-activation");
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "a.nnet",
				"network N {\n  input 2\n  dense h 4 \n  dense out 1 sigmoid\n}\n"));
		ICompletionProposal[] proposals = proposalsAt(editor, "dense h 4 ");
		List<String> names = names(proposals);
		assertTrue(names.containsAll(List.of("relu", "sigmoid", "tanh", "softmax", "leaky_relu")), names.toString());
		assertFalse(names.contains("training"), "no top-level keyword inside a network: " + names);

		ICompletionProposal relu = Arrays.stream(proposals).filter(p -> p.getDisplayString().startsWith("relu"))
				.findFirst().orElseThrow();
		relu.apply(editor.getDocument());
		assertTrue(editor.getDocument().get().contains("dense h 4 relu\n"), editor.getDocument().get());
	}

	@Test
	public void completesAPrefixAndOffersNetworksAndDataForATraining() throws Exception {
		project = UiTesting.project("assist-refs");
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "a.nnet",
				"network Alpha { input 1 dense 1 }\nnetwork Beta { input 1 dense 1 }\n"
						+ "data d { samples { (1) -> 1 } }\ntraining t {\n  network \n  data \n}\n"));
		assertTrue(names(proposalsAt(editor, "  network ")).containsAll(List.of("Alpha", "Beta")));
		assertTrue(names(proposalsAt(editor, "  data ")).contains("d"));

		editor.getDocument().replace(editor.getDocument().get().indexOf("  data ") + 7, 0, "");
		int at = editor.getDocument().get().indexOf("dense 1 }") + "dense 1".length();
		editor.getDocument().replace(at, 0, " ta");
		ICompletionProposal[] proposals = proposalsAt(editor, "dense 1 ta");
		ICompletionProposal tanh = Arrays.stream(proposals).filter(p -> p.getDisplayString().startsWith("tanh"))
				.findFirst().orElseThrow(() -> new AssertionError(names(proposals).toString()));
		tanh.apply(editor.getDocument());
		assertTrue(editor.getDocument().get().startsWith("network Alpha { input 1 dense 1 tanh }"),
				editor.getDocument().get());
	}
}

package dev.nnet.ui.tests.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.ui.editor.NNetActions;
import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.tests.UiTesting;

/** Toggle comment (Ctrl+/) and format (Ctrl+Shift+F), run as workbench commands in the active editor. */
public class EditingTest {

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		UiTesting.page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	private static void execute(String command) throws Exception {
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(command, null);
	}

	@Test
	public void toggleCommentCommentsTheSelectedLinesAndUncommentsThemAgain() throws Exception {
		project = UiTesting.project("edit-comment");
		String text = "network N {\n  input 2\n  dense h 4 relu\n  dense out 1\n}\n";
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "c.nnet", text));
		int from = text.indexOf("  input");
		editor.selectAndReveal(from, text.indexOf("  dense out") - from + 3);
		execute(NNetActions.TOGGLE_COMMENT);
		assertEquals("network N {\n//  input 2\n//  dense h 4 relu\n//  dense out 1\n}\n", editor.getDocument().get());
		execute(NNetActions.TOGGLE_COMMENT);
		assertEquals(text, editor.getDocument().get());
	}

	@Test
	public void formatLaysTheFileOutLikeTheExamples() throws Exception {
		project = UiTesting.project("edit-format");
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "f.nnet",
				"network N{input 2 dense h 4 relu init he_normal   dense out 1 sigmoid loss mse}"
						+ "training t{network N data d epochs 10}data d{samples{(0,1)->1 (1 ,0)->0}}"));
		execute(NNetActions.FORMAT);
		assertEquals("""
				network N {
				  input 2
				  dense h 4 relu init he_normal
				  dense out 1 sigmoid
				  loss mse
				}

				training t {
				  network N
				  data d
				  epochs 10
				}

				data d {
				  samples {
				    (0, 1) -> 1
				    (1, 0) -> 0
				  }
				}
				""", editor.getDocument().get());
		String formatted = editor.getDocument().get();
		execute(NNetActions.FORMAT);
		assertEquals(formatted, editor.getDocument().get(), "formatting is idempotent");
		UiTesting.awaitReconciled(editor);
		assertTrue(UiTesting.issues(editor, null).isEmpty(), UiTesting.describe(UiTesting.issues(editor, null)));
	}

	@Test
	public void theCommandsHaveTheirUsualKeys() throws Exception {
		project = UiTesting.project("edit-keys");
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "k.nnet", "network N { input 1 }\n"));
		IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
		TriggerSequence[] format = bindings.getActiveBindingsFor(NNetActions.FORMAT);
		TriggerSequence[] comment = bindings.getActiveBindingsFor(NNetActions.TOGGLE_COMMENT);
		assertTrue(format.length > 0 && format[0].toString().equals("CTRL+SHIFT+F"), java.util.Arrays.toString(format));
		assertTrue(comment.length > 0 && comment[0].toString().equals("CTRL+/"), java.util.Arrays.toString(comment));
		String[][] platform = { { org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS, "CTRL+SPACE",
				org.eclipse.ui.texteditor.ITextEditorActionConstants.CONTENT_ASSIST },
				{ org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds.QUICK_ASSIST, "CTRL+1",
						org.eclipse.ui.texteditor.ITextEditorActionConstants.QUICK_ASSIST } };
		for (String[] command : platform) {
			TriggerSequence[] keys = bindings.getActiveBindingsFor(command[0]);
			assertTrue(java.util.Arrays.stream(keys).anyMatch(k -> k.toString().equals(command[1])),
					command[0] + ": " + java.util.Arrays.toString(keys));
			assertTrue(editor.action(command[2]) != null && editor.action(command[2]).isEnabled(), command[2]);
		}
	}
}

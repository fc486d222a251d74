package dev.nnet.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import org.eclipse.core.resources.IProject;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.PlatformUI;
import org.eclipse.xtext.diagnostics.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.wizards.NNetTemplate;

/**
 * Opens the XOR example (colors, the not-linearly-separable warning, the outline) and saves a screenshot of the
 * workbench window to {@code target/screenshots/editor.png} (docs/images/editor.png is taken from there).
 */
public class ScreenshotTest {

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		UiTesting.page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	@Test
	public void editorWithColorsWarningAndOutline() throws Exception {
		project = UiTesting.project("examples");
		dev.nnet.ui.builder.NNetNature.addTo(project);
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "xor.nnet", NNetTemplate.XOR_MLP.text()));
		UiTesting.page().showView(IPageLayout.ID_OUTLINE);
		UiTesting.page().showView(IPageLayout.ID_PROBLEM_VIEW);
		UiTesting.page().activate(editor);
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		shell.setBounds(0, 0, 1400, 900);
		project.build(org.eclipse.core.resources.IncrementalProjectBuilder.FULL_BUILD, null);
		String text = editor.getDocument().get();
		editor.selectAndReveal(text.indexOf("XorPerceptron {") + 3, 0);
		editor.viewer().setTopIndex(2);
		UiTesting.awaitReconciled(editor);
		assertFalse(UiTesting.issues(editor, Severity.WARNING).isEmpty(), "the example shows its warning");
		// let the views and the annotation painter catch up: the Problems view lists the builder's marker
		UiTesting.waitFor("the Problems view to list the warning", () -> {
			org.eclipse.swt.widgets.Tree problems = UiTesting.find(shell, org.eclipse.swt.widgets.Tree.class,
					t -> t.getColumnCount() > 0 && "Description".equals(t.getColumn(0).getText()));
			return problems != null && problems.getItemCount() > 0;
		});
		shell.redraw(0, 0, 1400, 900, true);
		UiTesting.drain();
		// F2 on the warning: the hover with the validator's message and the documentation
		editor.selectAndReveal(text.indexOf("data xor", text.indexOf("perceptronRun")) + 6, 0);
		editor.action(org.eclipse.ui.texteditor.ITextEditorActionConstants.SHOW_INFORMATION).run();
		UiTesting.waitFor("the hover to open", () -> shell.getDisplay().getShells().length > 1
				&& java.util.Arrays.stream(shell.getDisplay().getShells()).anyMatch(s -> s != shell && s.isVisible()));
		UiTesting.drain();

		File out = UiTesting.screenshot(shell, "editor.png");
		assertTrue(out.length() > 10_000, "a real picture: " + out.length() + " bytes");
	}
}

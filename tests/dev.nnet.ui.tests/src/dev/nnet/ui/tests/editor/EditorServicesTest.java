package dev.nnet.ui.tests.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.codemining.ICodeMining;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.ui.editor.NNetCodeMinings;
import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.internal.NNetUiPlugin;
import dev.nnet.ui.tests.UiTesting;

/** Shapes inline (code minings), F2 rendered like the hover, keyword hover and auto-indent by braces. */
public class EditorServicesTest {

	private static final String XOR = "network XorNet {\n  input 2\n  dense hidden 4 tanh init xavier\n"
			+ "  dense out 1 sigmoid\n  loss mse\n}\n";

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		NNetUiPlugin.preferences().setToDefault(NNetCodeMinings.PREFERENCE);
		UiTesting.page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	private static List<String> minings(NNetEditor editor) throws Exception {
		List<? extends ICodeMining> minings = new NNetCodeMinings(editor)
				.provideCodeMinings(editor.viewer(), new NullProgressMonitor()).get(20, TimeUnit.SECONDS);
		return minings.stream().map(m -> m.getPosition().getOffset() + m.getLabel()).toList();
	}

	@Test
	public void codeMiningsShowTheShapesAfterEachLayerAndTheTotal() throws Exception {
		project = UiTesting.project("minings");
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "m.nnet", XOR));
		assertEquals(List.of(XOR.indexOf("\n") + "  2 -> 1 · 17 params",
				XOR.indexOf("\n", XOR.indexOf("xavier")) + "  -> 4 · 12 params",
				XOR.indexOf("\n", XOR.indexOf("out 1")) + "  -> 1 · 5 params"), minings(editor));
		screenshot(editor, "shapes-inline.png");
		NNetUiPlugin.preferences().setValue(NNetCodeMinings.PREFERENCE, false);
		assertEquals(List.of(), minings(editor));
	}

	@Test
	public void f2ShowsTheIssueAndTheDocumentationRenderedNotAsMarkup() throws Exception {
		project = UiTesting.project("f2");
		String text = XOR.replace("loss mse", "loss cross_entropy");
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "f.nnet", text));
		Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		Set<Shell> before = Set.of(window.getDisplay().getShells());
		editor.selectAndReveal(text.indexOf("cross_entropy") + 3, 0);
		editor.action(ITextEditorActionConstants.SHOW_INFORMATION).run();
		String[] shown = { null };
		UiTesting.waitFor("the F2 popup", () -> {
			for (Shell s : window.getDisplay().getShells()) {
				StyledText t = s.isVisible() && !before.contains(s) ? UiTesting.find(s, StyledText.class, x -> true) : null;
				if (t != null && !t.getText().isBlank()) {
					shown[0] = t.getText();
					return true;
				}
			}
			return false;
		});
		assertFalse(shown[0].contains("<b>") || shown[0].contains("<br>") || shown[0].contains("&lt;"), shown[0]);
		assertTrue(shown[0].contains("uses cross_entropy on a single sigmoid output 'out'"), shown[0]);
		assertTrue(shown[0].contains("cross_entropy: softmax cross-entropy"), shown[0]);
		assertTrue(shown[0].split("\n").length > 2, "more than one line: " + shown[0]);
	}

	@Test
	public void theHoverDocumentsKeywordsAfterASyntaxError() throws Exception {
		project = UiTesting.project("hover-keywords");
		String text = "network N {\n  input 2\n  dense h 4 relu )\n  dense out 1 sigmoid\n  loss mse\n}\n";
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "h.nnet", text));
		dev.nnet.ui.editor.NNetTextHover hover = new dev.nnet.ui.editor.NNetTextHover(editor, editor.viewer());
		assertTrue(hover.documentationAt(text.indexOf("mse") + 1).startsWith("mse: mean squared error"));
		assertTrue(hover.documentationAt(text.indexOf("sigmoid") + 1).startsWith("sigmoid: f(x) = 1 / (1 + e^-x)"));
		assertTrue(hover.documentationAt(text.indexOf("input") + 1).startsWith("input: the number of features"));
	}

	@Test
	public void autoIndentCountsTheBracesClosedOnTheSameLine() throws Exception {
		project = UiTesting.project("indent");
		String text = "network N {\n  input 2\n  repeat 8 { dense 8 sigmoid }\n}\n";
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "i.nnet", text));
		StyledText widget = editor.viewer().getTextWidget();
		int end = text.indexOf("sigmoid }") + "sigmoid }".length();
		widget.setCaretOffset(end);
		widget.insert("\n");
		assertEquals(text.substring(0, end) + "\n  " + text.substring(end), editor.getDocument().get());
		// after an opening brace one level deeper
		String now = editor.getDocument().get();
		int open = now.indexOf("network N {") + "network N {".length();
		widget.setCaretOffset(open);
		widget.insert("\n");
		assertEquals(now.substring(0, open) + "\n  " + now.substring(open), editor.getDocument().get());
		// "}" typed on the new, indented line moves back to the indentation of "network N {"
		widget.setCaretOffset(open + "\n  ".length());
		widget.insert("}");
		assertEquals(now.substring(0, open) + "\n}" + now.substring(open), editor.getDocument().get());
	}

	/** Saves the workbench window with the editor to target/screenshots/NAME. */
	static void screenshot(NNetEditor editor, String name) {
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		shell.setBounds(0, 0, 1200, 700);
		UiTesting.awaitReconciled(editor);
		long until = System.currentTimeMillis() + 1500; // the minings are computed and painted asynchronously
		UiTesting.waitFor("the minings to be painted", () -> System.currentTimeMillis() > until);
		File out = UiTesting.screenshot(shell, name);
		assertTrue(out.length() > 10_000, "a real picture: " + out.length() + " bytes");
	}
}

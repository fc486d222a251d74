package dev.nnet.ui.tests.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.xtext.diagnostics.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.ui.editor.NNetColors;
import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.internal.NNetUiPlugin;
import dev.nnet.ui.preferences.NNetPreferencePage;
import dev.nnet.ui.preferences.ValidationPreferences;
import dev.nnet.ui.tests.UiTesting;

/** Lexical and semantic colors while typing; the preference page's colors and validator thresholds. */
public class ColoringAndPreferencesTest {

	private static final String TEXT = "// three sigmoid layers\nnetwork Net {\n  input 2\n  dense a 4 sigmoid\n"
			+ "  dense b 4 sigmoid\n  dense c 4 sigmoid\n  dense out 1 identity\n}\n"
			+ "data d {\n  samples {\n    (0, 1) -> 1.5\n  }\n}\ntraining t {\n  network Net\n  data d\n  save \"m.json\"\n}\n";

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		UiTesting.page().closeAllEditors(false);
		NNetUiPlugin.preferences().setToDefault(ValidationPreferences.VANISHING_DEPTH);
		NNetUiPlugin.preferences().setToDefault(NNetColors.KEYWORD);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	private static StyleRange styleAt(NNetEditor editor, String text, int delta) {
		StyledText widget = editor.viewer().getTextWidget();
		return widget.getStyleRangeAtOffset(editor.getDocument().get().indexOf(text) + delta);
	}

	private static RGB color(String key) {
		return PreferenceConverter.getColor(NNetUiPlugin.preferences(), key);
	}

	@Test
	public void colorsKeywordsLiteralsNumbersStringsCommentsNamesAndReferencesWhileTyping() throws Exception {
		project = UiTesting.project("colors");
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "c.nnet", TEXT));
		UiTesting.waitFor("semantic colors", () -> styleAt(editor, "network Net\n", 9) != null
				&& styleAt(editor, "network Net\n", 9).foreground.getRGB().equals(color(NNetColors.REFERENCE)));
		assertEquals(color(NNetColors.KEYWORD), styleAt(editor, "network Net {", 1).foreground.getRGB());
		assertEquals(SWT.BOLD, styleAt(editor, "network Net {", 1).fontStyle);
		assertEquals(color(NNetColors.LITERAL), styleAt(editor, "4 sigmoid", 3).foreground.getRGB());
		assertEquals(color(NNetColors.NUMBER), styleAt(editor, "1.5", 2).foreground.getRGB());
		assertEquals(color(NNetColors.STRING), styleAt(editor, "\"m.json\"", 3).foreground.getRGB());
		assertEquals(color(NNetColors.COMMENT), styleAt(editor, "three sigmoid", 1).foreground.getRGB());
		assertEquals(color(NNetColors.DECLARATION), styleAt(editor, "Net {", 1).foreground.getRGB());
		assertEquals(SWT.ITALIC, styleAt(editor, "network Net\n", 9).fontStyle, "references are italic");

		// typing a block comment opener turns what follows into a comment; closing it restores the colors
		editor.getDocument().replace(editor.getDocument().get().indexOf("  dense b"), 0, "/*");
		UiTesting.drain();
		assertEquals(color(NNetColors.COMMENT), styleAt(editor, "dense c", 1).foreground.getRGB());
		editor.getDocument().replace(editor.getDocument().get().indexOf("/*"), 2, "");
		UiTesting.awaitReconciled(editor);
		assertEquals(color(NNetColors.KEYWORD), styleAt(editor, "dense c", 1).foreground.getRGB());

		RGB pink = new RGB(255, 0, 128);
		PreferenceConverter.setValue(NNetUiPlugin.preferences(), NNetColors.KEYWORD, pink);
		UiTesting.drain();
		assertEquals(pink, styleAt(editor, "dense c", 1).foreground.getRGB(), "a color preference applies at once");
	}

	@Test
	public void theVanishingGradientThresholdIsAPreference() throws Exception {
		project = UiTesting.project("thresholds");
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "t.nnet", TEXT));
		assertTrue(UiTesting.issues(editor, Severity.WARNING).stream()
				.noneMatch(a -> a.getIssue().getCode().endsWith("vanishingGradients")), "3 layers < 4");
		NNetUiPlugin.preferences().setValue(ValidationPreferences.VANISHING_DEPTH, 3);
		editor.getDocument().replace(0, 0, " "); // any edit revalidates
		UiTesting.awaitReconciled(editor);
		assertTrue(UiTesting.issues(editor, Severity.WARNING).stream()
				.anyMatch(a -> a.getIssue().getCode().endsWith("vanishingGradients")),
				UiTesting.describe(UiTesting.issues(editor, null)));
	}

	@Test
	public void preferencePageShowsColorsAndThresholds() {
		Shell shell = new Shell(UiTesting.page().getWorkbenchWindow().getShell());
		try {
			NNetPreferencePage page = new NNetPreferencePage();
			page.init(null);
			page.createControl(shell);
			assertNotNull(page.getControl());
			assertTrue(page.isValid());
			assertTrue(page.performOk());
		} finally {
			shell.dispose();
		}
	}
}

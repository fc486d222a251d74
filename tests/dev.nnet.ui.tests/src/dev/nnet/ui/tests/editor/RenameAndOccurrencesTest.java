package dev.nnet.ui.tests.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.TextFileChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.editor.NNetOccurrences;
import dev.nnet.ui.editor.refactoring.NNetRenameRefactoring;
import dev.nnet.ui.editor.refactoring.ReferenceActions;
import dev.nnet.ui.tests.UiTesting;

/** Rename across files (with its preview), find references and mark occurrences in the NNet editor. */
public class RenameAndOccurrencesTest {

	private static final String LIB = "package lib\n\nnetwork XorNet {\n  input 2\n  dense hidden 4 tanh\n  dense out 1 sigmoid\n}\n\n"
			+ "data xor { samples { (0, 0) -> 0 (0, 1) -> 1 (1, 0) -> 1 (1, 1) -> 0 } }\n";
	private static final String RUNS = "import lib.*\n\ntraining a {\n  network XorNet\n  data xor\n}\n\n"
			+ "training b {\n  network lib.XorNet\n  data lib.xor\n}\n";

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		UiTesting.page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	@Test
	public void renameANetworkAcrossTwoFilesWithAPreview() throws Exception {
		project = UiTesting.project("rename-two-files");
		IFile lib = UiTesting.file(project, "lib.nnet", LIB);
		IFile runs = UiTesting.file(project, "runs.nnet", RUNS);
		NNetEditor editor = UiTesting.open(runs);
		NNetRenameRefactoring rename = new NNetRenameRefactoring(runs, RUNS.indexOf("XorNet") + 2);
		assertTrue(rename.checkInitialConditions(new NullProgressMonitor()).isOK());
		assertEquals("XorNet", rename.getOldName());
		rename.setNewName("xor");
		assertTrue(rename.checkFinalConditions(new NullProgressMonitor()).hasFatalError(), "the name of the data set");
		rename.setNewName("dense");
		assertTrue(rename.checkFinalConditions(new NullProgressMonitor()).hasFatalError(), "a keyword");
		rename.setNewName("XorMlp");
		RefactoringStatus ok = rename.checkFinalConditions(new NullProgressMonitor());
		assertTrue(ok.isOK(), ok.toString());
		CompositeChange change = (CompositeChange) rename.createChange(new NullProgressMonitor());
		// the preview: one change per file, each with the text after the rename
		List<String> files = Arrays.stream(change.getChildren()).map(Change::getName).sorted().toList();
		assertEquals(List.of("lib.nnet", "runs.nnet"), files);
		for (Change c : change.getChildren()) {
			String preview = ((TextFileChange) c).getPreviewContent(new NullProgressMonitor());
			assertTrue(preview.contains("XorMlp") && !preview.contains("XorNet"), preview);
		}
		change.perform(new NullProgressMonitor());
		assertEquals(LIB.replace("XorNet", "XorMlp"), text(lib));
		assertEquals(RUNS.replace("XorNet", "XorMlp"), editor.getDocument().get());
		UiTesting.awaitReconciled(editor);
		assertTrue(UiTesting.issues(editor, org.eclipse.xtext.diagnostics.Severity.ERROR).isEmpty(),
				UiTesting.describe(UiTesting.issues(editor, null)));
	}

	private static String text(IFile file) throws Exception {
		try (java.io.InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	@Test
	public void findReferencesListsTheDeclarationAndBothReferences() throws Exception {
		project = UiTesting.project("references");
		UiTesting.file(project, "lib.nnet", LIB);
		IFile runs = UiTesting.file(project, "runs.nnet", RUNS);
		List<String> found = ReferenceActions.references(runs, RUNS.indexOf("lib.XorNet") + 6).stream()
				.map(Object::toString).toList();
		assertEquals(List.of("lib.nnet:3: network XorNet {  (declaration)", "runs.nnet:4: network XorNet",
				"runs.nnet:9: network lib.XorNet"), found);
	}

	@Test
	public void markOccurrencesHighlightsTheDeclarationAndReferencesOfTheNameAtTheCaret() throws Exception {
		project = UiTesting.project("occurrences");
		String text = LIB + "training t { network XorNet data xor }\ntraining u { network XorNet data xor }\n";
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "o.nnet", text));
		int reference = text.lastIndexOf("XorNet") + 3;
		editor.selectAndReveal(reference, 0);
		UiTesting.waitFor("three occurrences of XorNet", () -> occurrences(editor).size() == 3);
		TreeSet<Integer> expected = new TreeSet<>(List.of(text.indexOf("XorNet"), text.indexOf("XorNet", LIB.length()),
				text.lastIndexOf("XorNet")));
		assertEquals(expected, new TreeSet<>(occurrences(editor)));
		// on a keyword: nothing is marked
		editor.selectAndReveal(text.indexOf("input") + 1, 0);
		UiTesting.waitFor("the marks to go", () -> occurrences(editor).isEmpty());
	}

	private static List<Integer> occurrences(NNetEditor editor) {
		IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
		List<Integer> offsets = new java.util.ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation a = it.next();
			Position p = model.getPosition(a);
			if (NNetOccurrences.TYPE.equals(a.getType()) && p != null) {
				offsets.add(p.getOffset());
			}
		}
		return offsets;
	}
}

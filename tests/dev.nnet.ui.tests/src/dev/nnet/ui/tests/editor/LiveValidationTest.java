package dev.nnet.ui.tests.editor;

import static dev.nnet.ui.tests.UiTesting.awaitReconciled;
import static dev.nnet.ui.tests.UiTesting.describe;
import static dev.nnet.ui.tests.UiTesting.issues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.diagnostics.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.nnet.lang.nnet.Network;
import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.editor.NNetIssueAnnotation;
import dev.nnet.ui.tests.UiTesting;
import dev.nnet.ui.wizards.NNetTemplate;

/** Errors appear as annotations while typing and disappear when fixed; examples open clean. */
public class LiveValidationTest {

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		UiTesting.page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	@ParameterizedTest
	@EnumSource(NNetTemplate.class)
	public void examplesOpenWithoutErrorAnnotations(NNetTemplate template) throws Exception {
		project = UiTesting.project("live-" + template.name().toLowerCase());
		IFile file = UiTesting.file(project, "example.nnet", template.text());
		template.createData(file);
		NNetEditor editor = UiTesting.open(file);
		assertTrue(issues(editor, Severity.ERROR).isEmpty(), describe(issues(editor, Severity.ERROR)));
	}

	@Test
	public void typingAShapeErrorShowsTheValidatorsMessageAndFixingItRemovesIt() throws Exception {
		project = UiTesting.project("live-typing");
		IFile file = UiTesting.file(project, "iris.nnet", NNetTemplate.IRIS.text());
		NNetTemplate.IRIS.createData(file);
		NNetEditor editor = UiTesting.open(file);
		assertTrue(issues(editor, Severity.ERROR).isEmpty(), describe(issues(editor, Severity.ERROR)));

		IDocument document = editor.getDocument();
		int at = document.get().indexOf("input 4") + "input ".length();
		long typed = System.nanoTime();
		document.replace(at, 1, "5");
		UiTesting.waitFor("the error annotation", () -> !issues(editor, Severity.ERROR).isEmpty());
		long millis = (System.nanoTime() - typed) / 1_000_000;
		System.out.println("Keystroke to error annotation: " + millis + " ms (reconcile delay 300 ms)");
		assertTrue(millis < 3000, "annotation after " + millis + " ms");
		awaitReconciled(editor);
		List<NNetIssueAnnotation> errors = issues(editor, Severity.ERROR);
		assertEquals(1, errors.size(), describe(errors));
		assertEquals("Network 'IrisNet' expects 5 inputs but data 'iris' has 4 features. Set 'input 4'.",
				errors.get(0).getText());
		assertEquals("dev.nnet.lang.inputSizeMismatch", errors.get(0).getIssue().getCode());
		int reported = UiTesting.position(editor, errors.get(0)).getOffset();
		assertEquals(document.get().indexOf("IrisNet", document.get().indexOf("training")), reported,
				"the error marks the training's network reference");

		document.replace(at, 1, "4");
		awaitReconciled(editor);
		assertTrue(issues(editor, Severity.ERROR).isEmpty(), describe(issues(editor, Severity.ERROR)));
	}

	@Test
	public void builderMarkersDoNotDoubleTheLiveAnnotationsOfAnOpenEditor() throws Exception {
		project = UiTesting.project("live-markers");
		dev.nnet.ui.builder.NNetNature.addTo(project);
		IFile file = UiTesting.file(project, "x.nnet", NNetTemplate.XOR_MLP.text().replace("input 2\n}", "input 3\n}"));
		NNetEditor editor = UiTesting.open(file);
		project.build(org.eclipse.core.resources.IncrementalProjectBuilder.FULL_BUILD, null);
		org.eclipse.jface.text.source.IAnnotationModel model = editor.getDocumentProvider()
				.getAnnotationModel(editor.getEditorInput());
		UiTesting.waitFor("the marker annotations", () -> {
			int markers = 0;
			for (var it = model.getAnnotationIterator(); it.hasNext();) {
				markers += it.next() instanceof org.eclipse.ui.texteditor.MarkerAnnotation ? 1 : 0;
			}
			return markers > 0;
		});
		List<String> visible = new ArrayList<>();
		for (var it = model.getAnnotationIterator(); it.hasNext();) {
			var a = it.next();
			boolean problem = a instanceof NNetIssueAnnotation || a instanceof org.eclipse.ui.texteditor.MarkerAnnotation;
			if (problem && !a.isMarkedDeleted()) {
				visible.add(a.getClass().getSimpleName() + ": " + a.getText());
			}
		}
		assertEquals(2, visible.size(), "one error and one warning, each once: " + visible);
		assertTrue(visible.stream().allMatch(v -> v.startsWith("NNetIssueAnnotation")), visible.toString());
	}

	@Test
	public void modelListenersAreToldInTheUiThreadAfterEachReparse() throws Exception {
		project = UiTesting.project("live-listener");
		IFile file = UiTesting.file(project, "xor.nnet", NNetTemplate.XOR_MLP.text());
		NNetEditor editor = UiTesting.open(file);
		List<String> seen = new ArrayList<>();
		editor.addModelListener(e -> {
			assertNotNull(Display.getCurrent(), "listener runs in the UI thread");
			seen.add(e.readOnly(r -> r.getContents().get(0).eContents().stream()
					.filter(Network.class::isInstance).map(o -> ((Network) o).getName()).findFirst().orElse(null)));
		});
		IDocument document = editor.getDocument();
		document.replace(document.get().indexOf("XorNet {"), "XorNet".length(), "Renamed");
		awaitReconciled(editor);
		assertEquals("Renamed", seen.get(seen.size() - 1));
		assertEquals("Renamed", ((Network) editor.getModel().getElements().stream().filter(Network.class::isInstance)
				.findFirst().orElseThrow()).getName());
	}
}

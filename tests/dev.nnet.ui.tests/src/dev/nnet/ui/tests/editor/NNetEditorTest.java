package dev.nnet.ui.tests.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.ui.editor.NNetEditor;

/** Runs in a real workbench (under Xvfb when headless). */
public class NNetEditorTest {

	private static final String XOR = "network XorNet {\n  input 2\n  dense hidden 4 tanh\n  dense out 1 sigmoid\n}\n";

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	@Test
	public void nnetFilesHaveTheirOwnContentType() {
		IContentType type = Platform.getContentTypeManager().findContentTypeFor("xor.nnet");
		assertNotNull(type, "content type for *.nnet");
		assertEquals(NNetEditor.CONTENT_TYPE_ID, type.getId());
	}

	@Test
	public void openingANnetFileOpensTheNNetEditorWithItsText() throws Exception {
		assertSame(Display.getCurrent(), PlatformUI.getWorkbench().getDisplay(), "test runs in the UI thread");
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("editor-test");
		project.create(null);
		project.open(null);
		IFile file = project.getFile("xor.nnet");
		file.create(new ByteArrayInputStream(XOR.getBytes(StandardCharsets.UTF_8)), true, null);

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart part = IDE.openEditor(page, file);
		NNetEditor editor = assertInstanceOf(NNetEditor.class, part);
		assertEquals(NNetEditor.ID, editor.getSite().getId());
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		assertEquals(XOR, document.get());
	}
}

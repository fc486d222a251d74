package dev.nnet.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.xtext.diagnostics.Severity;

import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.editor.NNetIssueAnnotation;

/** Helpers for workbench tests: files, editors, and waiting on conditions by running the event loop. */
public final class UiTesting {

	/** Upper bound for any wait; conditions normally hold within a second. */
	public static final long TIMEOUT_MS = 20_000;

	private UiTesting() {
	}

	/** Runs the display loop until {@code condition} holds; fails naming {@code what} after the timeout. */
	public static void waitFor(String what, BooleanSupplier condition) {
		Display display = Display.getCurrent();
		long deadline = System.currentTimeMillis() + TIMEOUT_MS;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("Timed out after " + TIMEOUT_MS + " ms waiting for " + what);
			}
			display.timerExec(50, () -> {
			}); // wakes the loop up to poll again
			if (!display.readAndDispatch()) {
				display.sleep();
			}
		}
	}

	/** Processes pending UI events. */
	public static void drain() {
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// keep going
		}
	}

	/** @return a new open project (deleted first if left over) */
	public static IProject project(String name) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (project.exists()) {
			project.delete(true, true, null);
		}
		project.create(null);
		project.open(null);
		return project;
	}

	/** Creates or overwrites {@code path} in {@code project} with {@code text}. */
	public static IFile file(IProject project, String path, String text) throws CoreException {
		IFile file = project.getFile(path);
		if (file.getParent() instanceof IFolder folder && !folder.exists()) {
			folder.create(true, true, null);
		}
		ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(in, IResource.FORCE, null);
		} else {
			file.create(in, true, null);
		}
		return file;
	}

	/** @return the active workbench page */
	public static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** Opens {@code file} and waits until its text has been parsed, validated and annotated. */
	public static NNetEditor open(IFile file) throws PartInitException {
		NNetEditor editor = (NNetEditor) IDE.openEditor(page(), file);
		awaitReconciled(editor);
		return editor;
	}

	/** Waits until annotations and model listeners reflect the document's current text. */
	public static void awaitReconciled(NNetEditor editor) {
		waitFor("the editor to reconcile", () -> editor.getDocument().get().equals(editor.getReconciledText()));
		drain();
	}

	/** @return the live issue annotations of {@code severity} (null: all) */
	public static List<NNetIssueAnnotation> issues(NNetEditor editor, Severity severity) {
		List<NNetIssueAnnotation> result = new ArrayList<>();
		IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof NNetIssueAnnotation a
					&& (severity == null || a.getIssue().getSeverity() == severity)) {
				result.add(a);
			}
		}
		return result;
	}

	/** @return the position of an annotation */
	public static Position position(NNetEditor editor, Annotation a) {
		return editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput()).getPosition(a);
	}

	/** @return the messages of the annotations, for failure messages */
	public static String describe(List<NNetIssueAnnotation> annotations) {
		return annotations.stream().map(a -> a.getIssue().getCode() + ": " + a.getText()).toList().toString();
	}

	/** @return the first control below {@code root} of {@code type} that {@code test} accepts, or null */
	public static <T extends org.eclipse.swt.widgets.Control> T find(org.eclipse.swt.widgets.Composite root,
			Class<T> type, java.util.function.Predicate<T> test) {
		for (org.eclipse.swt.widgets.Control c : root.getChildren()) {
			if (type.isInstance(c) && test.test(type.cast(c))) {
				return type.cast(c);
			}
			if (c instanceof org.eclipse.swt.widgets.Composite nested) {
				T found = find(nested, type, test);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/**
	 * Saves what the screen shows in {@code shell}'s bounds (popups over it included) to
	 * {@code target/screenshots/NAME}, where docs/images takes its pictures from.
	 *
	 * @return the file
	 */
	public static java.io.File screenshot(org.eclipse.swt.widgets.Shell shell, String name) {
		org.eclipse.swt.graphics.Rectangle area = shell.getBounds();
		org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(shell.getDisplay(), area.width,
				area.height);
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(shell.getDisplay());
		try {
			shell.update();
			gc.copyArea(image, area.x, area.y);
		} finally {
			gc.dispose();
		}
		java.io.File out = new java.io.File("target/screenshots/" + name).getAbsoluteFile();
		out.getParentFile().mkdirs();
		org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
		loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
		loader.save(out.getPath(), org.eclipse.swt.SWT.IMAGE_PNG);
		image.dispose();
		System.out.println("Screenshot: " + out);
		return out;
	}
}

package dev.nnet.ui.editor.refactoring;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.ltk.ui.refactoring.RefactoringWizardOpenOperation;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.nnet.lang.ide.references.Occurrence;
import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.internal.NNetUiPlugin;

/** Rename (Alt+Shift+R, with preview) and Find References (Ctrl+Shift+G) in the NNet editor. */
public final class ReferenceActions {

	/** Action id and command id of rename. */
	public static final String RENAME = "dev.nnet.ui.rename";
	/** Action id and command id of find references. */
	public static final String FIND_REFERENCES = "dev.nnet.ui.findReferences";

	private ReferenceActions() {
	}

	/** Registers the actions with the editor (their commands and keys are in plugin.xml). */
	public static void install(NNetEditor editor) {
		Action rename = new Action("Rename...") {
			@Override
			public void run() {
				rename(editor);
			}
		};
		rename.setActionDefinitionId(RENAME);
		editor.setAction(RENAME, rename);
		Action references = new Action("Find References") {
			@Override
			public void run() {
				findReferences(editor);
			}
		};
		references.setActionDefinitionId(FIND_REFERENCES);
		editor.setAction(FIND_REFERENCES, references);
	}

	private static IFile file(NNetEditor editor) {
		return editor.getEditorInput() instanceof IFileEditorInput in ? in.getFile() : null;
	}

	private static int caret(NNetEditor editor) {
		return ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
	}

	/** Opens the rename wizard for the name at the caret. */
	public static void rename(NNetEditor editor) {
		IFile file = file(editor);
		if (file == null) {
			return;
		}
		NNetRenameRefactoring refactoring = new NNetRenameRefactoring(file, caret(editor));
		Shell shell = editor.getSite().getShell();
		try {
			new RefactoringWizardOpenOperation(new RenameWizard(refactoring)).run(shell, "Rename");
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** @return "file:line: text" for every occurrence of what is at the caret, declaration first per file */
	public static List<Located> references(IFile file, int offset) throws CoreException {
		ProjectIndex index = ProjectIndex.of(file.getProject());
		EObject target = index.targetAt(file, offset);
		List<Located> found = new ArrayList<>();
		if (target == null) {
			return found;
		}
		for (Occurrence o : index.occurrences(target)) {
			IFile f = ProjectIndex.file(o.uri());
			if (f != null) {
				found.add(Located.of(f, o, ProjectIndex.text(f)));
			}
		}
		return found;
	}

	/** Lists the declaration and references of the name at the caret; the chosen one opens. */
	public static void findReferences(NNetEditor editor) {
		IFile file = file(editor);
		Shell shell = editor.getSite().getShell();
		try {
			List<Located> found = file == null ? List.of() : references(file, caret(editor));
			if (found.isEmpty()) {
				MessageDialog.openInformation(shell, "Find References",
						"Put the caret on the name of a network, data set, training or layer, or on a reference to one.");
				return;
			}
			ElementListSelectionDialog dialog = new ElementListSelectionDialog(shell, new LabelProvider());
			dialog.setTitle("References");
			dialog.setMessage("Declaration and references (" + found.size() + "):");
			dialog.setElements(found.toArray());
			dialog.setMultipleSelection(false);
			if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof Located l) {
				IEditorPart part = IDE.openEditor(editor.getSite().getPage(), l.file());
				if (part instanceof ITextEditor t) {
					t.selectAndReveal(l.occurrence().offset(), l.occurrence().length());
				}
			}
		} catch (CoreException e) {
			NNetUiPlugin.log("Find references failed", e);
		}
	}

	/**
	 * An occurrence with its file and line, shown as {@code file:line: text}.
	 *
	 * @param file       the file
	 * @param occurrence where in it
	 * @param line       1-based line
	 * @param text       the line's text, trimmed
	 */
	public record Located(IFile file, Occurrence occurrence, int line, String text) {

		static Located of(IFile file, Occurrence o, String content) {
			IDocument d = new Document(content);
			try {
				int line = d.getLineOfOffset(o.offset());
				String text = d.get(d.getLineOffset(line), d.getLineLength(line)).strip();
				return new Located(file, o, line + 1, text);
			} catch (BadLocationException e) {
				return new Located(file, o, 0, "");
			}
		}

		@Override
		public String toString() {
			return file.getProjectRelativePath() + ":" + line + ": " + text
					+ (occurrence.declaration() ? "  (declaration)" : "");
		}
	}
}

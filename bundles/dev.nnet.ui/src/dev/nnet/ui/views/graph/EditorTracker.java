package dev.nnet.ui.views.graph;

import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Follows the active {@code .nnet} text editor of a page: reports the editor, its document edits and caret moves.
 * Everything is called on the UI thread.
 */
final class EditorTracker implements IPartListener2, IDocumentListener, ISelectionChangedListener {

	private final IWorkbenchPage page;
	private final Consumer<ITextEditor> changed;
	private ITextEditor editor;
	private IDocument document;

	/** @param changed told after the tracked editor changed, its text was edited or its caret moved */
	EditorTracker(IWorkbenchPage page, Consumer<ITextEditor> changed) {
		this.page = page;
		this.changed = changed;
	}

	/** Starts following the page (and reports its active editor, if any). */
	void start() {
		page.addPartListener(this);
		IEditorPart active = page.getActiveEditor();
		if (active != null) {
			track(active);
		}
	}

	ITextEditor editor() {
		return editor;
	}

	IFile file() {
		return editor == null ? null : editor.getEditorInput().getAdapter(IFile.class);
	}

	String text() {
		return document == null ? "" : document.get();
	}

	int caret() {
		return editor != null && editor.getSelectionProvider().getSelection() instanceof ITextSelection s
				? s.getOffset() : 0;
	}

	private void track(Object part) {
		if (!(part instanceof ITextEditor e) || part == editor || !e.getEditorInput().getName().endsWith(".nnet")) {
			return;
		}
		untrack();
		editor = e;
		document = e.getDocumentProvider().getDocument(e.getEditorInput());
		if (document != null) {
			document.addDocumentListener(this);
		}
		ISelectionProvider sp = e.getSelectionProvider();
		if (sp instanceof IPostSelectionProvider p) {
			p.addPostSelectionChangedListener(this);
		} else if (sp != null) {
			sp.addSelectionChangedListener(this);
		}
		changed.accept(editor);
	}

	private void untrack() {
		if (document != null) {
			document.removeDocumentListener(this);
		}
		if (editor != null && editor.getSelectionProvider() != null) {
			ISelectionProvider sp = editor.getSelectionProvider();
			if (sp instanceof IPostSelectionProvider p) {
				p.removePostSelectionChangedListener(this);
			}
			sp.removeSelectionChangedListener(this);
		}
		editor = null;
		document = null;
	}

	void dispose() {
		page.removePartListener(this);
		untrack();
	}

	@Override
	public void partActivated(IWorkbenchPartReference ref) {
		track(ref.getPart(false));
	}

	@Override
	public void partBroughtToTop(IWorkbenchPartReference ref) {
		track(ref.getPart(false));
	}

	@Override
	public void partClosed(IWorkbenchPartReference ref) {
		if (ref.getPart(false) == editor) {
			untrack();
			changed.accept(null);
		}
	}

	@Override
	public void documentAboutToBeChanged(DocumentEvent event) {
	}

	@Override
	public void documentChanged(DocumentEvent event) {
		changed.accept(editor);
	}

	@Override
	public void selectionChanged(org.eclipse.jface.viewers.SelectionChangedEvent event) {
		changed.accept(editor);
	}
}

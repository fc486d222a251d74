package dev.nnet.ui.editor;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.eclipse.xtext.validation.Issue;

import dev.nnet.ui.internal.NNetUiPlugin;

/**
 * Runs in the reconciler's background thread after a pause in typing: reparses the document into the editor's
 * {@link NNetDocumentModel}, validates it, replaces the issue annotations and then lets the editor refresh
 * semantic colors, outline and model listeners in the UI thread.
 */
class NNetReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	private final NNetEditor editor;
	private IDocument document;
	private IProgressMonitor monitor;

	NNetReconcilingStrategy(NNetEditor editor) {
		this.editor = editor;
	}

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void initialReconcile() {
		reconcile();
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		reconcile();
	}

	@Override
	public void reconcile(IRegion partition) {
		reconcile();
	}

	private void reconcile() {
		NNetDocumentModel model = editor.getDocumentModel();
		if (document == null || model == null) {
			return;
		}
		try {
			model.update(document.get());
			List<Issue> issues = model.validate(() -> monitor != null && monitor.isCanceled());
			if (monitor != null && monitor.isCanceled()) {
				return;
			}
			updateAnnotations(issues);
			editor.modelReconciled();
		} catch (RuntimeException e) {
			NNetUiPlugin.log("Reconciling " + editor.getTitle() + " failed", e);
		}
	}

	private void updateAnnotations(List<Issue> issues) {
		IAnnotationModel annotations = editor.getAnnotationModel();
		if (annotations == null) {
			return;
		}
		Map<Annotation, Position> added = new HashMap<>();
		int length = document.getLength();
		for (Issue issue : issues) {
			if (issue.getOffset() == null) {
				continue;
			}
			int offset = Math.min(Math.max(0, issue.getOffset()), length);
			int size = issue.getLength() == null ? 0 : Math.min(issue.getLength(), length - offset);
			added.put(new NNetIssueAnnotation(issue), new Position(offset, size));
		}
		List<Annotation> removed = new java.util.ArrayList<>();
		for (Iterator<Annotation> it = annotations.getAnnotationIterator(); it.hasNext();) {
			Annotation a = it.next();
			if (a instanceof NNetIssueAnnotation) {
				removed.add(a);
			}
		}
		hideBuilderMarkers(annotations);
		if (annotations instanceof IAnnotationModelExtension ext) {
			ext.replaceAnnotations(removed.toArray(Annotation[]::new), added);
		} else {
			removed.forEach(annotations::removeAnnotation);
			added.forEach(annotations::addAnnotation);
		}
	}

	/**
	 * The live annotations replace the builder's markers while the editor is open: marker annotations of
	 * {@link NNetEditor#PROBLEM_MARKER} are marked deleted (neither painted nor shown in the ruler).
	 */
	static void hideBuilderMarkers(IAnnotationModel annotations) {
		for (Iterator<Annotation> it = annotations.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof MarkerAnnotation m && !m.isMarkedDeleted() && isBuilderMarker(m)) {
				m.markDeleted(true);
			}
		}
	}

	private static boolean isBuilderMarker(MarkerAnnotation m) {
		try {
			return m.getMarker().exists() && m.getMarker().isSubtypeOf(NNetEditor.PROBLEM_MARKER);
		} catch (org.eclipse.core.runtime.CoreException e) {
			return false;
		}
	}
}

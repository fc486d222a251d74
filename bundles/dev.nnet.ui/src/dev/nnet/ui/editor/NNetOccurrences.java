package dev.nnet.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.SelectionChangedEvent;

import dev.nnet.lang.ide.references.NNetReferences;
import dev.nnet.lang.ide.references.Occurrence;
import dev.nnet.ui.internal.NNetUiPlugin;

/**
 * Mark occurrences: when the caret is on the name of a network, data set, training or layer, or on a reference to
 * one, its declaration and references in the file are highlighted ({@link #TYPE} annotations).
 */
public class NNetOccurrences implements ISelectionChangedListener {

	/** The annotation type, declared with its highlight color in plugin.xml. */
	public static final String TYPE = "dev.nnet.ui.occurrences";

	private final NNetEditor editor;
	private Annotation[] current = new Annotation[0];

	/** @param editor the editor whose occurrences are marked */
	NNetOccurrences(NNetEditor editor) {
		this.editor = editor;
	}

	/** Starts following the caret. */
	void install() {
		if (editor.getSelectionProvider() instanceof IPostSelectionProvider p) {
			p.addPostSelectionChangedListener(this);
		}
	}

	@Override
	public void selectionChanged(SelectionChangedEvent event) {
		if (event.getSelection() instanceof ITextSelection s) {
			mark(s.getOffset());
		}
	}

	/** Marks the occurrences of what is at {@code offset} (none when it names nothing). */
	public void mark(int offset) {
		IAnnotationModel model = editor.getAnnotationModel();
		String text = editor.getDocument() == null ? null : editor.getDocument().get();
		if (!(model instanceof IAnnotationModelExtension extension) || text == null) {
			return;
		}
		List<Occurrence> found = editor.readOnly(resource -> {
			if (!text.equals(editor.getDocumentModel().parsedText())) {
				return List.<Occurrence>of(); // stale parse: marks would land on the wrong text
			}
			NNetReferences references = NNetUiPlugin.injector().getInstance(NNetReferences.class);
			EObject target = references.targetAt(resource, offset);
			return target == null ? List.<Occurrence>of() : references.occurrences(target, List.of(resource));
		});
		Map<Annotation, Position> next = new HashMap<>();
		for (Occurrence o : found == null ? List.<Occurrence>of() : found) {
			next.put(new Annotation(TYPE, false, o.declaration() ? "Declaration" : "Reference"),
					new Position(o.offset(), o.length()));
		}
		extension.replaceAnnotations(current, next);
		current = next.keySet().toArray(Annotation[]::new);
	}

	/** @return the occurrence annotations now shown */
	public Annotation[] current() {
		return current.clone();
	}
}

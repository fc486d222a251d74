package dev.nnet.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.codemining.AbstractCodeMiningProvider;
import org.eclipse.jface.text.codemining.ICodeMining;
import org.eclipse.jface.text.codemining.ICodeMiningProvider;
import org.eclipse.jface.text.codemining.LineContentCodeMining;

import dev.nnet.lang.ide.hints.ShapeHint;
import dev.nnet.lang.ide.hints.ShapeHints;
import dev.nnet.ui.internal.NNetUiPlugin;

/**
 * Code minings: the shapes of {@link ShapeHints} (the LSP inlay hints) drawn inline after each layer and each
 * network's name, recomputed after every reparse; off when the preference {@link #PREFERENCE} is false.
 */
public class NNetCodeMinings extends AbstractCodeMiningProvider {

	/** Preference key: show the shapes inline (default true). */
	public static final String PREFERENCE = "editor.codeMinings.shapes";

	private final NNetEditor editor;

	/** @param editor the editor whose model is shown */
	public NNetCodeMinings(NNetEditor editor) {
		this.editor = editor;
	}

	/** Sets the default of {@link #PREFERENCE}. */
	public static void setDefaults(IPreferenceStore store) {
		store.setDefault(PREFERENCE, true);
	}

	@Override
	public CompletableFuture<List<? extends ICodeMining>> provideCodeMinings(ITextViewer viewer,
			IProgressMonitor monitor) {
		return CompletableFuture.supplyAsync(() -> minings(viewer, monitor));
	}

	private List<? extends ICodeMining> minings(ITextViewer viewer, IProgressMonitor monitor) {
		List<ICodeMining> minings = new ArrayList<>();
		if (!NNetUiPlugin.preferences().getBoolean(PREFERENCE)) {
			return minings;
		}
		String text = viewer.getDocument() == null ? null : viewer.getDocument().get();
		List<ShapeHint> hints = editor.readOnly(resource -> text != null && text.equals(
				editor.getDocumentModel().parsedText())
						? NNetUiPlugin.injector().getInstance(ShapeHints.class).hints(resource, monitor::isCanceled)
						: List.of());
		for (ShapeHint h : hints == null ? List.<ShapeHint>of() : hints) {
			try {
				int at = atLineEnd(text, h.offset());
				int length = at < text.length() ? 1 : 0;
				minings.add(new Shape(new Position(at, length), this, "  " + h.label()));
			} catch (BadLocationException e) {
				// the document changed since the parse; the next reconcile brings fresh minings
			}
		}
		return minings;
	}

	/**
	 * @return the end of the line when only blanks and an opening brace follow {@code offset} (a network's total
	 *         then stands after {@code network N {} rather than between the name and the brace), else the offset
	 */
	static int atLineEnd(String text, int offset) {
		int end = text.indexOf('\n', offset);
		end = end < 0 ? text.length() : end > 0 && text.charAt(end - 1) == '\r' ? end - 1 : end;
		String rest = text.substring(offset, end).strip();
		return rest.isEmpty() || rest.equals("{") ? end : offset;
	}

	/** One inline text, drawn before the character at its position (the end of the line's text). */
	static final class Shape extends LineContentCodeMining {
		Shape(Position position, ICodeMiningProvider provider, String label) throws BadLocationException {
			super(position, provider);
			setLabel(label);
		}
	}
}

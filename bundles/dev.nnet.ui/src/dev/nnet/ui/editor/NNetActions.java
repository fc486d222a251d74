package dev.nnet.ui.editor;

import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;

import com.google.inject.Injector;

import dev.nnet.lang.ide.quickfix.TextEdit;
import dev.nnet.ui.internal.NNetUiPlugin;

/** The editor's own actions: toggle comment (Ctrl+/), format (Ctrl+Shift+F), content assist, quick fix. */
public final class NNetActions {

	/** Action id and command id of toggle comment. */
	public static final String TOGGLE_COMMENT = "dev.nnet.ui.toggleComment";
	/** Action id and command id of format. */
	public static final String FORMAT = "dev.nnet.ui.format";

	private NNetActions() {
	}

	static void install(NNetEditor editor) {
		Action assist = new Action("Content Assist") {
			@Override
			public void run() {
				editor.viewer().getTextOperationTarget().doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
			}
		};
		assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
		editor.setAction(ITextEditorActionConstants.CONTENT_ASSIST, assist);

		Action toggle = new Action("Toggle Comment") {
			@Override
			public void run() {
				toggleComment(editor);
			}
		};
		toggle.setActionDefinitionId(TOGGLE_COMMENT);
		editor.setAction(TOGGLE_COMMENT, toggle);

		Action format = new Action("Format") {
			@Override
			public void run() {
				format(editor);
			}
		};
		format.setActionDefinitionId(FORMAT);
		editor.setAction(FORMAT, format);
	}

	/** Comments the selected lines with {@code //}, or uncomments them when all are commented. */
	public static void toggleComment(NNetEditor editor) {
		IDocument document = editor.getDocument();
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		try {
			int first = selection.getStartLine();
			int last = Math.max(first, selection.getEndLine());
			if (last > first && selection.getOffset() + selection.getLength() == document.getLineOffset(last)) {
				last--; // a selection ending at the start of a line does not include it
			}
			boolean allCommented = true;
			for (int line = first; line <= last; line++) {
				String text = lineText(document, line);
				allCommented &= text.isBlank() || text.stripLeading().startsWith("//");
			}
			org.eclipse.text.edits.MultiTextEdit edit = new org.eclipse.text.edits.MultiTextEdit();
			for (int line = first; line <= last; line++) {
				int offset = document.getLineOffset(line);
				String text = lineText(document, line);
				if (allCommented) {
					int at = text.indexOf("//");
					if (at >= 0) {
						edit.addChild(new org.eclipse.text.edits.DeleteEdit(offset + at, 2));
					}
				} else {
					edit.addChild(new org.eclipse.text.edits.InsertEdit(offset, "//"));
				}
			}
			edit.apply(document);
			int start = document.getLineOffset(first);
			int end = document.getLineOffset(last) + lineText(document, last).stripTrailing().length();
			editor.selectAndReveal(start, end - start); // the whole lines, so toggling again covers the same lines
		} catch (BadLocationException e) {
			NNetUiPlugin.log("Toggle comment failed", e);
		}
	}

	private static String lineText(IDocument document, int line) throws BadLocationException {
		return document.get(document.getLineOffset(line), document.getLineLength(line));
	}

	/** Formats the whole document with the language's formatter (one undoable change). */
	public static void format(NNetEditor editor) {
		IDocument document = editor.getDocument();
		NNetDocumentModel model = editor.getDocumentModel();
		model.update(document.get());
		List<TextEdit> edits = model.readOnly(resource -> {
			if (resource.getParseResult() == null || resource.getParseResult().hasSyntaxErrors()) {
				return List.<TextEdit>of(); // formatting broken text would make it worse
			}
			Injector injector = NNetUiPlugin.injector();
			FormatterRequest request = injector.getInstance(FormatterRequest.class);
			request.setTextRegionAccess(
					injector.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource).create());
			request.setAllowIdentityEdits(false);
			List<ITextReplacement> replacements = injector.getInstance(IFormatter2.class).format(request);
			return replacements.stream()
					.map(r -> new TextEdit(r.getOffset(), r.getLength(), r.getReplacementText())).toList();
		});
		if (!edits.isEmpty()) {
			ISourceViewer viewer = editor.viewer();
			int caret = viewer.getTextWidget().getCaretOffset();
			NNetQuickAssistProcessor.apply(edits, document);
			viewer.getTextWidget().setCaretOffset(Math.min(caret, document.getLength()));
		}
	}
}

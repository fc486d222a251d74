package dev.nnet.ui.editor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.xtext.validation.Issue;

import dev.nnet.lang.ide.quickfix.Fix;
import dev.nnet.lang.ide.quickfix.NNetQuickFixes;
import dev.nnet.lang.ide.quickfix.TextEdit;
import dev.nnet.ui.internal.NNetUiPlugin;

/** Ctrl+1: the fixes of {@link NNetQuickFixes} for the issue annotations on the caret's line. */
public class NNetQuickAssistProcessor implements IQuickAssistProcessor {

	private final NNetEditor editor;

	/** @param editor the editor whose issues are fixed */
	public NNetQuickAssistProcessor(NNetEditor editor) {
		this.editor = editor;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof NNetIssueAnnotation a && quickFixes().handles(a.getIssue().getCode());
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext context) {
		return false;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		return proposalsAt(context.getOffset()).toArray(ICompletionProposal[]::new);
	}

	/** @return the fixes for issues on the line of {@code offset}, as proposals */
	public List<ICompletionProposal> proposalsAt(int offset) {
		List<ICompletionProposal> proposals = new ArrayList<>();
		IDocument document = editor.getDocument();
		IAnnotationModel annotations = editor.getAnnotationModel();
		if (document == null || annotations == null) {
			return proposals;
		}
		int line;
		try {
			line = document.getLineOfOffset(offset);
		} catch (BadLocationException e) {
			return proposals;
		}
		String text = document.get();
		for (Iterator<Annotation> it = annotations.getAnnotationIterator(); it.hasNext();) {
			Annotation a = it.next();
			Position p = annotations.getPosition(a);
			if (a instanceof NNetIssueAnnotation issue && p != null && onLine(document, p, line)) {
				for (Fix fix : fixes(issue.getIssue(), text)) {
					proposals.add(new Proposal(fix, document));
				}
			}
		}
		return proposals;
	}

	private List<Fix> fixes(Issue issue, String text) {
		NNetDocumentModel model = editor.getDocumentModel();
		if (!text.equals(model.parsedText())) {
			return List.of(); // annotations are stale; the next reconcile brings fresh ones
		}
		return model.readOnly(resource -> quickFixes().fixes(resource, issue));
	}

	private static boolean onLine(IDocument document, Position p, int line) {
		try {
			return document.getLineOfOffset(p.getOffset()) <= line
					&& document.getLineOfOffset(p.getOffset() + p.getLength()) >= line;
		} catch (BadLocationException e) {
			return false;
		}
	}

	private static NNetQuickFixes quickFixes() {
		return NNetUiPlugin.injector().getInstance(NNetQuickFixes.class);
	}

	/** Applies a fix's edits to the document as one undoable change. */
	static void apply(List<TextEdit> edits, IDocument document) {
		MultiTextEdit all = new MultiTextEdit();
		for (TextEdit e : edits) {
			all.addChild(new ReplaceEdit(e.offset(), e.length(), e.text()));
		}
		try {
			all.apply(document);
		} catch (BadLocationException | org.eclipse.text.edits.MalformedTreeException e) {
			NNetUiPlugin.log("Cannot apply quick fix", e);
		}
	}

	private static final class Proposal implements ICompletionProposal {
		private final Fix fix;
		private final IDocument document;

		Proposal(Fix fix, IDocument document) {
			this.fix = fix;
			this.document = document;
		}

		@Override
		public void apply(IDocument target) {
			NNetQuickAssistProcessor.apply(fix.edits(), target != null ? target : document);
		}

		@Override
		public Point getSelection(IDocument target) {
			return null;
		}

		@Override
		public String getAdditionalProposalInfo() {
			return fix.label();
		}

		@Override
		public String getDisplayString() {
			return fix.label();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}
}

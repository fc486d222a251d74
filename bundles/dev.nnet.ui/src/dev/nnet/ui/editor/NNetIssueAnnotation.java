package dev.nnet.ui.editor;

import org.eclipse.jface.text.quickassist.IQuickFixableAnnotation;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** An issue of the parser, linker or validator shown in the editor while typing (error/warning/info squiggle). */
public class NNetIssueAnnotation extends Annotation implements IQuickFixableAnnotation {

	/** Annotation type of errors, as configured by org.eclipse.ui.editors. */
	public static final String ERROR = "org.eclipse.ui.workbench.texteditor.error";
	/** Annotation type of warnings. */
	public static final String WARNING = "org.eclipse.ui.workbench.texteditor.warning";
	/** Annotation type of infos. */
	public static final String INFO = "org.eclipse.ui.workbench.texteditor.info";

	private final Issue issue;
	private boolean fixable;
	private boolean fixableKnown;

	/** @param issue the issue shown by this annotation */
	public NNetIssueAnnotation(Issue issue) {
		super(typeOf(issue.getSeverity()), false, issue.getMessage());
		this.issue = issue;
	}

	/** @return the issue, with its code and quick-fix data */
	public Issue getIssue() {
		return issue;
	}

	private static String typeOf(Severity severity) {
		return switch (severity) {
		case ERROR -> ERROR;
		case WARNING -> WARNING;
		default -> INFO;
		};
	}

	@Override
	public void setQuickFixable(boolean state) {
		fixable = state;
		fixableKnown = true;
	}

	@Override
	public boolean isQuickFixableStateSet() {
		return fixableKnown;
	}

	@Override
	public boolean isQuickFixable() {
		return fixable;
	}
}

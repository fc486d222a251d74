package dev.nnet.lang.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;

import dev.nnet.lang.ide.quickfix.Fix;
import dev.nnet.lang.ide.quickfix.NNetQuickFixes;
import dev.nnet.lang.ide.quickfix.TextEdit;

/**
 * LSP code actions: for every diagnostic of the request that {@link NNetQuickFixes} handles, the fixes of the issue
 * behind it (the resource is validated again to get the issue with its element and data), each as a
 * {@code quickfix} code action with a workspace edit. The same fixes as the Eclipse editor's Ctrl+1.
 */
public class NNetCodeActions implements ICodeActionService2 {

	@Inject
	private NNetQuickFixes quickFixes;

	@Inject
	private IResourceValidator validator;

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		List<Diagnostic> wanted = options.getCodeActionParams().getContext().getDiagnostics().stream()
				.filter(d -> d.getCode() != null && d.getCode().isLeft() && quickFixes.handles(d.getCode().getLeft()))
				.toList();
		if (wanted.isEmpty()) {
			return List.of();
		}
		String uri = options.getURI();
		return options.getLanguageServerAccess().doSyncRead(uri,
				context -> actions(uri, context.getDocument(), (XtextResource) context.getResource(), wanted,
						options.getCancelIndicator()));
	}

	private List<Either<Command, CodeAction>> actions(String uri, Document document, XtextResource resource,
			List<Diagnostic> wanted, CancelIndicator cancel) {
		List<Either<Command, CodeAction>> actions = new ArrayList<>();
		List<Issue> issues = validator.validate(resource, CheckMode.ALL, cancel == null ? CancelIndicator.NullImpl : cancel);
		for (Diagnostic d : wanted) {
			for (Issue issue : issues) {
				if (matches(d, issue)) {
					for (Fix fix : quickFixes.fixes(resource, issue)) {
						actions.add(Either.forRight(action(uri, document, d, fix)));
					}
					break;
				}
			}
		}
		return actions;
	}

	/** A diagnostic stands for an issue with its code that starts where it starts (LSP positions are 0-based). */
	private static boolean matches(Diagnostic d, Issue issue) {
		return d.getCode().getLeft().equals(issue.getCode()) && issue.getLineNumber() != null
				&& issue.getColumn() != null && issue.getLineNumber() - 1 == d.getRange().getStart().getLine()
				&& issue.getColumn() - 1 == d.getRange().getStart().getCharacter();
	}

	private static CodeAction action(String uri, Document document, Diagnostic d, Fix fix) {
		List<org.eclipse.lsp4j.TextEdit> edits = new ArrayList<>();
		for (TextEdit e : fix.edits()) {
			Range range = new Range(document.getPosition(e.offset()), document.getPosition(e.offset() + e.length()));
			edits.add(new org.eclipse.lsp4j.TextEdit(range, e.text()));
		}
		CodeAction action = new CodeAction(fix.label());
		action.setKind(CodeActionKind.QuickFix);
		action.setDiagnostics(List.of(d));
		action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
		return action;
	}
}

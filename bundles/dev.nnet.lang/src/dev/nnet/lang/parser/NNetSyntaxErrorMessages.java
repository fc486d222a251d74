package dev.nnet.lang.parser;

import org.antlr.runtime.RecognitionException;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/** Words the syntax errors that stand for hostile input: nesting too deep, bytes that are not UTF-8. */
public class NNetSyntaxErrorMessages extends SyntaxErrorMessageProvider {

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		RecognitionException e = context.getRecognitionException();
		String text = e == null || e.token == null ? null : e.token.getText();
		if (text != null && text.indexOf(NestingDepth.MARKER) >= 0) {
			return new SyntaxErrorMessage("Blocks are nested more than " + NestingDepth.MAX_DEPTH
					+ " deep; this block and everything in it are ignored.", Diagnostic.SYNTAX_DIAGNOSTIC);
		}
		if (text != null && text.indexOf('\uFFFD') >= 0) {
			return new SyntaxErrorMessage("Invalid UTF-8 byte sequence here: .nnet files must be saved as UTF-8.",
					Diagnostic.SYNTAX_DIAGNOSTIC);
		}
		return super.getSyntaxErrorMessage(context);
	}
}

package dev.nnet.lang.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antlr.runtime.CommonToken;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/**
 * Words the syntax errors that stand for hostile input (nesting too deep, bytes that are not UTF-8) and for a
 * half-typed image shape ({@code input 1x8}, {@code input 1x}, {@code input 1x8x8x}).
 */
public class NNetSyntaxErrorMessages extends SyntaxErrorMessageProvider {
	/** An image size cut short: what the lexer had read when IMAGE_SIZE failed. */
	private static final Pattern PARTIAL_IMAGE = Pattern.compile("\\G[0-9]+x([0-9]+(x)?)?");
	/** A complete image size at the end of a text. */
	private static final Pattern FULL_IMAGE = Pattern.compile("[0-9]+x[0-9]+x[0-9]+$");
	/** A complete image size at the end of a text. */	private static final String IMAGE_SIZES = "channels x height x width, e.g. 'input 1x8x8'";

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
		String partial = e == null ? partialImageSize(context.getCurrentNode()) : null;
		if (partial != null) {
			return new SyntaxErrorMessage("Image input needs " + IMAGE_SIZES + "; '" + partial + "' is incomplete.",
					Diagnostic.SYNTAX_DIAGNOSTIC);
		}
		String extra = text != null && text.startsWith("x") ? imageSizeBefore(e.token) : null;
		if (extra != null) {
			return new SyntaxErrorMessage("Image input has exactly three sizes, " + IMAGE_SIZES + "; '" + extra + text
					+ "' has more.", Diagnostic.SYNTAX_DIAGNOSTIC);
		}
		return super.getSyntaxErrorMessage(context);
	}

	/**
	 * A lexer error carries no token, only the parser's current node: the failed token starts after that node's
	 * last leaf (and blanks).
	 *
	 * @return the half-typed image size there ("1x8", "1x", "1x8x"), or null
	 */
	private static String partialImageSize(INode node) {
		if (node == null || node.getRootNode() == null) {
			return null;
		}
		String all = node.getRootNode().getText();
		int at = node.getTotalEndOffset();
		if (all == null || at < 0 || at > all.length()) {
			return null;
		}
		while (at < all.length() && Character.isWhitespace(all.charAt(at))) {
			at++;
		}
		Matcher m = PARTIAL_IMAGE.matcher(all).region(at, Math.min(all.length(), at + 64));
		if (!afterInput(all, at) || !m.lookingAt()) {
			return null;
		}
		int end = m.end();
		boolean complete = end < all.length() && Character.isDigit(all.charAt(end));
		return complete ? null : m.group();
	}

	/** @return the full image size that ends right before the token ('1x8x8' of '1x8x8x'), after 'input', or null */
	private static String imageSizeBefore(Token token) {
		if (!(token instanceof CommonToken t) || t.getInputStream() == null || t.getStartIndex() <= 0) {
			return null;
		}
		int start = t.getStartIndex();
		String before = t.getInputStream().substring(Math.max(0, start - 200), start - 1);
		Matcher m = FULL_IMAGE.matcher(before);
		return m.find() && afterInput(before, m.start()) ? m.group() : null;
	}

	/** @return whether the word before offset at (blanks skipped) is the keyword 'input' */
	private static boolean afterInput(String text, int at) {
		int end = at;
		while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		int start = end;
		while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
			start--;
		}
		return end < at && text.substring(start, end).equals("input");
	}
}

package dev.nnet.lang.parser;

/**
 * Pre-scan of a {@code .nnet} text before parsing, so that no input can drive the recursive-descent parser into a
 * {@link StackOverflowError}: blocks ({@code { }}, {@code ( )}) nest at most {@link #MAX_DEPTH} deep. A deeper block
 * is replaced, from its opening bracket to its closing one, by a single {@link #MARKER} and blanks (line breaks
 * kept, so every offset and line stays where it was); the parser reports a syntax error at the marker, which
 * {@link NNetSyntaxErrorMessages} words as a nesting error. A UTF-8 byte order mark at the start becomes a blank.
 * Strings and comments are skipped.
 */
public final class NestingDepth {

	/** Deepest nesting of braces and parentheses accepted. */
	public static final int MAX_DEPTH = 64;

	/** Stands for the first bracket that is too deep; the lexer turns it into an unexpected-character token. */
	public static final char MARKER = '\u0001';

	private NestingDepth() {
	}

	/**
	 * @param text the source
	 * @return the text to parse: {@code text} itself when nothing had to change
	 */
	public static char[] sanitize(char[] text) {
		char[] out = null;
		if (text.length > 0 && text[0] == '\uFEFF') {
			out = text.clone();
			out[0] = ' ';
		}
		int depth = 0;
		int i = 0;
		while (i < text.length) {
			char c = text[i];
			if (c == '"') {
				i = skipString(text, i);
				continue;
			}
			if (c == '/' && i + 1 < text.length && (text[i + 1] == '/' || text[i + 1] == '*')) {
				i = skipComment(text, i);
				continue;
			}
			if (c == '{' || c == '(') {
				if (depth == MAX_DEPTH) {
					if (out == null) {
						out = text.clone();
					}
					i = blank(text, out, i);
					continue;
				}
				depth++;
			} else if ((c == '}' || c == ')') && depth > 0) {
				depth--;
			}
			i++;
		}
		return out == null ? text : out;
	}

	/** Blanks the block opening at {@code start}; @return the index after its closing bracket */
	private static int blank(char[] text, char[] out, int start) {
		out[start] = MARKER;
		int depth = 1;
		int i = start + 1;
		while (i < text.length && depth > 0) {
			char c = text[i];
			if (c == '{' || c == '(') {
				depth++;
			} else if (c == '}' || c == ')') {
				depth--;
			}
			if (c != '\n' && c != '\r') {
				out[i] = ' ';
			}
			i++;
		}
		return i;
	}

	private static int skipString(char[] text, int start) {
		int i = start + 1;
		while (i < text.length && text[i] != '"' && text[i] != '\n') {
			i += text[i] == '\\' ? 2 : 1;
		}
		return i + 1;
	}

	private static int skipComment(char[] text, int start) {
		if (text[start + 1] == '/') {
			int i = start;
			while (i < text.length && text[i] != '\n') {
				i++;
			}
			return i;
		}
		for (int i = start + 2; i + 1 < text.length; i++) {
			if (text[i] == '*' && text[i + 1] == '/') {
				return i + 2;
			}
		}
		return text.length;
	}
}

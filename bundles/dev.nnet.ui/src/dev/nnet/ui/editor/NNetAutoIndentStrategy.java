package dev.nnet.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentCommand;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.TextUtilities;

/**
 * Auto-indent by braces: a new line gets the indentation of the line it breaks, one level deeper for each brace
 * left open on that line and one level shallower for each brace it closes after other text (so
 * {@code repeat 8 { dense 8 sigmoid }} leaves the indentation as it was); a {@code }} typed at the start of a
 * line moves to the indentation of the line with its {@code {}. Braces in comments and strings do not count.
 */
public class NNetAutoIndentStrategy implements IAutoEditStrategy {

	/** One level, as the formatter writes it. */
	static final String LEVEL = "  ";

	@Override
	public void customizeDocumentCommand(IDocument document, DocumentCommand command) {
		try {
			if (command.length == 0 && command.text != null
					&& TextUtilities.endsWith(document.getLegalLineDelimiters(), command.text) != -1) {
				newLine(document, command);
			} else if ("}".equals(command.text) && command.length == 0) {
				closingBrace(document, command);
			}
		} catch (BadLocationException e) {
			// leave the command as typed
		}
	}

	private static void newLine(IDocument document, DocumentCommand command) throws BadLocationException {
		IRegion line = document.getLineInformationOfOffset(command.offset);
		String before = document.get(line.getOffset(), command.offset - line.getOffset());
		String indent = indentOf(before);
		int depth = depthChange(before);
		if (depth > 0) {
			indent = indent + LEVEL.repeat(depth);
		} else if (depth < 0) {
			indent = indent.substring(0, Math.max(0, indent.length() - LEVEL.length() * -depth));
		}
		command.text = command.text + indent;
		// the whitespace after the caret would push the new line's text further right
		int end = command.offset;
		while (end < line.getOffset() + line.getLength() && isBlank(document.getChar(end))) {
			end++;
		}
		command.length = end - command.offset;
	}

	private static void closingBrace(IDocument document, DocumentCommand command) throws BadLocationException {
		IRegion line = document.getLineInformationOfOffset(command.offset);
		String before = document.get(line.getOffset(), command.offset - line.getOffset());
		if (!before.isBlank()) {
			return;
		}
		int open = matchingOpen(document.get(0, line.getOffset()));
		if (open < 0) {
			return;
		}
		IRegion openLine = document.getLineInformationOfOffset(open);
		String indent = indentOf(document.get(openLine.getOffset(), openLine.getLength()));
		command.offset = line.getOffset();
		command.length = before.length();
		command.text = indent + "}";
	}

	/**
	 * @return braces opened minus braces closed after the line's first non-blank character (a line that starts with
	 *         {@code }} is already indented for it), outside comments and strings
	 */
	static int depthChange(String line) {
		int depth = 0;
		boolean leading = true;
		boolean string = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (string) {
				string = c != '"';
			} else if (c == '"') {
				string = true;
			} else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
				break;
			} else if (c == '{') {
				depth++;
			} else if (c == '}' && !leading) {
				depth--;
			}
			leading &= c == '}' || isBlank(c);
		}
		return depth;
	}

	/** @return the offset of the {@code {} that a {@code }} after {@code text} closes, or -1 */
	static int matchingOpen(String text) {
		int depth = 0;
		for (int i = text.length() - 1; i >= 0; i--) {
			char c = text.charAt(i);
			if (c == '}') {
				depth++;
			} else if (c == '{') {
				if (depth == 0) {
					return i;
				}
				depth--;
			}
		}
		return -1;
	}

	private static String indentOf(String line) {
		int i = 0;
		while (i < line.length() && isBlank(line.charAt(i))) {
			i++;
		}
		return line.substring(0, i);
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t';
	}
}

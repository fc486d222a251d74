package dev.nnet.lang.ide.quickfix;

/**
 * One replacement in the text of the resource that has the issue.
 *
 * @param offset where the replaced text starts
 * @param length how many characters are replaced (0 inserts)
 * @param text   the new text
 */
public record TextEdit(int offset, int length, String text) {

	/** Applies {@code edits} (non-overlapping, any order) to {@code source}. */
	public static String apply(String source, java.util.List<TextEdit> edits) {
		java.util.List<TextEdit> sorted = new java.util.ArrayList<>(edits);
		sorted.sort((a, b) -> Integer.compare(b.offset(), a.offset()));
		StringBuilder s = new StringBuilder(source);
		for (TextEdit e : sorted) {
			s.replace(e.offset(), e.offset() + e.length(), e.text());
		}
		return s.toString();
	}
}

package dev.nnet.ui.editor.outline;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the outline, detached from EMF so the tree can be shown while the model is reparsed.
 *
 * @param label    the text shown, e.g. {@code hidden : 4 -> 16 relu (80)}
 * @param kind     network, perceptron, layer, data or training (chooses the icon)
 * @param offset   start of the element's name in the text (selected when the row is selected)
 * @param length   length of the name
 * @param start    start of the whole element (for linking the caret to the row)
 * @param end      end of the whole element
 * @param children nested rows
 */
public record OutlineNode(String label, String kind, int offset, int length, int start, int end,
		List<OutlineNode> children) {

	/** A node without children yet. */
	public OutlineNode(String label, String kind, int offset, int length, int start, int end) {
		this(label, kind, offset, length, start, end, new ArrayList<>());
	}

	/** @return true when {@code position} lies within the element */
	public boolean contains(int position) {
		return position >= start && position <= end;
	}
}

package dev.nnet.lang.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.nnet.lang.nnet.Dense;

/**
 * The fix of {@code denseNeedsFlatten} (a dense layer that receives a C x H x W image): inserts {@code flatten} on
 * its own line before the dense layer, with the dense layer's indentation.
 */
final class FlattenFix {

	private FlattenFix() {
	}

	/** @return the fix, or null when the layer has no text */
	static Fix fix(Dense dense) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(dense);
		if (node == null) {
			return null;
		}
		String text = node.getRootNode().getText();
		int offset = node.getOffset();
		int lineStart = offset;
		while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && Character.isWhitespace(text.charAt(lineStart - 1))) {
			lineStart--;
		}
		boolean ownLine = lineStart == 0 || text.charAt(lineStart - 1) == '\n';
		String insert = ownLine ? "flatten\n" + text.substring(lineStart, offset) : "flatten ";
		String layer = dense.getName() == null ? "the dense layer" : "'" + dense.getName() + "'";
		return new Fix("Insert 'flatten' before " + layer, List.of(new TextEdit(offset, 0, insert)));
	}
}

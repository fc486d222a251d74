package dev.nnet.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.Element;
import dev.nnet.lang.nnet.NnetPackage;

/**
 * Semantic coloring on top of the lexical one: declared names (networks, data, trainings, layers) and
 * references to networks and data, computed from the parse tree after each reconcile and merged into the
 * viewer's presentation.
 */
class NNetSemanticHighlighter implements ITextPresentationListener {

	/** Highlighted ranges for one parsed text. */
	record Result(String text, List<int[]> ranges, List<String> keys) {
	}

	private final SourceViewer viewer;
	private final NNetColors colors;
	private Result current;

	NNetSemanticHighlighter(SourceViewer viewer, NNetColors colors) {
		this.viewer = viewer;
		this.colors = colors;
		viewer.addTextPresentationListener(this);
	}

	/** Computes the ranges from the resource (called under the model's lock, any thread). */
	Result compute(XtextResource resource) {
		List<int[]> ranges = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		if (resource.getParseResult() == null) {
			return new Result("", ranges, keys);
		}
		INode root = resource.getParseResult().getRootNode();
		for (INode node : root.getAsTreeIterable()) {
			if (node.getGrammarElement() instanceof CrossReference && node.getLength() > 0) {
				ranges.add(new int[] { node.getOffset(), node.getLength() });
				keys.add(NNetColors.REFERENCE);
			}
		}
		resource.getAllContents().forEachRemaining(o -> {
			if (o instanceof Element || o instanceof Dense) {
				addName(o, o instanceof Dense ? NnetPackage.Literals.DENSE__NAME : NnetPackage.Literals.ELEMENT__NAME,
						ranges, keys);
			}
		});
		return new Result(root.getText(), ranges, keys);
	}

	private static void addName(EObject o, org.eclipse.emf.ecore.EStructuralFeature feature, List<int[]> ranges,
			List<String> keys) {
		for (INode node : NodeModelUtils.findNodesForFeature(o, feature)) {
			ranges.add(new int[] { node.getOffset(), node.getLength() });
			keys.add(NNetColors.DECLARATION);
		}
	}

	/** Shows {@code result} if it belongs to the current text (UI thread). */
	void apply(Result result) {
		IDocument document = viewer.getDocument();
		if (document == null || !document.get().equals(result.text())) {
			return; // typed on since: the next reconcile brings fresh ranges
		}
		current = result;
		viewer.invalidateTextPresentation();
	}

	@Override
	public void applyTextPresentation(TextPresentation presentation) {
		Result result = current;
		IDocument document = viewer.getDocument();
		if (result == null || document == null || !document.get().equals(result.text())) {
			return;
		}
		int from = presentation.getExtent().getOffset();
		int to = from + presentation.getExtent().getLength();
		List<StyleRange> styles = new ArrayList<>();
		for (int i = 0; i < result.ranges().size(); i++) {
			int[] r = result.ranges().get(i);
			if (r[0] + r[1] > from && r[0] < to) {
				TextAttribute a = colors.attribute(result.keys().get(i));
				StyleRange s = new StyleRange(r[0], r[1], a.getForeground(), null, a.getStyle());
				styles.add(s);
			}
		}
		presentation.mergeStyleRanges(styles.toArray(StyleRange[]::new));
	}

	/** @return the ranges currently shown, as (offset, length, color key) for tests */
	Result current() {
		return current;
	}

	void dispose() {
		viewer.removeTextPresentationListener(this);
	}
}

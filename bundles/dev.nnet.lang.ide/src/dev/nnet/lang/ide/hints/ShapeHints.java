package dev.nnet.lang.ide.hints;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.Shapes;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * The shapes to show inline, after each layer ({@code -> 4 · 12 params}) and after each network's name (its
 * total), from {@link ShapeInference} like the outline and hover. UI-free: LSP inlay hints and Eclipse code minings
 * both show these.
 */
@Singleton
public class ShapeHints {

	@Inject
	private ShapeInference shapes;

	/**
	 * @param resource a parsed resource, possibly with syntax errors
	 * @param cancel   checked between networks
	 * @return the hints in text order
	 */
	public List<ShapeHint> hints(XtextResource resource, CancelIndicator cancel) {
		List<ShapeHint> hints = new ArrayList<>();
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
			return hints;
		}
		for (EObject e : model.getElements()) {
			if (cancel != null && cancel.isCanceled()) {
				break;
			}
			if (e instanceof Architecture a) {
				add(a, hints);
			}
		}
		return hints;
	}

	private void add(Architecture a, List<ShapeHint> hints) {
		NetworkShape shape = shapes.infer(a);
		List<INode> name = NodeModelUtils.findNodesForFeature(a, Literals.ELEMENT__NAME);
		if (!name.isEmpty()) {
			hints.add(new ShapeHint(name.get(0).getEndOffset(), shape.inputText() + " -> " + shape.outputs() + " · "
					+ params(shape.totalParams()) + (shape.truncated() ? " (truncated)" : ""), true));
		}
		Map<EObject, List<LayerShape>> bySource = new LinkedHashMap<>();
		for (LayerShape l : shape.allLayers()) {
			if (l.source() != a) {
				bySource.computeIfAbsent(l.source(), s -> new ArrayList<>()).add(l);
			}
		}
		for (Map.Entry<EObject, List<LayerShape>> layer : bySource.entrySet()) {
			INode node = NodeModelUtils.findActualNodeFor(layer.getKey());
			if (node != null) {
				hints.add(new ShapeHint(endOfText(node), label(layer.getValue()), false));
			}
		}
		hints.sort((x, y) -> Integer.compare(x.offset(), y.offset()));
	}

	/** {@code -> 4 · 12 params}; for a layer repeated n times the last output and the sum, with {@code (n×)}. */
	static String label(List<LayerShape> occurrences) {
		LayerShape last = occurrences.get(occurrences.size() - 1);
		long sum = 0;
		for (LayerShape l : occurrences) {
			sum = sum + l.params() < sum ? Long.MAX_VALUE : sum + l.params();
		}
		String times = occurrences.size() > 1 ? " (" + occurrences.size() + "×)" : "";
		return "-> " + Shapes.text(last.output()) + " · " + params(sum) + times;
	}

	private static String params(long n) {
		return n + (n == 1 ? " param" : " params");
	}

	/** The end of the node's text without trailing hidden tokens (comments, whitespace). */
	private static int endOfText(INode node) {
		INode last = null;
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden()) {
				last = leaf;
			}
		}
		return last == null ? node.getEndOffset() : last.getEndOffset();
	}
}

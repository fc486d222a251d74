package dev.nnet.ui.editor.outline;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.util.ITextRegion;

import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.DataSet;
import dev.nnet.lang.nnet.Element;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Perceptron;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

/** Turns a parsed model into outline rows: networks with their layers and shapes, data sets, trainings. */
public class OutlineBuilder {

	private final ShapeInference shapes;
	private final ILocationInFileProvider locations;

	/**
	 * @param shapes    the language's shape inference
	 * @param locations where names are in the text
	 */
	public OutlineBuilder(ShapeInference shapes, ILocationInFileProvider locations) {
		this.shapes = shapes;
		this.locations = locations;
	}

	/** @return the top-level rows for {@code model} (none for null) */
	public List<OutlineNode> build(Model model) {
		List<OutlineNode> roots = new ArrayList<>();
		if (model == null) {
			return roots;
		}
		for (Element e : model.getElements()) {
			String name = e.getName() == null ? "?" : e.getName();
			if (e instanceof Architecture a) {
				NetworkShape shape = shapes.infer(a);
				OutlineNode node = node(e, name + " : " + shape.inputText() + " -> "
						+ shape.outputs() + ", "
						+ shape.totalParams() + " parameters", a instanceof Perceptron ? "perceptron" : "network");
				for (LayerShape l : shape.allLayers()) {
					node.children().add(node(l.source(), l.name() + " : " + l.describe() + " (" + l.params() + ")",
							"layer"));
				}
				roots.add(node);
			} else if (e instanceof DataSet d) {
				String source = d.getFile() != null ? " from " + d.getFile() : " (" + d.getSamples().size() + " samples)";
				roots.add(node(e, name + source, "data"));
			} else if (e instanceof Training t) {
				String network = t.getNetwork() == null || t.getNetwork().eIsProxy() ? "?" : t.getNetwork().getName();
				String data = t.getData() == null || t.getData().eIsProxy() ? "?" : t.getData().getName();
				roots.add(node(e, name + " : " + network + " on " + data, "training"));
			}
		}
		return roots;
	}

	private OutlineNode node(EObject o, String label, String kind) {
		ITextRegion region = locations.getSignificantTextRegion(o);
		ICompositeNode full = NodeModelUtils.findActualNodeFor(o);
		int offset = region == null ? 0 : region.getOffset();
		int length = region == null ? 0 : region.getLength();
		int start = full == null ? offset : full.getOffset();
		int end = full == null ? offset + length : full.getEndOffset();
		return new OutlineNode(label, kind, offset, length, start, end);
	}
}

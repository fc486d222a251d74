package dev.nnet.ui.views.graph;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Path;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.EcoreUtil2;

import dev.nnet.lang.graph.GraphLayer;
import dev.nnet.lang.graph.GraphLayout;
import dev.nnet.lang.graph.NetworkGraph;
import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.ui.runs.RunsRegistry;
import dev.nnet.ui.views.NNetModels;

/** Parses editor text and lays out the network at the caret (off the UI thread). */
final class GraphModelBuilder {

	private GraphModelBuilder() {
	}

	/**
	 * @param text      the document
	 * @param file      its file, may be null
	 * @param caret     caret offset
	 * @param preferred the network shown before, kept when the caret is not in a network or training
	 */
	static GraphSnapshot build(String text, IFile file, int caret, String preferred) throws Exception {
		Model model = NNetModels.parseWithProject(text, file);
		List<Architecture> archs = model == null ? List.of()
				: EcoreUtil2.typeSelect(model.getElements(), Architecture.class);
		List<String> names = archs.stream().map(Architecture::getName).toList();
		Architecture chosen = null;
		for (Architecture a : archs) {
			if (contains(a, caret)) {
				chosen = a;
			}
		}
		if (chosen == null && model != null) {
			for (Training t : EcoreUtil2.typeSelect(model.getElements(), Training.class)) {
				if (contains(t, caret) && t.getNetwork() != null && !t.getNetwork().eIsProxy()) {
					chosen = t.getNetwork();
				}
			}
		}
		if (chosen == null) {
			chosen = archs.stream().filter(a -> a.getName() != null && a.getName().equals(preferred)).findFirst()
					.orElse(archs.isEmpty() ? null : archs.get(0));
		}
		if (chosen == null) {
			return new GraphSnapshot(null, List.of(), names, null);
		}
		NetworkShape shape = NNetModels.injector().getInstance(ShapeInference.class).infer(chosen);
		boolean local = archs.contains(chosen); // else declared in another file of the project
		String key = RunsRegistry.networkKey(projectPath(local ? file : fileOf(chosen)), shape.name());
		NetworkGraph graph = GraphLayout.layout(shape, RunsRegistry.get().weights(key));
		List<int[]> ranges = new ArrayList<>();
		for (GraphLayer l : graph.layers()) {
			ranges.add(local ? NNetModels.range(l.shape() == null ? chosen.getInput() : l.shape().source()) : null);
		}
		return new GraphSnapshot(graph, ranges, names, key);
	}

	private static IFile fileOf(Architecture a) {
		URI uri = a.eResource() == null ? null : a.eResource().getURI();
		return uri != null && uri.isPlatformResource()
				? ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(uri.toPlatformString(true)))
				: null;
	}

	private static String projectPath(IFile file) {
		return file == null ? "" : file.getProjectRelativePath().toString();
	}

	private static boolean contains(org.eclipse.emf.ecore.EObject e, int offset) {
		int[] r = NNetModels.range(e);
		return r != null && offset >= r[0] && offset <= r[0] + r[1];
	}
}

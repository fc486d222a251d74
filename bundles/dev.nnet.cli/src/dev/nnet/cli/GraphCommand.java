package dev.nnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

import dev.nnet.engine.Network;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.lang.graph.DotWriter;
import dev.nnet.lang.graph.GraphLayout;
import dev.nnet.lang.graph.NetworkGraph;
import dev.nnet.lang.graph.SvgWriter;
import dev.nnet.lang.graph.TrainedWeights;
import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * {@code nnet graph FILE [--network NAME] [--model MODEL.json] -o OUT.svg|OUT.dot}: draws a network with the same
 * layout code as the IDE's Network Graph view ({@link GraphLayout}), as SVG or Graphviz DOT depending on the output's
 * extension; with {@code --model} the edges are colored and sized by the model's trained weights, as in the IDE.
 */
final class GraphCommand {

	private final PrintStream out;
	private final PrintStream err;

	GraphCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(String[] args) {
		Arguments a = new Arguments(args, Set.of("-o", "--output", "--network", "--model"), Set.of());
		String output = a.has("-o") ? a.get("-o") : a.get("--output");
		if (output == null || a.positional.size() != 1) {
			throw new UsageException("graph needs one FILE and an output: graph FILE [--network NAME] [--model MODEL.json] -o OUT.svg|OUT.dot");
		}
		boolean dot = output.endsWith(".dot") || output.endsWith(".gv");
		if (!dot && !output.endsWith(".svg")) {
			throw new UsageException("graph writes .svg or .dot files, not '" + output + "'");
		}
		try {
			Workspace w = new Workspace(a.positional);
			if (w.validate(err) > 0) {
				return Main.ERRORS;
			}
			Architecture model = find(w.resources().get(0), a.get("--network"));
			if (model == null) {
				err.println(Workspace.display(w.resources().get(0)) + ": no network"
						+ (a.has("--network") ? " named '" + a.get("--network") + "'" : "") + " in this file");
				return Main.ERRORS;
			}
			NetworkShape shape = Workspace.injector().getInstance(ShapeInference.class).infer(model);
			TrainedWeights trained = null;
			if (a.get("--model") != null) {
				trained = trainedWeights(Path.of(a.get("--model")), shape);
				if (trained == null) {
					return Main.USAGE; // as predict: a model file that cannot be used is a bad argument
				}
			}
			NetworkGraph graph = GraphLayout.layout(shape, trained);
			Path target = Path.of(output);
			if (target.getParent() != null) {
				Files.createDirectories(target.getParent());
			}
			try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
				if (dot) {
					DotWriter.write(graph, writer);
				} else {
					SvgWriter.write(graph, writer);
				}
			}
			out.println(target);
			err.println(shape.name() + ": " + shape.allLayers().size() + " layers, " + shape.totalParams()
					+ " parameters, drawn to " + target);
			return Main.OK;
		} catch (IOException e) {
			err.println("nnet: " + e.getMessage());
			return Main.USAGE;
		}
	}

	/**
	 * Reads a model file's weights to color the edges, as the IDE does after a run.
	 *
	 * @return the weights, or null (reported) when the file is not a model or does not fit the network
	 */
	private TrainedWeights trainedWeights(Path file, NetworkShape shape) {
		Network network;
		try {
			network = ModelIO.load(file);
		} catch (ModelFormatException e) {
			err.println(e.getMessage());
			return null;
		}
		List<String> model = new ArrayList<>();
		network.layers().forEach(l -> model.add(l.inputs() + "->" + l.units()));
		List<String> declared = new ArrayList<>();
		shape.layers().forEach(l -> declared.add(l.inputs() + "->" + l.outputs()));
		if (!model.equals(declared)) {
			err.println(file + ": the model's layers " + model + " do not fit network " + shape.name() + "'s "
					+ declared + "; train it first or pass the model of this network");
			return null;
		}
		return TrainedWeights.of(network);
	}

	/** The named network, or without a name the file's last network or perceptron. */
	private static Architecture find(Resource resource, String name) {
		List<Architecture> models = new ArrayList<>();
		for (EObject o : resource.getContents().isEmpty() ? List.<EObject>of()
				: resource.getContents().get(0).eContents()) {
			if (o instanceof Architecture m && (name == null || name.equals(m.getName()))) {
				models.add(m);
			}
		}
		return models.isEmpty() ? null : models.get(models.size() - 1);
	}
}

package dev.nnet.lang.tests.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.optim.Sgd;
import dev.nnet.engine.train.Trainer;
import dev.nnet.engine.train.TrainingConfig;
import dev.nnet.lang.graph.DotWriter;
import dev.nnet.lang.graph.GraphEdge;
import dev.nnet.lang.graph.GraphLayer;
import dev.nnet.lang.graph.GraphLayout;
import dev.nnet.lang.graph.NetworkGraph;
import dev.nnet.lang.graph.SvgWriter;
import dev.nnet.lang.graph.TrainedWeights;
import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.lang.tests.Examples;
import dev.nnet.lang.tests.NNetInjectorProvider;

@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class GraphLayoutTest {

	@Inject
	private ParseHelper<Model> parseHelper;
	@Inject
	private Provider<ResourceSet> resourceSets;
	@Inject
	private ShapeInference shapes;

	private NetworkShape example(String file, String name) throws Exception {
		Model m = parseHelper.parse(Examples.read(file), URI.createFileURI(Examples.path(file).toString()),
				resourceSets.get());
		for (Architecture a : EcoreUtil2.typeSelect(m.getElements(), Architecture.class)) {
			if (name.equals(a.getName())) {
				return shapes.infer(a);
			}
		}
		throw new AssertionError(name + " not in " + file);
	}

	@Test
	public void xorIsDrawnNeuronByNeuronWithOneEdgePerWeight() throws Exception {
		NetworkGraph g = GraphLayout.layout(example("xor.nnet", "XorNet"));
		assertEquals(List.of("input", "hidden", "out"), g.layers().stream().map(GraphLayer::name).toList());
		assertEquals(7, g.neuronCount());
		assertEquals(2 * 4 + 4 * 1, g.edges().size());
		GraphLayer hidden = g.layers().get(1);
		assertEquals("4 tanh", hidden.subtitle());
		assertEquals("12 params", hidden.paramsLabel());
		assertEquals(GraphLayer.Role.OUTPUT, g.layers().get(2).role());
		assertFalse(g.isTrained());
		assertTrue(g.layers().get(0).centerX() < hidden.centerX() && hidden.centerX() < g.layers().get(2).centerX());
		assertSame(hidden, g.layerAt(hidden.centerX(), hidden.y() + 5));
		assertNull(g.layerAt(-100, -100));
		for (GraphLayer l : g.layers()) {
			assertTrue(l.y() - GraphLayout.LABEL_SPACE >= 0 && l.y() + l.height() + GraphLayout.LABEL_SPACE <= g.height(),
					"labels of " + l.name() + " fit in the drawing");
		}
	}

	@Test
	public void largeLayersBecomeBlocks() throws Exception {
		NetworkGraph g = GraphLayout.layout(example("digits.nnet", "DigitsNet"));
		assertEquals(4, g.layers().size());
		assertFalse(g.layers().get(0).expanded(), "64 inputs: a block");
		assertFalse(g.layers().get(1).expanded(), "128 units: a block");
		assertTrue(g.layers().get(3).expanded(), "10 digits: neurons");
		assertEquals(10, g.neuronCount());
		// block->block: 1 edge, block->block: 1, block->10 neurons: 10
		assertEquals(1 + 1 + 10, g.edges().size());
		assertEquals("128 relu", g.layers().get(1).subtitle());
		assertEquals("8,320 params", g.layers().get(1).paramsLabel());

		NetworkGraph iris = GraphLayout.layout(example("iris.nnet", "IrisNet"));
		assertEquals(4 + 16 + 3, iris.neuronCount());
		assertEquals(4 * 16 + 16 * 3, iris.edges().size());
	}

	@Test
	public void trainedEdgesCarryTheEngineWeights() throws Exception {
		NetworkShape shape = example("xor.nnet", "XorNet");
		Network net = NetworkSpec.builder(2).dense("hidden", 4, Activations.tanh()).dense("out", 1, Activations.sigmoid())
				.build().build();
		DataSet xor = DataSet.of(new double[][] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } },
				new double[][] { { 0 }, { 1 }, { 1 }, { 0 } });
		new Trainer(net, TrainingConfig.builder(Losses.meanSquaredError()).optimizer(new Sgd(0.5)).maxEpochs(50).build()).train(xor);
		NetworkGraph g = GraphLayout.layout(shape, TrainedWeights.of(net));
		assertTrue(g.isTrained());
		double max = 0;
		for (GraphEdge e : g.edges()) {
			double expected = net.layers().get(e.fromLayer()).weights().get(e.toUnit(), e.fromUnit());
			assertEquals(expected, e.weight(), 0.0);
			max = Math.max(max, Math.abs(expected));
		}
		assertEquals(max, g.maxAbsWeight(), 0.0);
		assertEquals(net.layers().get(0).bias().get(0, 2), g.layers().get(1).neurons().get(2).bias(), 0.0);

		Network wrongShape = NetworkSpec.builder(2).dense(3, Activations.tanh()).dense(1, Activations.sigmoid()).build()
				.build();
		assertFalse(GraphLayout.layout(shape, TrainedWeights.of(wrongShape)).isTrained(), "mismatch is ignored");
	}

	@Test
	public void svgIsWellFormedWithACircleAndLinePerNeuronAndEdge() throws Exception {
		NetworkGraph g = GraphLayout.layout(example("iris.nnet", "IrisNet"));
		StringBuilder svg = new StringBuilder();
		SvgWriter.write(g, svg);
		Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
				.parse(new InputSource(new StringReader(svg.toString())));
		assertEquals("svg", doc.getDocumentElement().getTagName());
		assertEquals(g.neuronCount(), doc.getElementsByTagName("circle").getLength());
		assertEquals(g.edges().size(), doc.getElementsByTagName("line").getLength());
		assertTrue(svg.indexOf(">species<") > 0 && svg.indexOf(">3 softmax<") > 0 && svg.indexOf(">51 params<") > 0, svg::toString);
	}

	@Test
	public void dotHasOneStatementPerNeuronAndEdge() throws Exception {
		NetworkGraph g = GraphLayout.layout(example("digits.nnet", "DigitsNet"));
		StringBuilder dot = new StringBuilder();
		DotWriter.write(g, dot);
		String text = dot.toString();
		assertTrue(text.startsWith("digraph \"DigitsNet\" {"), text);
		assertEquals(g.edges().size(), text.split(" -> ", -1).length - 1);
		assertEquals(4, text.split("subgraph ", -1).length - 1);
		assertTrue(text.contains("L1 [shape=box, label=\"128 units\""), text);
		assertTrue(text.contains("L3_9 [shape=circle"), text);
		assertTrue(text.trim().endsWith("}"));
	}
}

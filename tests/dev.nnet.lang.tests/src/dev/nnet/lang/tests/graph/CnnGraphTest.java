package dev.nnet.lang.tests.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.nnet.lang.graph.DotWriter;
import dev.nnet.lang.graph.GraphLayer;
import dev.nnet.lang.graph.GraphLayout;
import dev.nnet.lang.graph.NetworkGraph;
import dev.nnet.lang.graph.SvgWriter;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.lang.tests.NNetInjectorProvider;

/** A CNN in the graph: the image layers are blocks labelled with their shape and parameter count. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class CnnGraphTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private ShapeInference shapes;

	private NetworkGraph graph() throws Exception {
		Model m = parseHelper.parse("network Cnn { input 1x8x8 conv2d c1 4 kernel 3 padding same relu max_pool p1 2"
				+ " flatten dropout 0.1 dense out 10 softmax }");
		return GraphLayout.layout(shapes.infer(EcoreUtil2.typeSelect(m.getElements(), Network.class).get(0)));
	}

	@Test
	public void imageLayersAreBlocksWithTheirShapeAndParameters() throws Exception {
		NetworkGraph g = graph();
		List<GraphLayer> columns = g.layers();
		assertEquals(List.of("input", "c1", "p1", "flatten3", "out"), columns.stream().map(GraphLayer::name).toList(),
				"dropout is not drawn");
		assertEquals(List.of("1x8x8", "4x8x8", "4x4x4", "64", "10"), columns.stream().map(GraphLayer::blockLabel).toList());
		assertEquals(List.of("1x8x8 image", "conv2d relu", "max_pool", "flatten", "10 softmax"),
				columns.stream().map(GraphLayer::subtitle).toList());
		assertEquals("40 params", columns.get(1).paramsLabel());
		assertEquals("650 params", columns.get(4).paramsLabel());
		for (GraphLayer l : columns.subList(0, 4)) {
			assertFalse(l.expanded(), l.name() + " is a block");
		}
		assertTrue(columns.get(4).expanded(), "10 output units are drawn as neurons");
		assertEquals(3 + 10, g.edges().size(), "block to block: one edge; block to 10 neurons: 10");
	}

	@Test
	public void svgAndDotCarryTheShapes() throws Exception {
		StringWriter svg = new StringWriter();
		SvgWriter.write(graph(), svg);
		assertTrue(svg.toString().contains(">4x8x8</text>"), svg.toString());
		assertTrue(svg.toString().contains(">conv2d relu</text>"), svg.toString());
		StringWriter dot = new StringWriter();
		DotWriter.write(graph(), dot);
		assertTrue(dot.toString().contains("label=\"4x4x4\""), dot.toString());
		assertTrue(dot.toString().contains("label=\"flatten3\\nflatten\\n0 params\""), dot.toString());
	}
}

package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.NnetFactory;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class ShapeInferenceTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Inject
	private ShapeInference shapes;

	@Inject
	private ShapeInference sameShapes;

	private Architecture first(String text) throws Exception {
		return EcoreUtil2.typeSelect(parseHelper.parse(text).getElements(), Architecture.class).get(0);
	}

	private NetworkShape example(String file, String name) throws Exception {
		Model m = parseHelper.parse(Examples.read(file), URI.createFileURI(Examples.path(file).toString()),
				resourceSets.get());
		for (Architecture a : EcoreUtil2.typeSelect(m.getElements(), Architecture.class)) {
			if (a.getName().equals(name)) {
				return shapes.infer(a);
			}
		}
		throw new AssertionError(name + " not in " + file);
	}

	@Test
	public void isASingleton() {
		assertSame(shapes, sameShapes);
	}

	@Test
	public void xorExampleHas17Parameters() throws Exception {
		NetworkShape s = example("xor.nnet", "XorNet");
		assertEquals(17, s.totalParams());
		assertEquals(List.of(new LayerShape("hidden", "dense", 2, 4, "tanh", 12, s.layers().get(0).source()),
				new LayerShape("out", "dense", 4, 1, "sigmoid", 5, s.layers().get(1).source())), s.layers());
		assertEquals(1, s.outputs());
	}

	@Test
	public void irisExampleHas131Parameters() throws Exception {
		NetworkShape s = example("iris.nnet", "IrisNet");
		assertEquals(131, s.totalParams());
		assertEquals(4, s.inputs());
		assertEquals(3, s.outputs());
		assertEquals(80, s.layers().get(0).params());
		assertEquals(51, s.layers().get(1).params());
	}

	@Test
	public void digitsExampleHas17226Parameters() throws Exception {
		NetworkShape s = example("digits.nnet", "DigitsNet");
		assertEquals(17226, s.totalParams());
		assertEquals(List.of(64, 128, 64), s.layers().stream().map(LayerShape::inputs).toList());
		assertEquals(List.of(128, 64, 10), s.layers().stream().map(LayerShape::outputs).toList());
		assertEquals("leaky_relu", s.layers().get(1).activation());
	}

	@Test
	public void perceptronExampleIsOneSignLayer() throws Exception {
		NetworkShape s = example("perceptron-and.nnet", "AndGate");
		assertEquals(1, s.layers().size());
		LayerShape l = s.layers().get(0);
		assertEquals("perceptron", l.kind());
		assertEquals("sign", l.activation());
		assertEquals(3, l.params());
	}

	@Test
	public void expandsNestedRepeatBlocksAndNamesTheCopies() throws Exception {
		NetworkShape s = shapes.infer(first("""
				network Deep {
				  input 8
				  repeat 2 {
				    dense block 16 relu
				    repeat 2 { dense inner 4 tanh }
				  }
				  dense 1
				}
				"""));
		assertEquals(List.of("block_1", "inner_1_1", "inner_1_2", "block_2", "inner_2_1", "inner_2_2", "dense7"),
				s.layers().stream().map(LayerShape::name).toList());
		assertEquals(List.of(8, 16, 4, 4, 16, 4, 4), s.layers().stream().map(LayerShape::inputs).toList());
		long expected = (8 * 16 + 16) + (16 * 4 + 4) + (4 * 4 + 4) + (4 * 16 + 16) + (16 * 4 + 4) + (4 * 4 + 4)
				+ (4 + 1);
		assertEquals(expected, s.totalParams());
		assertSame(s.layers().get(0).source(), s.layers().get(3).source(), "copies point at the declaring layer");
	}

	@Test
	public void unitsDefaultToIdentityActivation() throws Exception {
		NetworkShape s = shapes.infer(first("network N { input 3 dense 2 }"));
		assertEquals("identity", s.layers().get(0).activation());
		assertEquals("dense1", s.layers().get(0).name());
		assertEquals(8, s.totalParams());
	}

	@Test
	public void neverThrowsOnBrokenModels() throws Exception {
		assertEquals(0, shapes.infer(null).totalParams());
		Network empty = NnetFactory.eINSTANCE.createNetwork();
		assertTrue(shapes.infer(empty).layers().isEmpty());
		NetworkShape partial = shapes.infer(first("network N { input dense 3 relu dense -2 }"));
		for (LayerShape l : partial.layers()) {
			assertTrue(l.inputs() >= 0 && l.outputs() >= 0 && l.params() >= 0, l.toString());
		}
		NetworkShape huge = shapes.infer(first("network N { input 2 repeat 2000000000 { dense 3 relu } dense 1 }"));
		assertTrue(huge.truncated());
		assertEquals(ShapeInference.MAX_LAYERS, huge.layers().size());
	}
}

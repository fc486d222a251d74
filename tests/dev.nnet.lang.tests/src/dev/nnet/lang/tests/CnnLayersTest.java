package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.layer.Shape;
import dev.nnet.lang.generator.JavaGenerator;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.EngineModels;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.TrainingPlanner;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingStatus;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.lang.validation.IssueCodes;

/** Image input, conv2d, max_pool/avg_pool and flatten: grammar, typed shapes, rule 13, course rules, engine, Java. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class CnnLayersTest {

	static final String CNN = "network Cnn {\n  input 1x8x8\n  conv2d c1 4 kernel 3 padding same relu\n"
			+ "  max_pool p1 2\n  conv2d c2 8 kernel 3 stride 1 padding valid relu init he_normal\n"
			+ "  flatten\n  dense out 10 softmax\n  loss cross_entropy\n}\n";

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Inject
	private ShapeInference shapes;

	@Inject
	private JavaGenerator generator;

	@Inject
	private TrainingPlanner planner;

	private Model parse(String text) throws Exception {
		Model m = parseHelper.parse(text);
		assertTrue(m.eResource().getErrors().isEmpty(), m.eResource().getErrors().toString());
		return m;
	}

	private static Network network(Model m) {
		return EcoreUtil2.typeSelect(m.getElements(), Network.class).get(0);
	}

	private List<Issue> issues(String text, String code) throws Exception {
		return validation.validate(parse(text)).stream().filter(i -> code.equals(i.getCode())).toList();
	}

	@Test
	public void everyShapeFollowsTheFormulaAndParametersCountChannelsTimesKernel() throws Exception {
		NetworkShape s = shapes.infer(network(parse(CNN)));
		assertEquals(Shape.image(1, 8, 8), s.inputShape());
		assertEquals(64, s.inputs());
		assertEquals(List.of("c1", "p1", "c2", "flatten4", "out"), s.allLayers().stream().map(LayerShape::name).toList());
		assertEquals(List.of("4x8x8", "4x4x4", "8x2x2", "32", "10"),
				s.allLayers().stream().map(l -> l.output().toString()).toList(), "same keeps 8x8, pool halves, valid 4 - 3 + 1");
		assertEquals(List.of(4L * 9 + 4, 0L, 8L * 4 * 9 + 8, 0L, 32L * 10 + 10),
				s.allLayers().stream().map(LayerShape::params).toList());
		assertEquals(40 + 296 + 330, s.totalParams());
		assertEquals(List.of("out"), s.layers().stream().map(LayerShape::name).toList(), "layers() stays the dense ones");
		assertEquals(List.of("c1", "c2", "out"), s.weightedLayers().stream().map(LayerShape::name).toList());
	}

	@Test
	public void shapesAreCachedPerResourceUntilItChanges() throws Exception {
		Network n = network(parse(CNN));
		NetworkShape first = shapes.infer(n);
		assertSame(first, shapes.infer(n));
		n.setName("Renamed");
		NetworkShape after = shapes.infer(n);
		assertEquals("Renamed", after.name(), "a change of the resource evicts the cached shape");
	}

	@Test
	public void aValidCnnHasNoIssuesAndItsEngineSpecHasTheSameShapesAndParameters() throws Exception {
		Model m = parse(CNN);
		validation.assertNoIssues(m);
		NetworkShape s = shapes.infer(network(m));
		NetworkSpec spec = EngineModels.spec(network(m), s);
		assertEquals(List.of("conv2d", "max_pool", "conv2d", "flatten", "dense"),
				spec.definitions().stream().map(d -> d.type()).toList());
		assertEquals(Shape.image(1, 8, 8), spec.inputShape());
		assertEquals(s.totalParams(), spec.build().parameterCount());
		assertEquals(s.allLayers().stream().map(LayerShape::output).toList(), spec.shapes());
	}

	@Test
	public void aWindowLargerThanTheImageIsALocatedError() throws Exception {
		String text = "network N { input 1x4x4 max_pool p1 2 max_pool pool2 3 flatten dense out 1 sigmoid }";
		Issue issue = issues(text, IssueCodes.WINDOW_TOO_LARGE).get(0);
		assertEquals("Layer 'pool2' receives 2x2 but its window is 3x3.", issue.getMessage());
		assertEquals(text.indexOf("3 flatten"), issue.getOffset());
		String conv = "network N { input 1x2x2 conv2d c 2 kernel 5 relu flatten dense out 1 sigmoid }";
		assertEquals("Layer 'c' receives 2x2 but its window is 5x5.",
				issues(conv, IssueCodes.WINDOW_TOO_LARGE).get(0).getMessage());
		assertTrue(issues(conv.replace("relu", "padding same relu"), IssueCodes.WINDOW_TOO_LARGE).isEmpty(),
				"padding same always fits");
	}

	@Test
	public void paddingSameNeedsAnOddKernel() throws Exception {
		String text = "network N { input 1x8x8 conv2d c 2 kernel 4 padding same relu flatten dense out 1 sigmoid }";
		Issue issue = issues(text, IssueCodes.SAME_NEEDS_ODD_KERNEL).get(0);
		assertEquals("Layer 'c' uses padding same with the even kernel 4: same keeps the size only with an odd kernel"
				+ " (padding (k - 1) / 2 on each side). Use kernel 5 or padding valid.", issue.getMessage());
		assertEquals(List.of("5"), List.of(issue.getData()));
		assertTrue(issues(text.replace("padding same", "padding valid"), IssueCodes.SAME_NEEDS_ODD_KERNEL).isEmpty());
	}

	@Test
	public void convAndPoolNeedAnImage() throws Exception {
		List<Issue> found = issues("network N { input 64 conv2d c 2 kernel 3 relu max_pool 2 dense out 1 sigmoid }",
				IssueCodes.IMAGE_LAYER_ON_VECTOR);
		assertEquals(1, found.size(), "the pool after the broken conv has an unknown input: no cascade");
		assertEquals("Layer 'c' (conv2d) needs a C x H x W image but receives a vector of 64 values; declare the input"
				+ " as an image ('input 1x8x8') and keep conv2d layers before any flatten.", found.get(0).getMessage());
		assertEquals(1, issues("network N { input 1x8x8 flatten max_pool m 2 dense out 1 sigmoid }",
				IssueCodes.IMAGE_LAYER_ON_VECTOR).size());
	}

	@Test
	public void aDenseLayerAfterAnImageNeedsAFlatten() throws Exception {
		String text = "network N { input 1x8x8 conv2d c 2 kernel 3 relu dense out 1 sigmoid }";
		Issue issue = issues(text, IssueCodes.DENSE_NEEDS_FLATTEN).get(0);
		assertEquals("Layer 'out' (dense) receives the 2x6x6 image of 'c'; a dense layer needs a vector. Add 'flatten'"
				+ " before it (a vector of 72 values).", issue.getMessage());
		assertEquals(text.indexOf("dense out"), issue.getOffset());
		assertEquals("Layer 'd' (dense) receives the 1x8x8 image of the input; a dense layer needs a vector. Add"
				+ " 'flatten' before it (a vector of 64 values).",
				issues("network N { input 1x8x8 dense d 4 relu dense out 1 sigmoid }", IssueCodes.DENSE_NEEDS_FLATTEN)
						.get(0).getMessage());
	}

	@Test
	public void sizesMustBePositive() throws Exception {
		List<String> messages = validation.validate(parse("network N { input 0x8x8 conv2d c 0 kernel 0 stride 0 relu"
				+ " avg_pool a 0 stride 0 flatten dense out 1 sigmoid }")).stream().map(Issue::getMessage).toList();
		for (String expected : List.of(
				"The image input '0x8x8' must have positive channels, height and width, and at most 2147483647 values in all.",
				"The number of filters of layer 'c' must be positive, but it is 0.",
				"The kernel size of layer 'c' must be positive, but it is 0.",
				"The stride of layer 'c' must be positive, but it is 0.",
				"The window size of layer 'a' must be positive, but it is 0.",
				"The stride of layer 'a' must be positive, but it is 0.")) {
			assertTrue(messages.contains(expected), expected + " in " + messages);
		}
		assertNull(ShapeInference.inputShape(network(parse("network N { input 99999x99999x99999 dense out 1 }"))),
				"an image beyond 2^31 values is invalid, not an overflow");
	}

	@Test
	public void theDataMustHaveChannelsTimesHeightTimesWidthFeatures() throws Exception {
		String text = "data d { samples { (1, 2, 3, 4, 5) -> 0 (5, 4, 3, 2, 1) -> 1 } }\n"
				+ "network N { input 1x2x3 flatten dense out 1 sigmoid }\ntraining t { network N data d }";
		Issue issue = issues(text, IssueCodes.IMAGE_INPUT_MISMATCH).get(0);
		assertEquals("Network 'N' expects 1x2x3 = 6 inputs but data 'd' has 5 features; an image input needs C*H*W"
				+ " feature columns.", issue.getMessage());
		assertTrue(issues(text.replace("1x2x3", "1x1x5"), IssueCodes.IMAGE_INPUT_MISMATCH).isEmpty());
	}

	@Test
	public void courseRulesCountConvLayersButNotPoolsOrFlatten() throws Exception {
		// four sigmoid convolutions in a row, pools between them: a vanishing-gradient stack
		String deep = "network N { input 1x16x16 conv2d a 2 kernel 3 padding same sigmoid max_pool 1"
				+ " conv2d b 2 kernel 3 padding same sigmoid avg_pool 1 conv2d c 2 kernel 3 padding same sigmoid flatten"
				+ " dense d 4 sigmoid dense out 1 sigmoid }";
		Issue vanishing = issues(deep, IssueCodes.VANISHING_GRADIENTS).get(0);
		assertTrue(vanishing.getMessage().startsWith("Layers 'a' to 'out' of network 'N' stack 5 sigmoid/tanh"),
				vanishing.getMessage());
		// identity convolutions and an average pool collapse to a linear model; a max pool does not
		String linear = "network N { input 1x4x4 conv2d a 2 kernel 3 avg_pool 2 flatten dense out 1 sigmoid }";
		assertEquals(1, issues(linear, IssueCodes.COLLAPSES_TO_LINEAR).size());
		assertTrue(issues(linear.replace("avg_pool", "max_pool"), IssueCodes.COLLAPSES_TO_LINEAR).isEmpty());
		// zero initial kernels in a hidden conv layer keep its filters identical
		Issue symmetric = issues("network N { input 1x4x4 conv2d a 2 kernel 3 relu init zeros flatten dense out 1 sigmoid }",
				IssueCodes.SYMMETRIC_INITIALIZATION).get(0);
		assertEquals(List.of("he_normal"), List.of(symmetric.getData()));
		assertEquals(1, issues("network N { input 1x4x4 conv2d a 2 kernel 3 sign flatten dense out 1 sigmoid }",
				IssueCodes.NON_DIFFERENTIABLE_ACTIVATION).size());
	}

	@Test
	public void namesAreUniqueAcrossConvPoolAndFlatten() throws Exception {
		String text = "network N { input 1x4x4 conv2d a 2 kernel 3 relu max_pool a 2 flatten f dense f 1 sigmoid }";
		List<Issue> found = issues(text, IssueCodes.DUPLICATE_NAME);
		assertEquals(List.of(text.indexOf("a 2 flatten"), text.indexOf("f 1 sigmoid")),
				found.stream().map(Issue::getOffset).toList(), found.toString());
	}

	@Test
	public void anUnknownActivationOfAConvLayerIsReportedAndTheRestStillParses() throws Exception {
		Model m = parse("network N { input 1x4x4 conv2d c1 2 kernel 3 reluu flatten dense out 1 sigmoid }");
		Issue issue = validation.validate(m).stream().filter(i -> IssueCodes.UNKNOWN_ACTIVATION.equals(i.getCode()))
				.findFirst().orElseThrow();
		assertTrue(issue.getMessage().startsWith("Layer 'c1' of network 'N' has the unknown activation 'reluu'; did you"
				+ " mean relu?"), issue.getMessage());
		assertEquals(3, shapes.infer(network(m)).allLayers().size());
	}

	/** The example as written: ./nnet train reaches 100% of the 359 test rows in 14 epochs; the issue asks for 98.5%. */
	@Test
	public void theDigitsCnnExampleReachesItsTestAccuracy() throws Exception {
		Model m = parseHelper.parse(Examples.read("digits-cnn.nnet"),
				URI.createFileURI(Examples.path("digits-cnn.nnet").toString()), resourceSets.get());
		validation.assertNoIssues(m);
		Training t = EcoreUtil2.typeSelect(m.getElements(), Training.class).get(0);
		TrainingResult r = planner.plan(t, RunOverrides.NONE).run(new dev.nnet.engine.train.TrainingListener() {
		}, new dev.nnet.engine.train.CancellationToken());
		assertEquals(TrainingStatus.CONVERGED, r.status(), r.message());
		assertTrue(r.testAccuracy() >= 0.985, r.testAccuracy() + " after " + r.epochs() + " epochs");
	}

	@Test
	public void generatedJavaBuildsTheImageLayers() throws Exception {
		Model m = parseHelper.parse(CNN, URI.createFileURI("/tmp/cnn.nnet"), resourceSets.get());
		Map<String, String> files = generator.generate(m.eResource());
		String java = files.values().stream().filter(s -> s.contains("class Cnn")).findFirst().orElseThrow();
		for (String expected : List.of("NetworkSpec.builder(dev.nnet.engine.layer.Shape.image(1, 8, 8))",
				".add(new dev.nnet.engine.layer.Conv2dSpec(\"c1\", 4, 3, 1, dev.nnet.engine.layer.Padding.SAME,"
						+ " Activations.relu(), NetworkSpec.defaultWeightInit(Activations.relu()), Initializers.zeros()))",
				".maxPool(\"p1\", 2, 2)", ".flatten(\"flatten4\")", "// c2: conv2d 4x4x4 -> 8x2x2, 296 parameters")) {
			assertTrue(java.contains(expected), expected + " in\n" + java);
		}
		assertFalse(java.contains("null"), java);
	}
}

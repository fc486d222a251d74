package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.nnet.engine.layer.BatchNormSpec;
import dev.nnet.engine.layer.DropoutSpec;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingStatus;
import dev.nnet.lang.generator.JavaGenerator;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.EngineModels;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.TrainingPlan;
import dev.nnet.lang.run.TrainingPlanner;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.lang.validation.IssueCodes;

/** dropout and batch_norm from the grammar through shapes, rules, engine mapping, generated Java and training. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class LayerTypesTest {

	private static final String DATA = "data xor { samples { (0, 0) -> 0 (0, 1) -> 1 (1, 0) -> 1 (1, 1) -> 0 } label 0 }\n";

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

	private Network network(Model m) {
		return EcoreUtil2.typeSelect(m.getElements(), Network.class).get(0);
	}

	private static final String NET = "network N {\n  input 2\n  dense h 8 tanh\n  batch_norm bn\n  dropout 0.25\n"
			+ "  dense out 1 sigmoid\n  loss binary_cross_entropy\n}\n";

	@Test
	public void shapesListEveryLayerAndCountBatchNormParameters() throws Exception {
		NetworkShape s = shapes.infer(network(parse(NET)));
		assertEquals(List.of("h", "bn", "dropout3", "out"), s.allLayers().stream().map(LayerShape::name).toList());
		assertEquals(List.of("dense", "batch_norm", "dropout", "dense"),
				s.allLayers().stream().map(LayerShape::kind).toList());
		assertEquals(List.of("h", "out"), s.layers().stream().map(LayerShape::name).toList(),
				"layers() stays the dense layers that the course rules and the graph talk about");
		assertEquals(8, s.allLayers().get(2).inputs());
		assertEquals(8, s.allLayers().get(3).inputs(), "dropout and batch_norm keep the width");
		assertEquals(24 + 16 + 0 + 9, s.totalParams());
	}

	@Test
	public void engineSpecHasTheSameLayersInOrder() throws Exception {
		NetworkShape s = shapes.infer(network(parse(NET)));
		NetworkSpec spec = EngineModels.spec(network(parse(NET)), s);
		assertEquals(4, spec.definitions().size());
		assertEquals(new DropoutSpec("dropout3", 0.25), spec.definitions().get(2));
		assertEquals(new BatchNormSpec("bn", 0.1, 1e-5), spec.definitions().get(1));
		dev.nnet.engine.Network net = spec.build();
		assertEquals(s.totalParams(), net.parameterCount());
	}

	@Test
	public void dropoutOutsideItsRangeIsAnErrorOnTheNumber() throws Exception {
		String text = "network N { input 2 dense h 4 tanh dropout d 1.0 dense out 1 sigmoid }";
		Model m = parse(text);
		List<Issue> issues = validation.validate(m);
		Issue issue = issues.stream().filter(i -> IssueCodes.INVALID_DROPOUT.equals(i.getCode())).findFirst().orElseThrow();
		assertEquals("The dropout probability of layer 'd' must lie in [0, 1), but it is 1.", issue.getMessage());
		assertEquals(text.indexOf("1.0"), issue.getOffset());
		validation.assertNoErrors(parse("network N { input 2 dense h 4 tanh dropout d 0 dense out 1 sigmoid }"));
	}

	@Test
	public void batchNormSettingsAreChecked() throws Exception {
		Model m = parse("network N { input 2 dense h 4 tanh batch_norm b momentum 0 eps 0 dense out 1 sigmoid }");
		List<String> messages = validation.validate(m).stream().map(Issue::getMessage).toList();
		assertTrue(messages.contains("The momentum of batch_norm layer 'b' must lie in (0, 1], but it is 0."),
				messages.toString());
		assertTrue(messages.contains("The eps of batch_norm layer 'b' must be positive, but it is 0."),
				messages.toString());
	}

	@Test
	public void aNetworkMustEndWithADenseLayer() throws Exception {
		String text = "network N { input 2 dense h 4 tanh dense out 1 sigmoid dropout tail 0.5 }";
		Issue issue = validation.validate(parse(text)).stream()
				.filter(i -> IssueCodes.OUTPUT_NOT_DENSE.equals(i.getCode())).findFirst().orElseThrow();
		assertEquals("Network 'N' ends with the dropout layer 'tail'; the output layer must be dense (the loss reads"
				+ " its activation). Add a dense output layer after it.", issue.getMessage());
		assertEquals(text.indexOf("dropout tail"), issue.getOffset());
	}

	@Test
	public void namesAreUniqueAcrossLayerTypes() throws Exception {
		List<Issue> issues = validation.validate(parse("network N { input 2 dense a 4 tanh dropout a 0.1 dense out 1 sigmoid }"));
		assertTrue(issues.stream().anyMatch(i -> IssueCodes.DUPLICATE_NAME.equals(i.getCode())
				&& i.getMessage().equals("Network 'N' has more than one layer named 'a'.")), issues.toString());
	}

	@Test
	public void courseRulesSeeThroughDropoutAndBatchNorm() throws Exception {
		// two identity dense layers with a dropout between them still collapse to one linear model
		List<Issue> linear = validation.validate(parse(
				"network N { input 2 dense a 4 dropout 0.1 batch_norm dense out 1 sigmoid loss binary_cross_entropy }"));
		assertTrue(linear.stream().anyMatch(i -> IssueCodes.COLLAPSES_TO_LINEAR.equals(i.getCode())), linear.toString());
		// four stacked tanh layers with batch norms between them are still a vanishing-gradient stack
		List<Issue> deep = validation.validate(parse("network N { input 2 dense a 4 tanh batch_norm dense b 4 tanh dropout 0.1"
				+ " dense c 4 tanh batch_norm dense d 4 tanh dense out 1 sigmoid }"));
		assertTrue(deep.stream().anyMatch(i -> IssueCodes.VANISHING_GRADIENTS.equals(i.getCode())), deep.toString());
	}

	@Test
	public void generatedJavaBuildsTheLayersInOrder() throws Exception {
		Model m = parseHelper.parse(NET, URI.createFileURI("/tmp/n.nnet"), resourceSets.get());
		Map<String, String> files = generator.generate(m.eResource());
		String java = files.values().stream().filter(s -> s.contains("class N")).findFirst().orElseThrow();
		assertTrue(java.contains(".add(new dev.nnet.engine.layer.BatchNormSpec(\"bn\", 0.1, 1.0E-5))"), java);
		assertTrue(java.contains(".dropout(\"dropout3\", 0.25)"), java);
		assertTrue(java.indexOf("BatchNormSpec") < java.indexOf(".dropout("), java);
	}

	@Test
	public void aNetworkWithBatchNormAndDropoutLearnsXor() throws Exception {
		Model m = parseHelper.parse(DATA + NET + "training t { network N data xor optimizer adam learningRate 0.05"
				+ " batch full epochs 400 seed 1 }", URI.createFileURI("/tmp/xor-bn.nnet"), resourceSets.get());
		validation.assertNoErrors(m);
		Training t = EcoreUtil2.typeSelect(m.getElements(), Training.class).get(0);
		TrainingPlan plan = planner.plan(t, RunOverrides.NONE);
		TrainingResult r = plan.run(new dev.nnet.engine.train.TrainingListener() {
		}, new dev.nnet.engine.train.CancellationToken());
		assertEquals(TrainingStatus.COMPLETED, r.status(), r.message());
		double[][] p = plan.network().predict(new double[][] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } });
		assertTrue(p[0][0] < 0.5 && p[1][0] > 0.5 && p[2][0] > 0.5 && p[3][0] < 0.5, java.util.Arrays.deepToString(p));
	}
}

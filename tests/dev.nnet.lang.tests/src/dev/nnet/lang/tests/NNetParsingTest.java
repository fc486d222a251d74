package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource.Diagnostic;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.nnet.lang.nnet.*;

/** Parses real .nnet text and checks the model the parser builds: every construct of the language. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class NNetParsingTest {

	private static final String XOR = """
			// XOR needs a hidden layer
			data xor {
			  samples { (0, 0) -> 0  (0, 1) -> 1  (1, 0) -> 1  (1, 1) -> 0 }
			}
			network XorNet {
			  input 2
			  dense hidden 4 tanh init xavier
			  dense out 1 sigmoid
			  loss mse
			}
			perceptron AndGate { input 2 threshold 0 }
			training xorRun {
			  network XorNet  data xor
			  optimizer sgd learningRate 0.5
			  batch full
			  epochs 5000  seed 42  precision float32
			  stop when accuracy >= 100%
			}
			""";

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private Provider<ResourceSet> resourceSets;

	private Model parseClean(String text) throws Exception {
		Model model = parseHelper.parse(text);
		List<Diagnostic> errors = model.eResource().getErrors();
		assertTrue(errors.isEmpty(), "Unexpected errors: " + errors);
		return model;
	}

	@Test
	public void parsesNetworkDataPerceptronAndTraining() throws Exception {
		Model model = parseClean(XOR);
		assertEquals(4, model.getElements().size());

		DataSet data = (DataSet) model.getElements().get(0);
		assertEquals(4, data.getSamples().size());
		assertEquals(List.of(1.0, 0.0), data.getSamples().get(2).getFeatures());
		assertEquals(List.of(1.0), data.getSamples().get(2).getTargets());

		Network net = (Network) model.getElements().get(1);
		assertEquals(2, net.getInput().getSize());
		assertEquals(2, net.getLayers().size());
		Dense hidden = (Dense) net.getLayers().get(0);
		assertEquals("hidden", hidden.getName());
		assertEquals(4, hidden.getUnits());
		assertEquals(ActivationKind.TANH, hidden.getActivation().getKind());
		assertEquals(InitKind.XAVIER, hidden.getInit().getKind());
		assertEquals(LossKind.MSE, net.getLoss());

		Perceptron p = (Perceptron) model.getElements().get(2);
		assertEquals(2, p.getInput().getSize());
		assertEquals(0.0, p.getThreshold());
		assertNull(p.getOutputs());

		Training training = (Training) model.getElements().get(3);
		assertSame(net, training.getNetwork(), "training refers to the network declared above");
		assertSame(data, training.getData());
		assertEquals(5000, training.getEpochs());
		assertEquals(42, training.getSeed());
		assertEquals(Precision.FLOAT32, training.getPrecision());
		assertEquals(OptimizerKind.SGD, training.getOptimizer().getKind());
		assertEquals(0.5, training.getOptimizer().getLearningRate());
		assertTrue(training.getBatch().isFull());
		TargetStop stop = (TargetStop) training.getStop().getConditions().get(0);
		assertEquals(Metric.ACCURACY, stop.getMetric());
		assertEquals(Comparison.AT_LEAST, stop.getComparison());
		assertEquals(100.0, stop.getValue());
		assertTrue(stop.isPercent());
	}

	@Test
	public void parsesCsvDataWithColumnsByNameAndIndexScalingAndSplit() throws Exception {
		Model model = parseClean("""
				data iris from "iris.csv" { label "species"  features "a", 1, "c"  standardize  split test 20% seed 7 }
				data byIndex from "r.csv" { target 4  minmax }
				""");
		DataSet iris = (DataSet) model.getElements().get(0);
		assertEquals("iris.csv", iris.getFile());
		assertEquals("species", ((NamedColumn) iris.getLabel()).getName());
		assertEquals(3, iris.getFeatures().size());
		assertEquals(1, ((IndexedColumn) iris.getFeatures().get(1)).getIndex());
		assertEquals(Scaling.STANDARDIZE, iris.getScaling());
		assertEquals(20.0, iris.getSplit().getPercent());
		assertEquals(7, iris.getSplit().getSeed());
		DataSet byIndex = (DataSet) model.getElements().get(1);
		assertEquals(4, ((IndexedColumn) byIndex.getTarget()).getIndex());
		assertEquals(Scaling.MINMAX, byIndex.getScaling());
	}

	@Test
	public void parsesMultiTargetSamplesAndNegativeDecimals() throws Exception {
		Model model = parseClean("data r { samples { (-1.5, 2.25e-1) -> (0.5, -3) } }");
		Sample s = ((DataSet) model.getElements().get(0)).getSamples().get(0);
		assertEquals(List.of(-1.5, 0.225), s.getFeatures());
		assertEquals(List.of(0.5, -3.0), s.getTargets());
	}

	@Test
	public void parsesEveryActivationWithParameters() throws Exception {
		Model model = parseClean("""
				network All {
				  input 3
				  dense a 4 identity
				  dense b 4 sign
				  dense c 4 sigmoid
				  dense d 4 tanh
				  dense e 4 relu
				  dense f 4 leaky_relu(0.2)
				  dense g 4 abs
				  dense h 4 elu(1.5)
				  dense i 4 softplus
				  dense 2 softmax
				}
				""");
		Network n = (Network) model.getElements().get(0);
		assertEquals(10, n.getLayers().size());
		Dense f = (Dense) n.getLayers().get(5);
		assertEquals(ActivationKind.LEAKY_RELU, f.getActivation().getKind());
		assertEquals(0.2, f.getActivation().getParameter());
		assertEquals(ActivationKind.ELU, ((Dense) n.getLayers().get(7)).getActivation().getKind());
		assertNull(((Dense) n.getLayers().get(9)).getName(), "layer names are optional");
	}

	@Test
	public void parsesEveryInitializerAndBiasInit() throws Exception {
		Model model = parseClean("""
				network Inits {
				  input 2
				  dense a 2 tanh init zeros
				  dense b 2 tanh init constant(0.1) bias constant(0.5)
				  dense c 2 tanh init uniform(-0.5, 0.5)
				  dense d 2 tanh init normal(0, 0.01)
				  dense e 2 tanh init xavier_uniform
				  dense f 2 tanh init xavier_normal
				  dense g 2 relu init he_uniform
				  dense h 2 relu init he_normal
				  dense i 2 relu init he
				  dense j 1 sigmoid init xavier
				  loss binary_cross_entropy
				}
				""");
		Network n = (Network) model.getElements().get(0);
		Dense c = (Dense) n.getLayers().get(2);
		assertEquals(InitKind.UNIFORM, c.getInit().getKind());
		assertEquals(List.of(-0.5, 0.5), c.getInit().getArguments());
		Dense b = (Dense) n.getLayers().get(1);
		assertEquals(InitKind.CONSTANT, b.getBiasInit().getKind());
		assertEquals(LossKind.BINARY_CROSS_ENTROPY, n.getLoss());
	}

	@ParameterizedTest
	@ValueSource(strings = { "cross_entropy", "binary_cross_entropy", "mse", "perceptron", "hinge" })
	public void parsesEveryLoss(String loss) throws Exception {
		Network n = (Network) parseClean("network N { input 1 dense 1 loss " + loss + " }").getElements().get(0);
		assertEquals(loss, n.getLoss().getLiteral());
	}

	@Test
	public void parsesRepeatBlocks() throws Exception {
		Network n = (Network) parseClean("""
				network Deep {
				  input 8
				  repeat 3 {
				    dense block 16 relu
				    repeat 2 { dense 8 tanh }
				  }
				  dense out 1
				}
				""").getElements().get(0);
		Repeat r = (Repeat) n.getLayers().get(0);
		assertEquals(3, r.getCount());
		assertEquals(2, r.getLayers().size());
		assertInstanceOf(Repeat.class, r.getLayers().get(1));
	}

	@Test
	public void parsesEveryOptimizerScheduleAndStopRule() throws Exception {
		Model model = parseClean("""
				network N { input 1 dense 1 }
				data d { samples { (1) -> 1 } }
				training a { network N data d optimizer sgd learningRate 0.1 weightDecay 0.001 }
				training b { network N data d optimizer momentum learningRate 0.1 mu 0.9 schedule step size 10 gamma 0.5 }
				training c { network N data d optimizer nesterov mu 0.8 schedule exponential gamma 0.99 }
				training e { network N data d optimizer adagrad eps 1.0e-8 schedule cosine tmax 100 min 0.001 }
				training f { network N data d optimizer rmsprop alpha 0.99 eps 1.0e-8 batch 1 shuffle off }
				training g { data d network N optimizer adam beta1 0.9 beta2 0.999 eps 1.0e-8 learningRate 0.001
				             batch 8 shuffle on precision float64
				             stop when loss <= 0.01 or when accuracy >= 0.95 or early patience 5
				             save "model.json" }
				""");
		List<Training> ts = EcoreUtil2.typeSelect(model.getElements(), Training.class);
		assertEquals(6, ts.size());
		assertEquals(OptimizerKind.MOMENTUM, ts.get(1).getOptimizer().getKind());
		assertEquals(0.9, ts.get(1).getOptimizer().getMu());
		StepSchedule step = (StepSchedule) ts.get(1).getSchedule();
		assertEquals(10, step.getSize());
		assertEquals(0.5, step.getGamma());
		assertInstanceOf(ExponentialSchedule.class, ts.get(2).getSchedule());
		CosineSchedule cos = (CosineSchedule) ts.get(3).getSchedule();
		assertEquals(100, cos.getTmax());
		assertEquals(0.001, cos.getMin());
		assertEquals(0.99, ts.get(4).getOptimizer().getAlpha());
		assertEquals(Switch.OFF, ts.get(4).getShuffle());
		assertEquals(1, ts.get(4).getBatch().getSize());
		Training g = ts.get(5);
		assertEquals(0.999, g.getOptimizer().getBeta2());
		assertEquals(1.0e-8, g.getOptimizer().getEps());
		assertEquals(8, g.getBatch().getSize());
		assertEquals(Precision.FLOAT64, g.getPrecision());
		assertEquals(3, g.getStop().getConditions().size());
		assertEquals(Comparison.AT_MOST, ((TargetStop) g.getStop().getConditions().get(0)).getComparison());
		assertEquals(5, ((EarlyStop) g.getStop().getConditions().get(2)).getPatience());
		assertEquals("model.json", g.getSave());
	}

	@Test
	public void parsesPackageImportsAndComments() throws Exception {
		Model model = parseClean("""
				/* a block comment */
				package my.nets
				import other.lib.*
				import other.Single
				// a line comment
				perceptron P { input 3 outputs 2 threshold -0.5 }
				""");
		assertEquals("my.nets", model.getName());
		assertEquals("other.lib.*", model.getImports().get(0).getImportedNamespace());
		Perceptron p = (Perceptron) model.getElements().get(0);
		assertEquals(2, p.getOutputs());
		assertEquals(-0.5, p.getThreshold());
	}

	@Test
	public void reportsSyntaxErrorWithItsLine() throws Exception {
		Model model = parseHelper.parse("network Broken {\n  input 2\n  dense hidden tanh\n}\n");
		List<Diagnostic> errors = model.eResource().getErrors();
		assertFalse(errors.isEmpty(), "a dense layer without units must not parse");
		assertEquals(3, errors.get(0).getLine(), "error is on the line of the broken layer: " + errors);
	}

	@Test
	public void reportsUnresolvedNetworkReference() throws Exception {
		Model model = parseHelper.parse("data d { samples { (1) -> 1 } }\ntraining t {\n  network Missing\n  data d\n}\n");
		EcoreUtil2.resolveAll(model);
		List<Diagnostic> errors = model.eResource().getErrors();
		assertEquals(1, errors.size(), "only the reference is wrong: " + errors);
		assertTrue(errors.get(0).getMessage().contains("Missing"), errors.get(0).getMessage());
		assertEquals(3, errors.get(0).getLine());
	}

	@Test
	public void resolvesReferencesAcrossFilesByQualifiedNameAndImport() throws Exception {
		ResourceSet set = resourceSets.get();
		Model lib = parseHelper.parse("""
				package shared
				network Net { input 2 dense 1 sigmoid }
				data xor { samples { (0, 0) -> 0 (1, 1) -> 1 } }
				""", URI.createURI("memory:/lib.nnet"), set);
		Model user = parseHelper.parse("""
				import shared.*
				training viaImport { network Net data xor }
				training qualified { network shared.Net data shared.xor }
				""", URI.createURI("memory:/user.nnet"), set);
		EcoreUtil2.resolveAll(user);
		assertTrue(user.eResource().getErrors().isEmpty(), user.eResource().getErrors().toString());
		Network net = (Network) lib.getElements().get(0);
		for (Training t : EcoreUtil2.typeSelect(user.getElements(), Training.class)) {
			assertSame(net, t.getNetwork(), t.getName());
			assertSame(lib.getElements().get(1), t.getData(), t.getName());
		}
	}

	@Test
	public void resolvesReferencesAcrossFilesWithoutPackages() throws Exception {
		ResourceSet set = resourceSets.get();
		Model lib = parseHelper.parse("network Shared { input 1 dense 1 }", URI.createURI("memory:/a.nnet"), set);
		Model user = parseHelper.parse("data d { samples { (1) -> 1 } } training t { network Shared data d }",
				URI.createURI("memory:/b.nnet"), set);
		EcoreUtil2.resolveAll(user);
		assertTrue(user.eResource().getErrors().isEmpty(), user.eResource().getErrors().toString());
		assertSame(lib.getElements().get(0), ((Training) user.getElements().get(1)).getNetwork());
	}

	@ParameterizedTest
	@ValueSource(strings = { "perceptron-and.nnet", "xor.nnet", "iris.nnet", "digits.nnet" })
	public void everyExampleParsesWithoutErrors(String file) throws Exception {
		Model model = parseHelper.parse(Examples.read(file), URI.createFileURI(Examples.path(file).toString()),
				resourceSets.get());
		EcoreUtil2.resolveAll(model);
		assertTrue(model.eResource().getErrors().isEmpty(), file + ": " + model.eResource().getErrors());
		assertFalse(model.getElements().isEmpty());
	}
}

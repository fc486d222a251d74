package dev.nnet.lang.tests.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.nnet.engine.metrics.Metrics;
import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.LayerStats;
import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.lang.analysis.GradientFlow;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.TrainingPlan;
import dev.nnet.lang.run.TrainingPlanner;
import dev.nnet.lang.runs.ConfusionMatrix;
import dev.nnet.lang.runs.RunDiagnostic;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.runs.RunStore;
import dev.nnet.lang.tests.Examples;
import dev.nnet.lang.tests.NNetInjectorProvider;

/** What a run record holds beyond the epoch metrics: histograms, activations, confusion matrix, gradient flow. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class RunContentsTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Inject
	private TrainingPlanner planner;

	@Inject
	private ValidationTestHelper validation;

	private RunRecord run(String file, String training, Integer epochs) throws Exception {
		Model m = parseHelper.parse(Examples.read(file), URI.createFileURI(Examples.path(file).toString()),
				resourceSets.get());
		Training t = m.getElements().stream().filter(e -> e instanceof Training x && x.getName().equals(training))
				.map(Training.class::cast).findFirst().orElseThrow();
		TrainingPlan plan = planner.plan(t, new RunOverrides(epochs, null, null));
		Instant started = Instant.now();
		RunRecord run = new RunRecord(RunStore.newId(started, training), file, plan.networkName(), training,
				plan.dataName(), started, plan.maxEpochs(), plan.shape().layers().stream().map(l -> l.name()).toList());
		TrainingResult result = plan.run(new TrainingListener() {
			@Override
			public void onEpochEnd(EpochEnd event) {
				run.addEpoch(event);
			}
		}, null);
		run.describe(plan.model(), plan.trainData(), plan.testData());
		run.finish(result);
		lastPlan = plan;
		return run;
	}

	private TrainingPlan lastPlan;

	@Test
	public void histogramsActivationsAndConfusionSurviveSaveAndLoad(@TempDir Path dir) throws Exception {
		RunRecord run = run("iris.nnet", "irisRun", 20);
		ConfusionMatrix m = run.confusion();
		assertNotNull(m);
		assertEquals("test", m.data());
		assertEquals(30, m.total());
		assertArrayEquals(Metrics.confusionMatrix(Metrics.predictClasses(lastPlan.model(), lastPlan.testData()),
				lastPlan.testData().classes(), 3), m.counts());
		assertEquals(List.of("relu", "softmax"), run.activations());
		RunStore store = new RunStore(dir);
		store.save(run);
		assertTrue(Files.readString(dir.resolve(run.id()).resolve("epochs.csv")).startsWith(
				"epoch,learningRate,trainLoss,trainAccuracy,testLoss,testAccuracy,gradientNorm:hidden,weightNorm:hidden,"
						+ "updateRatio:hidden,deadFraction:hidden,activationMean:hidden,activationStd:hidden,"));
		RunRecord back = store.list().get(0);
		assertEquals(run.activations(), back.activations());
		assertArrayEquals(m.counts(), back.confusion().counts());
		assertEquals(m.labels(), back.confusion().labels());
		LayerStats a = run.lastEpoch().layers().get(0);
		LayerStats b = back.lastEpoch().layers().get(0);
		assertEquals(a.activationMean(), b.activationMean(), Math.abs(a.activationMean()) * 1e-8);
		assertEquals(a.activationStd(), b.activationStd(), Math.abs(a.activationStd()) * 1e-8);
		assertArrayEquals(a.weights().counts(), b.weights().counts());
		assertArrayEquals(a.gradients().counts(), b.gradients().counts());
		assertEquals(a.weights().min(), b.weights().min(), Math.abs(a.weights().min()) * 1e-8);
		assertEquals(64, b.weights().total(), "4x16 weights");
	}

	@Test
	public void aRunFolderOfTheFirstFormatStillLoads(@TempDir Path dir) throws Exception {
		Path run = Files.createDirectories(dir.resolve("20260101-000000-000-old"));
		Files.writeString(run.resolve("run.json"), """
				{ "format": 1, "id": "20260101-000000-000-old", "source": "xor.nnet", "network": "XorNet",
				  "training": "xorRun", "data": "xor", "started": "2026-01-01T00:00:00Z", "durationMillis": 5,
				  "maxEpochs": 2, "status": "COMPLETED", "message": "ran 2 epochs", "layers": ["hidden", "out"],
				  "final": { "epochs": 2 }, "diagnostics": [] }
				""", StandardCharsets.UTF_8);
		Files.writeString(run.resolve("epochs.csv"), """
				epoch,learningRate,trainLoss,trainAccuracy,testLoss,testAccuracy,gradientNorm:hidden,weightNorm:hidden,updateRatio:hidden,deadFraction:hidden,gradientNorm:out,weightNorm:out,updateRatio:out,deadFraction:out
				1,0.5,0.25,0.5,NaN,NaN,0.1,1.0,0.01,NaN,0.2,1.5,0.02,NaN
				2,0.5,0.24,0.75,NaN,NaN,0.1,1.0,0.01,NaN,0.2,1.5,0.02,NaN
				""", StandardCharsets.UTF_8);
		RunStore store = new RunStore(dir);
		List<RunRecord> runs = store.list();
		assertEquals(List.of(), store.problems());
		RunRecord r = runs.get(0);
		assertEquals(2, r.epochs().size());
		assertEquals(0.2, r.lastEpoch().layers().get(1).gradientNorm());
		assertTrue(Double.isNaN(r.lastEpoch().layers().get(1).activationMean()));
		assertEquals(0, r.lastEpoch().layers().get(1).weights().total());
		assertTrue(r.activations().isEmpty());
		assertNull(r.confusion());
	}

	@Test
	public void staticBoundIsTheProductOfDerivativeBoundsAboveEachLayer() {
		assertArrayEquals(new double[] { 0.25 * 0.25 * 1, 0.25, 1 },
				GradientFlow.predicted(List.of("sigmoid", "sigmoid", "softmax")), 1e-15);
		assertArrayEquals(new double[] { 1, 1, 1 }, GradientFlow.predicted(List.of("relu", "tanh", "sigmoid")), 1e-15);
		assertEquals(Math.pow(0.25, 4), GradientFlow.vanishingThreshold(4), 1e-18);
	}

	@Test
	public void theDeepSigmoidExampleIsFlaggedAfterItRunsAndHealthyIrisIsNot() throws Exception {
		Model source = parseHelper.parse(Examples.read("deep-sigmoid.nnet"),
				URI.createFileURI(Examples.path("deep-sigmoid.nnet").toString()), resourceSets.get());
		assertEquals(List.of("dev.nnet.lang.vanishingGradients"),
				validation.validate(source).stream().map(Issue::getCode).toList(), "the static warning comes first");
		RunRecord deep = run("deep-sigmoid.nnet", "deepSigmoidRun", null);
		EpochEnd last = deep.lastEpoch();
		double[] measured = GradientFlow.measured(last);
		double[] predicted = GradientFlow.predicted(deep.activations());
		assertEquals(Math.pow(0.25, 6), predicted[0], 1e-15);
		assertTrue(measured[0] < GradientFlow.vanishingThreshold(4), "measured h1/output " + measured[0]);
		RunDiagnostic d = deep.diagnostics().stream()
				.filter(x -> x.code().equals("vanishingGradient") && "h1".equals(x.layer())).findFirst()
				.orElseThrow(() -> new AssertionError(deep.diagnostics().toString()));
		assertTrue(d.message().contains("of the output layer's") && d.message().contains("0.25^4")
				&& d.message().contains("static bound of the activations is 0.000244"), d.message());
		RunRecord iris = run("iris.nnet", "irisRun", 20);
		assertTrue(iris.diagnostics().stream().noneMatch(x -> x.code().equals("vanishingGradient")),
				iris.diagnostics().toString());
	}

	@Test
	public void aLongRunKeepsHistogramsOfAtMostTwoHundredEpochsSpreadOverIt() throws Exception {
		RunRecord run = run("xor.nnet", "xorRun", null);
		RunRecord longRun = new RunRecord("long", "xor.nnet", "XorNet", "long", "xor", Instant.now(), 1000,
				run.layerNames());
		// a run of more than 200 epochs keeps histograms of only some of them: copy one that has them
		EpochEnd template = run.epochs().stream().filter(e -> e.layers().get(0).weights().total() > 0).findFirst()
				.orElseThrow();
		for (int e = 1; e <= 1000; e++) {
			longRun.addEpoch(new EpochEnd(e, template.learningRate(), template.trainLoss(), template.trainAccuracy(),
					template.testLoss(), template.testAccuracy(), template.layers()));
		}
		List<Integer> kept = longRun.epochs().stream().filter(e -> e.layers().get(0).weights().total() > 0)
				.map(EpochEnd::epoch).toList();
		assertTrue(kept.size() <= RunRecord.HISTOGRAM_EPOCHS && kept.size() >= RunRecord.HISTOGRAM_EPOCHS / 2,
				kept.size() + " epochs with histograms");
		assertEquals(1000, longRun.epochs().size(), "every epoch's figures are kept");
		assertTrue(kept.get(kept.size() - 1) > 900, "spread to the end: " + kept);
		assertTrue(Double.isFinite(longRun.epochs().get(998).layers().get(0).activationMean()));
	}

	@Test
	public void theBoundaryOfFourInputsIsAChosenPlaneWithTheOthersAtTheirMeans() throws Exception {
		run("iris.nnet", "irisRun", 20);
		var b = dev.nnet.lang.runs.DecisionBoundary.sample(lastPlan.model(), lastPlan.trainData(),
				lastPlan.testData(), 2, 3, 10);
		assertEquals(List.of("petal_length", "petal_width"), List.of(b.xName(), b.yName()));
		assertEquals(2, b.heldAtMeans());
		assertEquals(30, b.testPoints().length);
		assertEquals(lastPlan.testData().feature(0, 2), b.testPoints()[0][0]);
		assertEquals(120, b.points().length);
		assertEquals(100 * 3, b.probability().length);
		double[] grid = new double[] { 0, 0, b.xMin() + (b.xMax() - b.xMin()) * 0.05, b.yMax() - (b.yMax() - b.yMin()) * 0.05 };
		for (int c = 0; c < 2; c++) {
			double mean = 0;
			for (int r = 0; r < lastPlan.trainData().rows(); r++) {
				mean += lastPlan.trainData().feature(r, c) / lastPlan.trainData().rows();
			}
			grid[c] = mean;
		}
		double[] expected = lastPlan.model().predict(new double[][] { grid })[0];
		for (int c = 0; c < 3; c++) {
			assertEquals(expected[c], b.probability()[c], 1e-6, "cell 0 is the network at the others' means");
		}
		assertEquals(null, dev.nnet.lang.runs.DecisionBoundary.sample(lastPlan.model(), lastPlan.trainData(), null, 1,
				1, 10), "the same feature twice is no plane");
	}
}

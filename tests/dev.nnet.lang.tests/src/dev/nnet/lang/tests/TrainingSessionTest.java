package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

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

import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.io.TrainedModel;
import dev.nnet.engine.train.TrainingStatus;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.PartMetrics;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.TrainingPlan;
import dev.nnet.lang.run.TrainingPlanner;
import dev.nnet.lang.run.TrainingSession;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.runs.RunStore;
import dev.nnet.lang.runs.SavedModel;
import dev.nnet.lang.validation.IssueCodes;

/** The training session: three-way split, restore best, validation stop rules, metrics per part, validation ranges. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class TrainingSessionTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Inject
	private TrainingPlanner planner;

	@Inject
	private ValidationTestHelper validation;

	@TempDir
	Path dir;

	private static final String IRIS_DATA = """
			data iris from "%s" {
			  label "label"
			  standardize
			  split validation 10%% test 20%% seed 7
			}
			network IrisNet {
			  input 4
			  dense hidden 16 relu
			  dense species 3 softmax
			  loss cross_entropy
			}
			""";

	private Model parse(String text) throws Exception {
		return parseHelper.parse(text.formatted(Examples.path("data/iris.csv").toString().replace("\\", "/")),
				URI.createFileURI(dir.resolve("t.nnet").toString()), resourceSets.get());
	}

	private Training training(Model m) {
		return m.getElements().stream().filter(Training.class::isInstance).map(Training.class::cast).findFirst()
				.orElseThrow();
	}

	@Test
	public void threeWaySplitRestoresTheBestValidationEpochAndMeasuresEveryPart() throws Exception {
		Model m = parse(IRIS_DATA + """
				training run {
				  network IrisNet
				  data iris
				  optimizer adam learningRate 0.05
				  batch 8
				  epochs 400
				  seed 3
				  stop early patience 5
				}
				""");
		validation.assertNoErrors(m);
		TrainingPlan plan = planner.plan(training(m), RunOverrides.NONE);
		assertEquals(105, plan.trainData().rows());
		assertEquals(15, plan.validationData().rows());
		assertEquals(30, plan.testData().rows());
		Path model = dir.resolve("m.json");
		TrainingSession.Outcome o = new TrainingSession(plan, model, dir.resolve("runs"), "t.nnet").run(null, null);
		assertEquals(TrainingStatus.COMPLETED, o.result().status(), o.result().message());
		assertTrue(o.result().message().matches("early stopping: validation loss did not improve for 5 epochs \\(best .*\\); "
				+ "restored the weights of epoch \\d+ \\(restore best\\)"), o.result().message());
		List<String> parts = o.metrics().stream().map(PartMetrics::part).collect(Collectors.toList());
		assertEquals(List.of("train", "validation", "test"), parts);
		PartMetrics test = o.metrics().get(2);
		assertEquals(30, test.classification().samples());
		// the result's test figures are the test part's, not the validation part's
		assertEquals(test.classification().accuracy(), o.result().testAccuracy(), 1e-12);
		TrainedModel saved = ModelIO.loadModel(model);
		assertEquals(test.classification().macroF1(), saved.metadata().provenance().metrics().get("test_macro_f1"));
		assertNotNull(saved.metadata().provenance().metrics().get("validation_macro_f1"));
		assertTrue(Files.isRegularFile(o.recordedIn().resolve("run.json")));
	}

	@Test
	public void stopRulesWatchValidationMetrics() throws Exception {
		Model m = parse(IRIS_DATA + """
				training run {
				  network IrisNet
				  data iris
				  optimizer adam learningRate 0.05
				  epochs 400
				  seed 3
				  stop when validation accuracy >= 90%% or early patience 100 restore last
				}
				""");
		validation.assertNoErrors(m);
		TrainingSession.Outcome o = new TrainingSession(planner.plan(training(m), RunOverrides.NONE), null, null, "t")
				.run(null, null);
		assertEquals(TrainingStatus.CONVERGED, o.result().status(), o.result().message());
		assertTrue(o.result().message().matches("reached validation accuracy >= 0\\.9 in epoch \\d+"),
				o.result().message());
	}

	@Test
	public void newClausesAreRangeChecked() throws Exception {
		Model m = parse("""
				data d from "%s" { label "label" split validation 85%% test 20%% }
				data plain { samples { (0) -> 0 (1) -> 1 } }
				network N { input 4 dense out 3 softmax loss cross_entropy }
				network P { input 1 dense out 1 loss mse }
				training a { network N data d stop when validation mae <= -1 or when accuracy >= 150%% }
				training b { network P data plain stop when validation loss <= 0.1 or when r2 >= 2 }
				""");
		List<Issue> issues = validation.validate(m);
		String all = issues.stream().map(Issue::getMessage).collect(Collectors.joining("\n"));
		assertEquals(1, count(issues, IssueCodes.INVALID_VALIDATION_SPLIT), all);
		assertEquals(3, count(issues, IssueCodes.INVALID_STOP_VALUE), all);
		assertEquals(1, count(issues, IssueCodes.STOP_NEEDS_SPLIT), all);
		assertTrue(all.contains("validation 85% + test 20%"), all);
		assertTrue(all.contains("The stop rule on mae has the threshold -1"), all);
		assertTrue(all.contains("data 'plain' has no split"), all);
	}

	@Test
	public void inlineZeroOneLabelsAreBinaryClassesWithSyntheticFeatureNames() throws Exception {
		Model m = parseHelper.parse(Examples.read("xor.nnet"), URI.createFileURI(Examples.path("xor.nnet").toString()),
				resourceSets.get());
		Training xorRun = m.getElements().stream().filter(e -> "xorRun".equals(e.getName())).map(Training.class::cast)
				.findFirst().orElseThrow();
		TrainingPlan plan = planner.plan(xorRun, RunOverrides.NONE);
		assertEquals(List.of("x1", "x2"), plan.featureNames());
		assertEquals(dev.nnet.engine.data.TargetEncoding.BINARY, plan.outputs().encoding());
		assertEquals(List.of("0", "1"), plan.outputs().names());
		Path model = dir.resolve("xor.json");
		TrainingSession.Outcome o = new TrainingSession(plan, model, null, "xor.nnet").run(null, null);
		assertEquals(TrainingStatus.CONVERGED, o.result().status());
		assertEquals(1.0, o.metrics().get(0).classification().accuracy());
		assertEquals(model, o.saved());
	}

	@Test
	public void aRunRecordsItsModelFileSoALaterRunOverwritingItIsNoticed() throws Exception {
		Model m = parseHelper.parse(Examples.read("xor.nnet"), URI.createFileURI(Examples.path("xor.nnet").toString()),
				resourceSets.get());
		Training xorRun = m.getElements().stream().filter(e -> "xorRun".equals(e.getName())).map(Training.class::cast)
				.findFirst().orElseThrow();
		Path model = dir.resolve("xor.json");
		Path runs = dir.resolve(RunStore.FOLDER);
		TrainingSession.Outcome first = new TrainingSession(planner.plan(xorRun, RunOverrides.NONE), model, runs,
				"xor.nnet").run(null, null);
		SavedModel firstModel = first.record().savedModel();
		assertEquals(model.toAbsolutePath().normalize(), firstModel.file());
		assertEquals(Files.size(model), firstModel.bytes());
		assertNull(firstModel.mismatch(model), "right after the run the file is the run's");

		RunOverrides otherSeed = new RunOverrides(null, 99L, null);
		TrainingSession.Outcome second = new TrainingSession(planner.plan(xorRun, otherSeed), model, runs, "xor.nnet")
				.run(null, null);
		assertNull(second.record().savedModel().mismatch(model));
		List<RunRecord> stored = new RunStore(runs).list();
		assertEquals(2, stored.size());
		RunRecord firstBack = stored.stream().filter(r -> r.id().equals(first.record().id())).findFirst().orElseThrow();
		assertEquals(firstModel, firstBack.savedModel(), "the record survives run.json");
		assertTrue(firstBack.savedModelRecorded());
		String why = firstBack.savedModel().mismatch(model);
		assertNotNull(why, "the second run overwrote the first run's model file");
		assertTrue(why.contains("no longer holds this run's model"), why);

		TrainingSession.Outcome unsaved = new TrainingSession(planner.plan(xorRun, RunOverrides.NONE), null, runs,
				"xor.nnet").run(null, null);
		RunRecord unsavedBack = new RunStore(runs).load(runs.resolve(unsaved.record().id()));
		assertNull(unsavedBack.savedModel());
		assertTrue(unsavedBack.savedModelRecorded(), "a run that saved nothing says so, unlike an old run folder");
	}

	private static long count(List<Issue> issues, String code) {
		return issues.stream().filter(i -> code.equals(i.getCode())).count();
	}
}

package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingStatus;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.RunException;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.TrainingPlan;
import dev.nnet.lang.run.TrainingPlanner;

@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class TrainingPlannerTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Inject
	private TrainingPlanner planner;

	private Training training(Path file, String text, String name) throws Exception {
		Model m = parseHelper.parse(text, URI.createFileURI(file.toString()), resourceSets.get());
		return m.getElements().stream().filter(e -> e instanceof Training t && t.getName().equals(name))
				.map(Training.class::cast).findFirst().orElseThrow();
	}

	private Training example(String file, String name) throws Exception {
		return training(Examples.path(file), Examples.read(file), name);
	}

	@Test
	public void xorNetworkLearnsXorAndReportsEveryEpoch() throws Exception {
		TrainingPlan plan = planner.plan(example("xor.nnet", "xorRun"), RunOverrides.NONE);
		assertEquals("XorNet", plan.networkName());
		assertEquals(17, plan.network().parameterCount());
		assertNull(plan.testData());
		StringBuilder d = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			d.append(plan.trainData().feature(i, 0)).append(',').append(plan.trainData().feature(i, 1)).append("->")
					.append(plan.trainData().target(i, 0)).append(' ');
		}
		assertEquals("0.0,0.0->0.0 0.0,1.0->1.0 1.0,0.0->1.0 1.0,1.0->0.0 ", d.toString());
		assertEquals(Examples.path("xor-model.json"), plan.modelPath());
		List<EpochEnd> epochs = new ArrayList<>();
		TrainingResult r = plan.run(new TrainingListener() {
			@Override
			public void onEpochEnd(EpochEnd e) {
				epochs.add(e);
			}
		}, null);
		assertEquals(TrainingStatus.CONVERGED, r.status(), r.message());
		assertEquals(1.0, r.trainAccuracy());
		assertEquals(r.epochs(), epochs.size());
		double[][] p = plan.network().predict(new double[][] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } });
		assertTrue(p[0][0] < 0.5 && p[1][0] > 0.5 && p[2][0] > 0.5 && p[3][0] < 0.5, java.util.Arrays.deepToString(p) + " after " + r.epochs());
	}

	@Test
	public void perceptronLearnsAndButNotXor() throws Exception {
		TrainingPlan and = planner.plan(example("perceptron-and.nnet", "andRun"), RunOverrides.NONE);
		assertNotNull(and.perceptron());
		assertNull(and.network());
		TrainingResult r = and.run(TrainingListener.NONE, null);
		assertEquals(TrainingStatus.CONVERGED, r.status(), r.message());
		assertEquals(1.0, r.trainAccuracy());
		TrainingResult xor = planner.plan(example("xor.nnet", "perceptronRun"), RunOverrides.NONE)
				.run(TrainingListener.NONE, null);
		assertEquals(TrainingStatus.NOT_CONVERGED, xor.status());
		assertEquals(100, xor.history().size());
	}

	@Test
	public void irisLoadsTheCsvRelativeToTheFileAndSplits() throws Exception {
		TrainingPlan plan = planner.plan(example("iris.nnet", "irisRun"), new RunOverrides(30, 7L, null));
		assertEquals(150, plan.trainData().rows() + plan.testData().rows());
		assertEquals(30, plan.testData().rows());
		assertEquals(3, plan.trainData().targetCount());
		TrainingResult r = plan.run(TrainingListener.NONE, null);
		assertTrue(r.epochs() <= 30);
		assertTrue(r.testAccuracy() > 0.8, "test accuracy " + r.testAccuracy());
	}

	@Test
	public void initFromWithZeroEpochsKeepsTheGivenWeights(@TempDir Path dir) throws Exception {
		TrainingPlan first = planner.plan(example("xor.nnet", "xorRun"), new RunOverrides(50, 1L, null));
		first.run(TrainingListener.NONE, null);
		Path model = dir.resolve("m.json");
		first.save(model);
		TrainingPlan second = planner.plan(example("xor.nnet", "xorRun"), new RunOverrides(0, 99L, model));
		TrainingResult r = second.run(TrainingListener.NONE, null);
		assertEquals(TrainingStatus.COMPLETED, r.status());
		assertEquals(0, r.epochs());
		assertEquals(ModelIO.toJson(first.network()), ModelIO.toJson(second.network()));
		assertArrayEquals(first.network().layers().get(0).weights().toDoubleArray(),
				second.network().layers().get(0).weights().toDoubleArray());
	}

	@Test
	public void missingCsvIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("broken.nnet");
		String text = "network N {\n  input 2\n  dense out 2 softmax\n}\n\ndata d from \"nowhere.csv\" { label 0 }\n"
				+ "training t { network N data d }\n";
		Files.writeString(file, text);
		RunException e = assertThrows(RunException.class, () -> planner.plan(training(file, text, "t"), null));
		assertEquals(file.toString(), e.file());
		assertEquals(6, e.line());
		assertTrue(e.getMessage().startsWith(file + ":6: data d: "), e.getMessage());
		assertTrue(e.getMessage().contains("nowhere.csv"), e.getMessage());
	}
}

package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.SaveTargets;
import dev.nnet.lang.run.TrainingPlan;
import dev.nnet.lang.run.TrainingPlanner;
import dev.nnet.lang.run.TrainingSession;

/** {@code save "m.onnx"}: the model file m.json next to it, then the ONNX writer the CLI or IDE gives the session. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class SaveOnnxSessionTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Inject
	private TrainingPlanner planner;

	@TempDir
	Path dir;

	private Training training() throws Exception {
		Model m = parseHelper.parse("""
				data xor {
				  samples {
				    (0, 0) -> 0
				    (0, 1) -> 1
				    (1, 0) -> 1
				    (1, 1) -> 0
				  }
				}
				network XorNet {
				  input 2
				  dense hidden 4 tanh
				  dense out 1 sigmoid
				}
				training xorRun {
				  network XorNet
				  data xor
				  epochs 3
				  save "models/xor-model.onnx"
				}
				""", URI.createFileURI(dir.resolve("t.nnet").toString()), resourceSets.get());
		return m.getElements().stream().filter(Training.class::isInstance).map(Training.class::cast).findFirst()
				.orElseThrow();
	}

	@Test
	public void theModelFileIsJsonNextToTheOnnxFile() throws Exception {
		Training t = training();
		assertEquals(dir.resolve("models/xor-model.json"), SaveTargets.modelFile(t));
		assertEquals("a/m.json", SaveTargets.modelFile("a/m.onnx"));
		assertEquals("m.json", SaveTargets.modelFile("m.json"));
		assertNull(SaveTargets.modelFile((String) null));
	}

	@Test
	public void theWriterGetsTheSavedModelFileAndTheOnnxFile() throws Exception {
		TrainingPlan plan = planner.plan(training(), RunOverrides.NONE);
		List<Path> calls = new ArrayList<>();
		TrainingSession session = new TrainingSession(plan, plan.modelPath(), null, "t.nnet").onnxWriter((json, onnx) -> {
			assertTrue(Files.isRegularFile(json), "the model file is written first");
			calls.add(json);
			calls.add(onnx);
			return "wrote " + onnx;
		});
		TrainingSession.Outcome o = session.run(null, null);
		Path json = dir.resolve("models/xor-model.json");
		Path onnx = dir.resolve("models/xor-model.onnx");
		assertEquals(json, o.saved());
		assertEquals(List.of(json, onnx), calls);
		assertEquals("wrote " + onnx, session.onnxWritten());
		assertNull(session.onnxError());
		assertEquals(2, ModelIO.loadModel(json).network().inputs());
		assertEquals(dir.resolve("models/xor-model.checkpoint.json"), session.checkpointFile());
	}

	@Test
	public void withoutAWriterOrWhenItFailsTheModelFileStaysAndTheReasonIsGiven() throws Exception {
		TrainingPlan plan = planner.plan(training(), RunOverrides.NONE);
		TrainingSession none = new TrainingSession(plan, plan.modelPath(), null, "t.nnet");
		TrainingSession.Outcome o = none.run(null, null);
		assertTrue(Files.isRegularFile(o.saved()));
		assertFalse(Files.exists(dir.resolve("models/xor-model.onnx")));
		assertTrue(none.onnxError().startsWith("ONNX file " + dir.resolve("models/xor-model.onnx") + " not written"),
				none.onnxError());
		TrainingSession failing = new TrainingSession(plan, plan.modelPath(), null, "t.nnet").onnxWriter((json, onnx) -> {
			throw new java.io.IOException("disk full");
		});
		failing.run(null, null);
		assertEquals("cannot export " + dir.resolve("models/xor-model.onnx") + ": disk full", failing.onnxError());
		assertNull(failing.onnxWritten());
	}
}

package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

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

import dev.nnet.engine.data.FeatureRows;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.io.ModelPredictor;
import dev.nnet.engine.io.TrainedModel;
import dev.nnet.lang.run.TrainingSession;
import dev.nnet.lang.generator.JavaGenerator;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.TrainingPlanner;

/**
 * Generates the Java of every example, compiles it with javax.tools against the engine alone and runs XOR; the
 * generated XOR and digits CNN networks start from the runner's weights.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class JavaGeneratorTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Inject
	private JavaGenerator generator;

	@Inject
	private TrainingPlanner planner;

	/** @return the engine's classes (folder or jar), found through the code source of an engine class */
	static Path engineClasses() throws Exception {
		URL location = ModelIO.class.getProtectionDomain().getCodeSource().getLocation();
		Path p = Path.of(location.toURI());
		if (Files.isDirectory(p.resolve("target/classes"))) {
			return p.resolve("target/classes");
		}
		return p;
	}

	private Model parse(String file) throws Exception {
		return parseHelper.parse(Examples.read(file), URI.createFileURI(Examples.path(file).toString()),
				resourceSets.get());
	}

	private Path generateAndCompile(Path dir) throws Exception {
		Path src = dir.resolve("src");
		List<File> sources = new ArrayList<>();
		for (String example : Examples.FILES) {
			for (Map.Entry<String, String> f : generator.generate(parse(example).eResource()).entrySet()) {
				Path file = src.resolve(f.getKey());
				Files.createDirectories(file.getParent());
				Files.writeString(file, f.getValue());
				sources.add(file.toFile());
			}
		}
		assertEquals(14, sources.size(), sources.toString());
		Path classes = dir.resolve("classes");
		Files.createDirectories(classes);
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none", "-d",
				classes.toString(), "-cp", engineClasses().toString()));
		sources.forEach(s -> args.add(s.toString()));
		StringWriter errors = new StringWriter();
		ByteArrayOutputStream diag = new ByteArrayOutputStream();
		int rc = javac.run(null, new PrintStream(diag), new PrintStream(diag), args.toArray(String[]::new));
		errors.write(diag.toString(StandardCharsets.UTF_8));
		assertEquals(0, rc, errors.toString());
		return classes;
	}

	@Test
	public void everyExampleCompilesAndTheGeneratedXorTrainingReachesFullAccuracy(@TempDir Path dir) throws Exception {
		Path classes = generateAndCompile(dir);
		String xorRun = Files.readString(dir.resolve("src/examples/xor/XorRun.java"));
		assertTrue(xorRun.contains("Training {@code xorRun} of {@code xor.nnet} (line 38)"), xorRun);
		String xorNet = Files.readString(dir.resolve("src/examples/xor/XorNet.java"));
		assertTrue(xorNet.contains("// hidden: 2 -> 4 tanh, 12 parameters (xor.nnet line 31)"), xorNet);
		try (URLClassLoader loader = new URLClassLoader(
				new URL[] { classes.toUri().toURL(), engineClasses().toUri().toURL() },
				ClassLoader.getPlatformClassLoader())) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Path model = dir.resolve("xor-model.json");
			Object result = loader.loadClass("examples.xor.XorRun")
					.getMethod("run", String[].class, PrintStream.class)
					.invoke(null, new String[] { model.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8));
			String console = out.toString(StandardCharsets.UTF_8);
			assertEquals("CONVERGED", result.getClass().getMethod("status").invoke(result).toString(), console);
			assertEquals(1.0, (double) result.getClass().getMethod("trainAccuracy").invoke(result), console);
			assertTrue(console.startsWith("epoch 1/5000  loss "), console);
			assertTrue(console.contains("CONVERGED after "), console);
			assertTrue(Files.isRegularFile(model));

			// the generated network starts from exactly the weights the runner builds from the .nnet file
			Class<?> precision = loader.loadClass("dev.nnet.engine.matrix.Precision");
			Object float64 = precision.getField("FLOAT64").get(null);
			Object generated = loader.loadClass("examples.xor.XorNet").getMethod("create", precision, long.class)
					.invoke(null, float64, 42L);
			Class<?> network = loader.loadClass("dev.nnet.engine.Network");
			String generatedJson = (String) loader.loadClass("dev.nnet.engine.io.ModelIO").getMethod("toJson", network)
					.invoke(null, generated);
			Training xorTraining = (Training) parse("xor.nnet").getElements().stream()
					.filter(e -> "xorRun".equals(e.getName())).findFirst().orElseThrow();
			assertEquals(ModelIO.toJson(planner.plan(xorTraining, RunOverrides.NONE).network()), generatedJson);

			// and the generated CNN (image input, conv2d, max_pool, flatten) from the runner's weights of digits-cnn.nnet
			Training cnnTraining = (Training) parse("digits-cnn.nnet").getElements().stream()
					.filter(e -> e instanceof Training).findFirst().orElseThrow();
			Object cnn = loader.loadClass("examples.digitsCnn.DigitsCnn").getMethod("create", precision, long.class)
					.invoke(null, precision.getField("FLOAT32").get(null), 3L);
			assertEquals(ModelIO.toJson(planner.plan(cnnTraining, RunOverrides.NONE).network()),
					loader.loadClass("dev.nnet.engine.io.ModelIO").getMethod("toJson", network).invoke(null, cnn));
		}
	}

	@Test
	public void generatedIrisTrainingAndNetworkGiveTheRunnersModelAndPredictions(@TempDir Path dir) throws Exception {
		Path classes = generateAndCompile(dir);
		Training irisRun = (Training) parse("iris.nnet").getElements().stream()
				.filter(e -> "irisRun".equals(e.getName())).findFirst().orElseThrow();
		Path runnerModel = dir.resolve("runner.json");
		TrainingSession.Outcome outcome = new TrainingSession(planner.plan(irisRun, RunOverrides.NONE), runnerModel, null,
				"iris.nnet").run(null, null);
		assertEquals(runnerModel, outcome.saved(), outcome.toString());
		TrainedModel runner = ModelIO.loadModel(runnerModel);
		Path csv = Examples.path("data/iris.csv");
		Path generatedModel = dir.resolve("generated.json");
		try (URLClassLoader loader = new URLClassLoader(
				new URL[] { classes.toUri().toURL(), engineClasses().toUri().toURL() },
				ClassLoader.getPlatformClassLoader())) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			loader.loadClass("examples.iris.IrisRun").getMethod("run", String[].class, PrintStream.class).invoke(null,
					new String[] { csv.toString(), generatedModel.toString() },
					new PrintStream(out, true, StandardCharsets.UTF_8));
			// same weights, same metadata (features, scaling, classes) as the runner's model file
			assertEquals(Files.readString(runnerModel), Files.readString(generatedModel), out.toString(StandardCharsets.UTF_8));

			FeatureRows rows = FeatureRows.read(csv, runner.metadata().features(), 4, null);
			Object net = loader.loadClass("examples.iris.IrisNet").getConstructor(Path.class).newInstance(runnerModel);
			double[][] generated = (double[][]) net.getClass().getMethod("predict", double[][].class).invoke(net,
					(Object) rows.features());
			String[] generatedClasses = (String[]) net.getClass().getMethod("predictClasses", double[][].class)
					.invoke(net, (Object) rows.features());
			ModelPredictor predictor = new ModelPredictor(runner);
			double[][] expected = predictor.outputs(rows.features());
			int correct = 0;
			String[] labels = FeatureRows.read(csv, runner.metadata().features(), 4, "label").labels();
			for (int r = 0; r < expected.length; r++) {
				assertEquals(java.util.Arrays.toString(expected[r]), java.util.Arrays.toString(generated[r]));
				assertEquals(predictor.classNames().get(predictor.classIndex(expected[r])), generatedClasses[r]);
				correct += generatedClasses[r].equals(labels[r]) ? 1 : 0;
			}
			assertTrue(correct > 0.9 * labels.length, correct + " of " + labels.length);
		}
	}
}

package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;

import dev.nnet.engine.train.TrainingResult;
import dev.nnet.lang.generator.JavaGenerator;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.TrainingPlanner;
import dev.nnet.lang.run.TrainingSession;

/**
 * A network of one sign unit with the perceptron loss ({@code dense p 1 sign loss perceptron}) is trained by the
 * perceptron rule by the runner; the generated Java compiles and trains it the same way, to the same result.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class GeneratedSignPerceptronTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private JavaGenerator generator;

	@Inject
	private TrainingPlanner planner;

	@Test
	public void generatedCodeTrainsLikeTheRunner(@TempDir Path dir) throws Exception {
		Model m = parseHelper.parse("""
				package sp
				data andData { samples { (0, 0) -> 0 (0, 1) -> 0 (1, 0) -> 0 (1, 1) -> 1 } }
				data xorData { samples { (0, 0) -> 0 (0, 1) -> 1 (1, 0) -> 1 (1, 1) -> 0 } }
				network P { input 2 dense p 1 sign loss perceptron }
				training andRun { network P data andData epochs 50 }
				training xorRun { network P data xorData epochs 7 }
				""");
		validation.assertNoErrors(m);
		Path src = dir.resolve("src");
		Path classes = dir.resolve("classes");
		List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(), "-cp",
				JavaGeneratorTest.engineClasses().toString()));
		for (Map.Entry<String, String> f : generator.generate(m.eResource()).entrySet()) {
			Path file = src.resolve(f.getKey());
			Files.createDirectories(file.getParent());
			Files.writeString(file, f.getValue());
			args.add(file.toString());
		}
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		ByteArrayOutputStream diag = new ByteArrayOutputStream();
		int rc = javac.run(null, new PrintStream(diag), new PrintStream(diag), args.toArray(String[]::new));
		assertEquals(0, rc, diag.toString(StandardCharsets.UTF_8));
		try (URLClassLoader loader = new URLClassLoader(
				new URL[] { classes.toUri().toURL(), JavaGeneratorTest.engineClasses().toUri().toURL() },
				ClassLoader.getPlatformClassLoader())) {
			for (String training : new String[] { "andRun", "xorRun" }) {
				Training t = (Training) m.getElements().stream().filter(e -> training.equals(e.getName())).findFirst()
						.orElseThrow();
				TrainingResult runner = new TrainingSession(planner.plan(t, RunOverrides.NONE), null, null, "sp.nnet")
						.run(null, null).result();
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				String className = "sp." + Character.toUpperCase(training.charAt(0)) + training.substring(1);
				Object generated = loader.loadClass(className).getMethod("run", String[].class, PrintStream.class)
						.invoke(null, new String[0], new PrintStream(out, true, StandardCharsets.UTF_8));
				String console = out.toString(StandardCharsets.UTF_8);
				Class<?> type = generated.getClass();
				assertEquals(runner.status().toString(), type.getMethod("status").invoke(generated).toString(), console);
				assertEquals(runner.epochs(), (int) type.getMethod("epochs").invoke(generated), console);
				assertEquals(runner.trainAccuracy(), (double) type.getMethod("trainAccuracy").invoke(generated), 1e-12,
						console);
				assertTrue(console.startsWith("epoch 1/"), console);
			}
			assertTrue(Files.readString(src.resolve("sp/AndRun.java")).contains("new Perceptron(2, 0)"));
		}
	}
}

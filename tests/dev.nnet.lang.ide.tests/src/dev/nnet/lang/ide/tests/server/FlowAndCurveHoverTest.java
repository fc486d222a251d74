package dev.nnet.lang.ide.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

import dev.nnet.engine.activation.ActivationCurve;
import dev.nnet.engine.activation.Activations;
import dev.nnet.lang.analysis.GradientFlow;
import dev.nnet.lang.ide.NNetIdeSetup;
import dev.nnet.lang.ide.hover.ActivationHover;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.TrainingPlanner;
import dev.nnet.lang.run.TrainingSession;
import dev.nnet.lang.runs.RunRecord;

/**
 * The language server's hover on an activation (a table of f and f' sampled by the engine) and on a dense layer (the
 * validator's static gradient bound, and after a run recorded in the project's runs folder the measured ratio).
 */
public class FlowAndCurveHoverTest {

	static final String DEEP = """
			data xor {
			  samples { (0, 0) -> 0 (0, 1) -> 1 (1, 0) -> 1 (1, 1) -> 0 }
			}
			network Deep {
			  input 2
			  dense h1 4 sigmoid
			  dense h2 4 sigmoid
			  dense h3 4 sigmoid
			  dense h4 4 sigmoid
			  dense h5 4 sigmoid
			  dense h6 4 sigmoid
			  dense out 1 sigmoid
			  loss mse
			}
			training deepRun { network Deep data xor optimizer sgd learningRate 0.5 epochs 5 seed 3 }
			""";

	private static final Injector INJECTOR = new NNetIdeSetup().createInjectorAndDoEMFRegistration();

	@TempDir
	Path dir;

	private static String hover(LspClient client, Path file, String text, int offset) throws Exception {
		return HoverTest.hover(client, file, text, offset);
	}

	/** Trains the file's training as {@code nnet train} does: a session recording into the project's runs folder. */
	private static RunRecord train(Path file) throws Exception {
		XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
		Resource r = set.getResource(URI.createFileURI(file.toString()), true);
		Training training = ((Model) r.getContents().get(0)).getElements().stream()
				.filter(Training.class::isInstance).map(Training.class::cast).findFirst().orElseThrow();
		Path runs = TrainingSession.projectRunsFolder(file);
		TrainingSession session = new TrainingSession(
				INJECTOR.getInstance(TrainingPlanner.class).plan(training, new RunOverrides(null, null, null)), null,
				runs, TrainingSession.sourceName(file, runs));
		TrainingSession.Outcome outcome = session.run(null, null);
		assertNotNull(outcome.result(), outcome.record().message());
		assertNotNull(outcome.recordedIn(), "recorded in " + runs);
		return outcome.record();
	}

	@Test
	public void anActivationShowsATableOfFAndItsDerivative() throws Exception {
		Path file = dir.resolve("deep.nnet");
		Files.writeString(file, DEEP);
		try (LspClient client = new LspClient(dir, null)) {
			client.open(file, DEEP);
			client.diagnostics(file, d -> true);
			String shown = hover(client, file, DEEP, DEEP.indexOf("sigmoid") + 2);
			assertTrue(shown.startsWith("sigmoid: f(x) = 1 / (1 + e^-x)"), shown);
			ActivationCurve c = ActivationCurve.sample(Activations.sigmoid(), -4, 4, 9);
			assertTrue(shown.contains(String.format(Locale.ROOT, "f(z)  %7.3f", c.value()[0])), shown);
			assertTrue(shown.contains("  0.250  "), "sigmoid'(0) = 1/4: " + shown);
			assertTrue(shown.contains("max |f'| on [-5, 5]: 0.250"), shown);
			String leaky = "network L { input 2 dense 2 leaky_relu(0.2) dense 1 }\n";
			Path other = dir.resolve("leaky.nnet");
			Files.writeString(other, leaky);
			client.open(other, leaky);
			client.diagnostics(other, d -> true);
			String table = hover(client, other, leaky, leaky.indexOf("leaky_relu") + 3);
			assertTrue(table.contains("f(z)   -0.800"), "the layer's own alpha 0.2: " + table);
		}
		assertEquals("z          -4     -3     -2     -1      0      1      2      3      4",
				ActivationHover.table(Activations.relu()).lines().findFirst().orElseThrow());
	}

	@Test
	public void aDenseLayerShowsItsGradientFlowPredictedAndMeasured() throws Exception {
		Files.writeString(dir.resolve(".project"), "<projectDescription><name>p</name></projectDescription>\n");
		Path file = dir.resolve("deep.nnet");
		Files.writeString(file, DEEP);
		String bound = String.format(Locale.ROOT, "predicted <= %.3g", GradientFlow.sigmoidBound(6));
		try (LspClient client = new LspClient(dir, null)) {
			client.open(file, DEEP);
			client.diagnostics(file, d -> true);
			String before = hover(client, file, DEEP, DEEP.indexOf("h1") + 1);
			assertTrue(before.contains("gradient flow to h1 (from the output layer; the bound counts activation derivatives, not weights): " + bound
					+ " · measured: no run of this network yet"), before);
			RunRecord run = train(file);
			double measured = GradientFlow.measured(run.lastEpoch())[0];
			String onName = hover(client, file, DEEP, DEEP.indexOf("h1") + 1);
			assertTrue(onName.contains(bound + String.format(Locale.ROOT, " · measured %.3g (run deepRun ", measured))
					&& onName.contains(", epoch 5)"), onName);
			String onKeyword = hover(client, file, DEEP, DEEP.indexOf("dense h1") + 2);
			assertTrue(onKeyword.contains("fully connected") && onKeyword.contains(bound + " · measured"), onKeyword);
			String output = hover(client, file, DEEP, DEEP.indexOf("dense out") + 7);
			assertTrue(output.contains("gradient flow to out (from the output layer; the bound counts activation derivatives, not weights): predicted <= 1.00 · "
					+ "measured 1.00"), output);
		}
	}
}

package dev.nnet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every subcommand and exit code of {@code nnet}, run in-process through {@code Main.run}. */
public class CliTest {

	@TempDir
	Path dir;

	private Path write(String name, String text) throws Exception {
		Path p = dir.resolve(name);
		Files.writeString(p, text);
		return p;
	}

	@Test
	public void usageWithoutArgumentsHelpAndUnknownCommands() {
		Cli none = Cli.run();
		assertEquals(2, none.code(), none.toString());
		assertTrue(none.out().startsWith("usage: nnet <command>"), none.toString());
		Cli help = Cli.run("--help");
		assertEquals(0, help.code());
		assertTrue(help.out().contains("train FILE [--training NAME]"), help.toString());
		Cli unknown = Cli.run("fly");
		assertEquals(2, unknown.code());
		assertTrue(unknown.err().startsWith("nnet: unknown command 'fly'"), unknown.toString());
		Cli badOption = Cli.run("train", Cli.example("xor.nnet"), "--epochs", "many");
		assertEquals(2, badOption.code());
		assertTrue(badOption.err().contains("--epochs needs a whole number, got 'many'"), badOption.toString());
	}

	@Test
	public void checkPassesTheExamplesWithTheirWarnings() {
		Cli c = Cli.run("check", Cli.example("xor.nnet"), Cli.example("iris.nnet"), Cli.example("digits.nnet"),
				Cli.example("perceptron-and.nnet"), Cli.example("digits-cnn.nnet"));
		assertEquals(0, c.code(), c.toString());
		assertTrue(c.out().matches("(?s).*xor\\.nnet:\\d+:\\d+: warning: .*\\[dev\\.nnet\\.lang\\.notLinearlySeparable\\].*"),
				c.toString());
		assertFalse(c.out().contains("error:"), c.toString());
	}

	@Test
	public void malformedFileGivesDiagnosticsWithLineNumbersAndExitOne() throws Exception {
		Path bad = write("bad.nnet", "network N {\n  input 2\n  dense out 3 softmax\n  loss mse bogus\n}\n"
				+ "data d { samples { (0, 0) -> 0 } }\ntraining t { network N data d learningRate }\n");
		Cli c = Cli.run("check", bad.toString());
		assertEquals(1, c.code(), c.toString());
		assertTrue(c.out().matches("(?s).*bad\\.nnet:4:\\d+: error: .*"), c.toString());
		assertTrue(c.out().matches("(?s).*bad\\.nnet:7:\\d+: error: .*"), c.toString());
		assertFalse((c.out() + c.err()).contains("Exception"), c.toString());
		Cli t = Cli.run("train", bad.toString(), "--save", dir.resolve("m.json").toString());
		assertEquals(1, t.code(), t.toString());
		assertTrue(t.err().contains("has errors; nothing was trained"), t.toString());
		assertFalse(Files.exists(dir.resolve("m.json")));
	}

	@Test
	public void missingFilesAreUsageErrors() {
		Cli c = Cli.run("check", dir.resolve("none.nnet").toString());
		assertEquals(2, c.code(), c.toString());
		assertTrue(c.err().contains("cannot read"), c.toString());
		Cli p = Cli.run("predict", dir.resolve("none.json").toString(), dir.resolve("none.csv").toString());
		assertEquals(2, p.code(), p.toString());
	}

	@Test
	public void trainXorPrintsJsonLinesAndSaves() throws Exception {
		Path model = dir.resolve("xor.json");
		Cli c = Cli.run("train", Cli.example("xor.nnet"), "--json", "--save", model.toString());
		assertEquals(0, c.code(), c.toString());
		List<String> lines = c.out().lines().toList();
		assertTrue(lines.size() > 2, c.toString());
		for (String line : lines) {
			assertTrue(line.startsWith("{") && line.endsWith("}"), line);
		}
		assertTrue(lines.get(0).matches("\\{\"epoch\":1,\"learning_rate\":0\\.5,\"train_loss\":[0-9.E-]+,"
				+ "\"train_accuracy\":[0-9.]+,\"test_loss\":null,\"test_accuracy\":null,\"layers\":\\[.*\\]\\}"),
				lines.get(0));
		assertTrue(lines.get(0).matches(".*\"layers\":\\[\\{\"layer\":\"hidden\",\"gradient_norm\":[0-9.E-]+,"
				+ "\"weight_norm\":[0-9.E-]+,\"update_ratio\":[0-9.E-]+,\"dead_fraction\":null,"
				+ "\"activation_mean\":-?[0-9.E-]+,\"activation_std\":[0-9.E-]+,\"weights\":\\{\"min\":-?[0-9.E-]+,"
				+ "\"max\":-?[0-9.E-]+,\"counts\":\\[[0-9,]+\\]\\},\"gradients\":\\{.*\\}\\},\\{\"layer\":\"out\".*"),
				"per-layer statistics: " + lines.get(0));
		String last = lines.get(lines.size() - 1);
		assertTrue(last.matches("\\{\"status\":\"CONVERGED\",\"epochs\":\\d+,\"train_loss\":[0-9.E-]+,"
				+ "\"train_accuracy\":1\\.0,\"test_loss\":null,\"test_accuracy\":null,\"seconds\":[0-9.]+,.*"), last);
		assertEquals(lines.size() - 1, Integer.parseInt(last.replaceAll(".*\"epochs\":(\\d+),.*", "$1")));
		assertTrue(Files.readString(model).contains("\"nnet-model\""));
	}

	@Test
	public void trainWithoutJsonPrintsASummaryLineAndTestAccuracyOfASplit() {
		Cli c = Cli.run("train", Cli.example("iris.nnet"), "--epochs", "20", "--save", dir.resolve("i.json").toString());
		assertEquals(0, c.code(), c.toString());
		assertTrue(c.out().startsWith("training irisRun: IrisNet (131 parameters) on iris (120 samples, 30 for testing)"),
				c.toString());
		assertTrue(c.out().matches("(?s).*\\n(COMPLETED|NOT_CONVERGED|CONVERGED) after \\d+ epochs in [0-9.]+ s: loss [0-9.]+, "
				+ "train accuracy [0-9.]+%, test accuracy [0-9.]+%; model saved to .*i\\.json\\n"), c.toString());
		Cli json = Cli.run("train", Cli.example("iris.nnet"), "--epochs", "3", "--json", "--save",
				dir.resolve("j.json").toString());
		assertTrue(json.out().matches("(?s).*\"test_accuracy\":0\\.[0-9]+,\"seconds\".*"), json.toString());
	}

	@Test
	public void initFromThenSaveWithZeroEpochsReproducesTheWeightsExactly() throws Exception {
		Path trained = dir.resolve("trained.json");
		Path copy = dir.resolve("copy.json");
		assertEquals(0, Cli.run("train", Cli.example("xor.nnet"), "--epochs", "30", "--seed", "3", "--save",
				trained.toString()).code());
		Cli c = Cli.run("train", Cli.example("xor.nnet"), "--epochs", "0", "--seed", "99", "--init-from",
				trained.toString(), "--save", copy.toString(), "--json");
		assertEquals(0, c.code(), c.toString());
		assertTrue(c.out().startsWith("{\"status\":\"COMPLETED\",\"epochs\":0,"), c.toString());
		assertEquals(weights(trained), weights(copy)); // the provenance differs (epochs, status)
		Path initial = dir.resolve("initial.json");
		Path untrained = dir.resolve("untrained.json");
		assertEquals(0, Cli.run("train", Cli.example("xor.nnet"), "--epochs", "0", "--save-initial", initial.toString(),
				"--save", untrained.toString()).code());
		assertEquals(weights(initial), weights(untrained));
		Cli wrong = Cli.run("train", Cli.example("iris.nnet"), "--epochs", "0", "--init-from", trained.toString());
		assertEquals(1, wrong.code(), wrong.toString());
		assertTrue(wrong.err().matches("(?s).*iris\\.nnet:\\d+: cannot initialise from .*"), wrong.toString());
	}

	/** @return the architecture and parameters of a model file, without its metadata */
	private static String weights(Path model) throws Exception {
		return dev.nnet.engine.io.ModelIO.toJson(dev.nnet.engine.io.ModelIO.load(model));
	}

	@Test
	public void divergingTrainingExitsThree() throws Exception {
		Path f = write("diverge.nnet", "data d {\n  samples {\n    (1, 2) -> 3\n    (2, 1) -> 30\n    (4, 4) -> 80\n  }\n}\n"
				+ "network N {\n  input 2\n  dense h 8 relu\n  dense out 1\n  loss mse\n}\n"
				+ "training t {\n  network N\n  data d\n  optimizer sgd learningRate 1000\n  batch full\n  epochs 50\n}\n");
		Cli c = Cli.run("train", f.toString(), "--json");
		assertEquals(3, c.code(), c.toString());
		assertTrue(c.out().contains("\"status\":\"DIVERGED\""), c.toString());
	}

	@Test
	public void unknownTrainingIsAnError() {
		Cli c = Cli.run("train", Cli.example("xor.nnet"), "--training", "nope");
		assertEquals(1, c.code(), c.toString());
		assertTrue(c.err().contains("no training named nope (there are: perceptronRun, xorRun)"), c.toString());
	}

	@Test
	public void perceptronTrainingRunsToo() {
		Cli c = Cli.run("train", Cli.example("perceptron-and.nnet"), "--json");
		assertEquals(0, c.code(), c.toString());
		assertTrue(c.out().contains("\"status\":\"CONVERGED\""), c.toString());
	}

	@Test
	public void generateWritesJavaAndPredictPrintsOneLinePerRow() throws Exception {
		Cli g = Cli.run("generate", Cli.example("xor.nnet"), Cli.example("iris.nnet"), "-o", dir.resolve("gen").toString());
		assertEquals(0, g.code(), g.toString());
		assertTrue(Files.readString(dir.resolve("gen/examples/xor/XorRun.java")).contains("public static void main"));
		assertTrue(Files.isRegularFile(dir.resolve("gen/examples/iris/IrisNet.java")));
		assertEquals(2, Cli.run("generate", Cli.example("xor.nnet")).code());

		Path model = dir.resolve("xor.json");
		assertEquals(0, Cli.run("train", Cli.example("xor.nnet"), "--save", model.toString()).code());
		Path csv = write("xor.csv", "a,b\n0,0\n0,1\n1,0\n1,1\n");
		Cli p = Cli.run("predict", model.toString(), csv.toString());
		assertEquals(0, p.code(), p.toString());
		List<String> rows = p.out().lines().toList();
		assertEquals(4, rows.size(), p.toString());
		assertTrue(Double.parseDouble(rows.get(0)) < 0.5 && Double.parseDouble(rows.get(1)) > 0.5
				&& Double.parseDouble(rows.get(2)) > 0.5 && Double.parseDouble(rows.get(3)) < 0.5, p.toString());
		Path broken = write("broken.csv", "a,b\n0,0\n0,x\n");
		Cli b = Cli.run("predict", model.toString(), broken.toString());
		assertEquals(2, b.code(), b.toString());
		assertTrue(b.err().contains("broken.csv:3:2: 'x' is not a finite number in column 'b'"), b.toString());
	}
}

package dev.nnet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code nnet train}: a real JVM on the command line's jars (releng/dev.nnet.cli, built earlier in
 * the reactor) gets SIGINT while training; it must stop cleanly, save the partial model and exit 130.
 */
public class CtrlCTest {

	@TempDir
	Path dir;

	@Test
	public void sigintCancelsSavesThePartialModelAndExits130() throws Exception {
		Path plugins = Cli.examples().getParent().resolve("releng/dev.nnet.cli/target/repository/plugins");
		assertTrue(Files.isDirectory(plugins), "the reactor builds the command line's jars before this test: " + plugins);
		Path iris = Cli.examples().resolve("data/iris.csv").toAbsolutePath();
		Path file = dir.resolve("endless.nnet");
		Files.writeString(file, """
				data iris from "%s" { label "label" standardize }
				network IrisNet {
				  input 4
				  dense hidden 16 relu
				  dense species 3 softmax
				  loss cross_entropy
				}
				training forever {
				  network IrisNet
				  data iris
				  optimizer sgd learningRate 0.01
				  batch 1
				  epochs 10000000
				  seed 3
				}
				""".formatted(iris.toString().replace("\\", "/")));
		Path model = dir.resolve("partial.json");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process p = new ProcessBuilder(java, "-cp", plugins + File.separator + "*", "dev.nnet.cli.Main", "train",
				file.toString(), "--json", "--save", model.toString()).redirectErrorStream(false).start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				lines.add(line);
				if (lines.size() == 3) { // training is under way: press Ctrl-C
					new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
				}
			}
		}
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ends after Ctrl-C");
		String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(130, p.exitValue(), lines + "\n" + err);
		String last = lines.get(lines.size() - 1);
		assertTrue(last.startsWith("{\"status\":\"CANCELLED\""), last);
		assertTrue(Files.isRegularFile(model), "the partial model is saved");
		assertTrue(Files.readString(model).contains("\"format\": \"nnet-model\""), Files.readString(model));
	}
}

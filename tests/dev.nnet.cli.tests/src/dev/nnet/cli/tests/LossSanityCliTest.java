package dev.nnet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONVERGED needs a sane loss: a run whose loss blew up is DIVERGED (exit 3) even when its stop rule was met. */
public class LossSanityCliTest {

	@TempDir
	Path dir;

	/** @return examples/iris.nnet with another learning rate and without its save line, beside a copy of its data */
	private Path iris(String learningRate) throws Exception {
		Files.createDirectories(dir.resolve("data"));
		Files.copy(Cli.examples().resolve("data/iris.csv"), dir.resolve("data/iris.csv"));
		String text = Files.readString(Cli.examples().resolve("iris.nnet"))
				.replace("learningRate 0.01", "learningRate " + learningRate).replace("save \"iris-model.json\"", "");
		Path f = dir.resolve("iris.nnet");
		Files.writeString(f, text);
		return f;
	}

	@Test
	public void anAccuracyTargetMetWithAnExplodedLossIsDiverged() throws Exception {
		Path f = iris("1000000");
		Cli c = Cli.run("train", f.toString());
		assertEquals(3, c.code(), c.toString());
		String all = c.out() + c.err();
		assertTrue(all.contains("DIVERGED"), c.toString());
		assertFalse(all.contains("CONVERGED after"), c.toString());
		assertTrue(all.matches("(?s).*the training loss grew from [0-9.]+ before training to [0-9.e+]+, more than"
				+ " 1000-fold after epoch \\d+.*"), c.toString());
		assertFalse(all.contains("Exception"), c.toString());
		Cli json = Cli.run("train", f.toString(), "--json");
		assertEquals(3, json.code(), json.toString());
		assertTrue(json.out().contains("\"status\":\"DIVERGED\""), json.toString());
	}

	@Test
	public void aSaneRunStillConverges() throws Exception {
		Cli c = Cli.run("train", iris("0.01").toString());
		assertEquals(0, c.code(), c.toString());
		assertTrue(c.out().contains("CONVERGED after") || c.out().contains("COMPLETED")
				|| c.out().contains("NOT_CONVERGED"), c.toString());
		assertFalse((c.out() + c.err()).contains("DIVERGED"), c.toString());
	}
}

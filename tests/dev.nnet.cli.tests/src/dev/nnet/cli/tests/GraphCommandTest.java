package dev.nnet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnet graph}: the IDE's graph layout written headless as SVG and DOT. */
public class GraphCommandTest {

	@TempDir
	Path dir;

	private static int count(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	@Test
	public void xorAsSvgHasEveryNeuronAndWeight() throws Exception {
		Path svg = dir.resolve("out/xor.svg");
		Cli c = Cli.run("graph", Cli.example("xor.nnet"), "--network", "XorNet", "-o", svg.toString());
		assertEquals(0, c.code(), c.toString());
		assertTrue(c.err().contains("XorNet: 2 layers, 17 parameters"), c.toString());
		String text = Files.readString(svg);
		assertTrue(text.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), text);
		assertEquals(2 + 4 + 1, count(text, "<circle "), "input, hidden and output neurons");
		assertEquals(2 * 4 + 4 * 1, count(text, "<line "), "one edge per weight");
		assertTrue(text.contains("tanh") && text.contains("sigmoid"), "activations are labelled");
	}

	@Test
	public void digitsAsDotDrawsLargeLayersAsBlocks() throws Exception {
		Path dot = dir.resolve("digits.dot");
		Cli c = Cli.run("graph", Cli.example("digits.nnet"), "-o", dot.toString());
		assertEquals(0, c.code(), c.toString());
		assertTrue(c.err().contains("17226 parameters"), c.toString());
		String text = Files.readString(dot);
		assertTrue(text.startsWith("digraph "), text);
		assertTrue(text.contains("label=\"128 units\"") && text.contains("label=\"64 units\""), text);
		assertEquals(10, count(text, "shape=circle"), "the 10-unit output layer is drawn as neurons");
	}

	@Test
	public void unknownNetworkAndBadOutputAreReported() {
		Cli missing = Cli.run("graph", Cli.example("xor.nnet"), "--network", "Nope", "-o", dir.resolve("a.svg").toString());
		assertEquals(1, missing.code(), missing.toString());
		assertTrue(missing.err().contains("no network named 'Nope'"), missing.toString());
		assertFalse(Files.exists(dir.resolve("a.svg")));
		Cli png = Cli.run("graph", Cli.example("xor.nnet"), "-o", dir.resolve("a.png").toString());
		assertEquals(2, png.code(), png.toString());
		assertTrue(png.err().contains("graph writes .svg or .dot files"), png.toString());
	}

	@Test
	public void aTrainedModelColorsTheEdgesByWeightAndAForeignOneIsRefused() throws Exception {
		Path model = dir.resolve("xor-model.json");
		assertEquals(0, Cli.run("train", Cli.example("xor.nnet"), "--save", model.toString()).code());
		Path svg = dir.resolve("trained.svg");
		Cli c = Cli.run("graph", Cli.example("xor.nnet"), "--network", "XorNet", "--model", model.toString(), "-o",
				svg.toString());
		assertEquals(0, c.code(), c.toString());
		String text = Files.readString(svg);
		assertEquals(12, count(text, "<line "));
		assertEquals(0, count(text, "stroke=\"#b0b0b0\""), "no grey (untrained) edge left");
		assertTrue(count(text, "stroke=\"#1f6fb4\"") > 0 && count(text, "stroke=\"#e0621a\"") > 0,
				"positive and negative weights: " + text);
		String untrained = Files.readString(Path.of(Cli.run("graph", Cli.example("xor.nnet"), "--network", "XorNet",
				"-o", dir.resolve("grey.svg").toString()).out().trim()));
		assertEquals(12, count(untrained, "stroke=\"#b0b0b0\""));

		Cli foreign = Cli.run("graph", Cli.example("iris.nnet"), "--model", model.toString(), "-o",
				dir.resolve("iris.svg").toString());
		assertEquals(2, foreign.code(), foreign.toString());
		assertTrue(foreign.err().contains("do not fit network IrisNet"), foreign.toString());
		Cli missing = Cli.run("graph", Cli.example("xor.nnet"), "--model", dir.resolve("none.json").toString(), "-o",
				dir.resolve("x.svg").toString());
		assertEquals(2, missing.code(), missing.toString());
		assertTrue(missing.err().contains("none.json"), missing.toString());
	}
}

package com.example.xor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingStatus;

/**
 * Trains the XOR network that the build generated from {@code src/main/nnet/com/example/xor/xor.nnet} and checks
 * that the saved model, loaded through the generated network class, classifies all four samples.
 */
class XorRunTest {

	private static final double[][] INPUTS = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } };
	private static final double[] EXPECTED = { 0, 1, 1, 0 };

	@Test
	void generatedTrainingLearnsXor(@TempDir Path dir) throws Exception {
		Path model = dir.resolve("xor-model.json");
		ByteArrayOutputStream console = new ByteArrayOutputStream();

		TrainingResult result = XorRun.run(new String[] { model.toString() },
				new PrintStream(console, true, StandardCharsets.UTF_8));

		String printed = console.toString(StandardCharsets.UTF_8);
		printed.lines().filter(line -> line.contains(" after ")).forEach(System.out::println);
		assertEquals(TrainingStatus.CONVERGED, result.status(), printed);
		assertEquals(1.0, result.trainAccuracy(), "train accuracy");
		assertTrue(result.epochs() <= XorRun.EPOCHS);
		assertTrue(printed.contains("epoch 1/" + XorRun.EPOCHS), "one progress line per epoch");
		assertTrue(Files.size(model) > 0, "model saved");

		double[][] outputs = new XorNet(model).predict(INPUTS);
		double[] rounded = new double[outputs.length];
		for (int i = 0; i < outputs.length; i++) {
			rounded[i] = Math.round(outputs[i][0]);
		}
		assertArrayEquals(EXPECTED, rounded, "predictions of the reloaded model");
	}

	@Test
	void sameSeedGivesTheSameWeights() {
		assertArrayEquals(XorNet.create(7).predict(INPUTS), XorNet.create(7).predict(INPUTS));
	}
}

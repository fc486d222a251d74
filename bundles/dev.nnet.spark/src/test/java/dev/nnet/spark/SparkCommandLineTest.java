package dev.nnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nnet.cli.Main;

/**
 * {@code nnet train FILE --spark MASTER} in-process: per-epoch progress (JSON Lines with {@code --json}) and the
 * summary as in the single-JVM run, the model saved; a bad master URL and a missing file are one clear line (exit 2),
 * no stack trace.
 */
class SparkCommandLineTest {

	@TempDir
	Path dir;

	private record Run(int code, String out, String err) {
	}

	private static Run nnet(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code;
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
				PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			code = Main.run(args, o, e);
		}
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void trainsOnLocalSparkWithProgressPerEpochAndSavesTheModel() throws Exception {
		Path file = Plans.write(dir, "iris", "iris.csv", Plans.iris("adam learningRate 0.01", "32", 3));
		Path model = dir.resolve("model.json");
		Run r = nnet("train", file.toString(), "--spark", "local[2]", "--partitions", "2", "--json", "--save",
				model.toString());
		assertEquals(Main.OK, r.code(), r.err());
		assertEquals(3, r.out().lines().filter(l -> l.contains("\"epoch\"")).count(), r.out());
		assertTrue(r.out().contains("\"status\":\"COMPLETED\"") || r.out().contains("\"status\": \"COMPLETED\""),
				r.out());
		assertTrue(Files.readString(model).contains("\"format\": \"nnet-model\""));
		assertFalse(r.err().contains("Exception"), r.err());
	}

	@Test
	void aBadMasterUrlIsOneClearLine() throws Exception {
		Path file = Plans.write(dir, "iris", "iris.csv", Plans.iris("sgd learningRate 0.1", "full", 1));
		Run r = nnet("train", file.toString(), "--spark", "nosuch://master");
		assertEquals(Main.USAGE, r.code(), r.err());
		assertTrue(r.err().contains("--spark nosuch://master: cannot start Spark with master 'nosuch://master'"),
				r.err());
		assertFalse(r.err().contains("\tat "), r.err());
	}

	@Test
	void aNetworkWithBatchNormIsRefusedInOneLine() throws Exception {
		String source = Plans.iris("sgd learningRate 0.1", "full", 1).replace("dense hidden 16 relu init he_normal",
				"dense hidden 16 relu init he_normal\n  batch_norm");
		Path file = Plans.write(dir, "bn", "iris.csv", source);
		Run r = nnet("train", file.toString(), "--spark", "local[2]");
		assertEquals(Main.USAGE, r.code(), r.err());
		assertTrue(r.err().contains("is a batch_norm layer; --spark trains networks of dense layers only"), r.err());
		assertFalse(r.err().contains("\tat "), r.err());
	}

	@Test
	void aMissingFileIsOneClearLine() {
		Run r = nnet("train", dir.resolve("missing.nnet").toString(), "--spark", "local[2]");
		assertEquals(Main.USAGE, r.code(), r.err());
		assertTrue(r.err().contains("missing.nnet"), r.err());
		assertFalse(r.err().contains("\tat "), r.err());
	}

	@Test
	void partitionsWithoutSparkIsAUsageError() {
		Run r = nnet("train", "x.nnet", "--partitions", "2");
		assertEquals(Main.USAGE, r.code());
		assertTrue(r.err().contains("--partitions needs a positive number and --spark"), r.err());
	}
}

package dev.nnet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnet predict} and {@code nnet evaluate} read their CSV with the training reader's rules: a byte order mark
 * is dropped, invalid UTF-8, empty cells, Java number literals, over-long lines, FIFOs and devices are located errors
 * (exit 2), never a stack trace or a hang.
 */
public class PredictInputTest {

	@TempDir
	Path dir;

	private Path model;

	@BeforeEach
	public void untrainedXorModel() {
		model = dir.resolve("xor.json");
		Cli c = Cli.run("train", Cli.example("xor.nnet"), "--training", "xorRun", "--epochs", "0", "--save",
				model.toString());
		assertEquals(0, c.code(), c.toString());
	}

	private Cli predict(String name, byte[] content) throws Exception {
		Path csv = dir.resolve(name);
		Files.write(csv, content);
		return Cli.run("predict", model.toString(), csv.toString());
	}

	private static void assertLocated(Cli c, String where, String what) {
		assertEquals(2, c.code(), c.toString());
		assertTrue(c.err().contains(where) && c.err().contains(what), c.toString());
		assertFalse((c.out() + c.err()).contains("Exception"), c.toString());
		assertFalse((c.out() + c.err()).contains("\tat "), c.toString());
	}

	@Test
	public void aByteOrderMarkIsDropped() throws Exception {
		Cli c = predict("bom.csv", "\uFEFFa,b\n0,0\n1,1\n".getBytes(StandardCharsets.UTF_8));
		assertEquals(0, c.code(), c.toString());
		assertEquals(2, c.out().lines().count(), c.toString());
		Path labelled = dir.resolve("bom-labelled.csv");
		Files.write(labelled, "\uFEFFa,b,label\n0,0,0\n1,1,0\n0,1,1\n".getBytes(StandardCharsets.UTF_8));
		Cli e = Cli.run("evaluate", model.toString(), labelled.toString(), "--label", "label");
		assertEquals(0, e.code(), e.toString());
		assertFalse((e.out() + e.err()).contains("Exception"), e.toString());
	}

	@Test
	public void latin1IsALocatedError() throws Exception {
		byte[] latin1 = "a,b\n0,0\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		assertLocated(predict("latin1.csv", latin1), "latin1.csv:3:", "invalid UTF-8 at byte offset");
	}

	@Test
	public void emptyCellsAndJavaLiteralsAreLocatedErrors() throws Exception {
		assertLocated(predict("empty.csv", "a,b\n0,0\n1,\n".getBytes(StandardCharsets.UTF_8)), "empty.csv:3:2:",
				"empty cell in column 'b'");
		assertLocated(predict("hex.csv", "0,0\n0x1p3,1\n".getBytes(StandardCharsets.UTF_8)), "hex.csv:2:1:",
				"'0x1p3' is not a finite number");
		assertLocated(predict("suffix.csv", "0,0\n1d,1\n".getBytes(StandardCharsets.UTF_8)), "suffix.csv:2:1:",
				"'1d' is not a finite number");
		assertLocated(predict("nul.csv", "0,0\n1,\u00001\n".getBytes(StandardCharsets.UTF_8)), "nul.csv:2:",
				"control character U+0000");
	}

	@Test
	public void aHugeLineIsRefusedWithoutReadingItAll() throws Exception {
		byte[] huge = new byte[5 * 1024 * 1024];
		java.util.Arrays.fill(huge, (byte) '1');
		byte[] content = new byte[huge.length + 8];
		System.arraycopy("0,0\n".getBytes(StandardCharsets.UTF_8), 0, content, 0, 4);
		System.arraycopy(huge, 0, content, 4, huge.length);
		assertLocated(predict("huge.csv", content), "huge.csv:2:", "line is longer than the limit");
	}

	@Test
	public void fifosDevicesAndDirectoriesAreRefusedAtOnce() throws Exception {
		assertLocated(Cli.run("predict", model.toString(), "/dev/zero"), "/dev/zero", "not a regular file");
		assertLocated(Cli.run("predict", model.toString(), dir.toString()), dir.toString(), "is a directory");
		Path fifo = dir.resolve("pipe.csv");
		boolean made;
		try {
			made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
		} catch (java.io.IOException e) {
			made = false;
		}
		if (!made) {
			return; // no mkfifo here: /dev/zero above is the non-regular case
		}
		long start = System.nanoTime();
		assertLocated(Cli.run("predict", model.toString(), fifo.toString()), "pipe.csv", "not a regular file");
		assertLocated(Cli.run("evaluate", model.toString(), fifo.toString(), "--label", "label"), "pipe.csv",
				"not a regular file");
		assertTrue(System.nanoTime() - start < 10_000_000_000L, "a FIFO must not block");
	}
}

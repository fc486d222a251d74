package dev.nnet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.nnet.cli.LastResort;
import dev.nnet.cli.Main;

/** The top-level handler: one line naming the file and the internal error, the trace in a log file it names. */
public class LastResortTest {

	@Test
	public void oneLineNamingTheFileAndALogWithTheTrace() throws Exception {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Throwable e = new StackOverflowError("deep");
		int code = LastResort.report(new String[] {"train", "nets/x.nnet", "--epochs", "3"}, e,
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(Main.ERRORS, code);
		String text = err.toString(StandardCharsets.UTF_8);
		assertEquals(1, text.lines().count(), text);
		assertTrue(text.startsWith("nnet: internal error while processing nets/x.nnet: java.lang.StackOverflowError: deep"
				+ " (stack trace in "), text);
		Matcher m = Pattern.compile("stack trace in (.*)\\)").matcher(text);
		assertTrue(m.find(), text);
		Path log = Path.of(m.group(1));
		String trace = Files.readString(log);
		assertTrue(trace.contains("nnet train nets/x.nnet --epochs 3") && trace.contains("at dev.nnet.cli.tests"),
				trace);
		Files.delete(log);
	}
}

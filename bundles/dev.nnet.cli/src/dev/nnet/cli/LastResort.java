package dev.nnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line's last-resort handler: an exception or error that no command turned into a located message is
 * reported in one line naming the files of the command and the internal error; its stack trace goes to a log file
 * whose path the line names, never to the terminal.
 */
public final class LastResort {
	/** Exit code of an internal error: the files could not be processed. */
	public static final int CODE = Main.ERRORS;

	private LastResort() {
	}

	/**
	 * @param args the command line
	 * @param e    what escaped
	 * @param err  standard error
	 * @return {@link #CODE}
	 */
	public static int report(String[] args, Throwable e, PrintStream err) {
		String files = String.join(", ", files(args));
		Path log = writeTrace(args, e);
		err.println("nnet: internal error" + (files.isEmpty() ? "" : " while processing " + files) + ": "
				+ e.getClass().getName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))
				+ (log == null ? "" : " (stack trace in " + log + ")"));
		return CODE;
	}

	private static List<String> files(String[] args) {
		List<String> out = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			if (!args[i].startsWith("-") && (args[i].endsWith(".nnet") || args[i].endsWith(".json")
					|| args[i].endsWith(".csv"))) {
				out.add(args[i]);
			}
		}
		return out;
	}

	private static String firstLine(String s) {
		int nl = s.indexOf('\n');
		String line = nl < 0 ? s : s.substring(0, nl);
		return line.length() > 300 ? line.substring(0, 300) + "..." : line;
	}

	/** @return the log file, or null when none could be written */
	private static Path writeTrace(String[] args, Throwable e) {
		StringWriter trace = new StringWriter();
		try (PrintWriter w = new PrintWriter(trace)) {
			w.println(Instant.now() + " nnet " + String.join(" ", args));
			e.printStackTrace(w);
		}
		try {
			Path log = Files.createTempFile("nnet-internal-error-", ".log");
			Files.writeString(log, trace.toString(), StandardCharsets.UTF_8);
			return log;
		} catch (IOException | RuntimeException io) {
			return null;
		}
	}
}

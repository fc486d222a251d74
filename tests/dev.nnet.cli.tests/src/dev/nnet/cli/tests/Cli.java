package dev.nnet.cli.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import dev.nnet.cli.Main;

/** Runs {@link Main#run} in-process and keeps exit code, stdout and stderr. */
record Cli(int code, String out, String err) {

	static Cli run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
	}

	/** @return the repository's examples/ folder */
	static Path examples() {
		String property = System.getProperty("nnet.examples.dir");
		if (property != null && Files.isDirectory(Paths.get(property))) {
			return Paths.get(property);
		}
		for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
			if (Files.isRegularFile(p.resolve("examples/xor.nnet"))) {
				return p.resolve("examples");
			}
		}
		throw new IllegalStateException("examples/ not found; set -Dnnet.examples.dir");
	}

	static String example(String name) {
		return examples().resolve(name).toString();
	}
}

package dev.nnet.lang.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the repository's examples/ folder: system property nnet.examples.dir, else walks up from the working dir. */
public final class Examples {

	public static final String[] FILES = { "perceptron-and.nnet", "xor.nnet", "iris.nnet", "digits.nnet",
			"digits-regularized.nnet", "digits-cnn.nnet" };

	private Examples() {
	}

	public static Path dir() {
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

	public static Path path(String name) {
		return dir().resolve(name);
	}

	public static String read(String name) throws IOException {
		return Files.readString(path(name), StandardCharsets.UTF_8);
	}
}

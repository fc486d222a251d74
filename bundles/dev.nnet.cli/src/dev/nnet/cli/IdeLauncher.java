package dev.nnet.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code nnet ide}: starts the materialized IDE product ({@code releng/dev.nnet.product/target/products/...}) found
 * below the folder named by the system property {@code nnet.home} (set by the {@code ./nnet} script).
 */
final class IdeLauncher {

	private IdeLauncher() {
	}

	static int start(PrintStream err) {
		String home = System.getProperty("nnet.home");
		File products = new File(home == null ? "." : home, "releng/dev.nnet.product/target/products");
		File launcher = find(products);
		if (launcher == null) {
			err.println("nnet: no IDE product under " + products + "; build it with ./build -DskipTests verify");
			return Main.USAGE;
		}
		try {
			new ProcessBuilder(launcher.getAbsolutePath()).inheritIO().start();
			err.println("started " + launcher);
			return Main.OK;
		} catch (IOException e) {
			err.println("nnet: cannot start " + launcher + ": " + e.getMessage());
			return Main.USAGE;
		}
	}

	private static File find(File dir) {
		File[] children = dir.listFiles();
		if (children == null) {
			return null;
		}
		for (File f : children) {
			if (f.isFile() && f.canExecute() && (f.getName().equals("nnet") || f.getName().equals("eclipse"))) {
				return f;
			}
		}
		for (File f : children) {
			File found = f.isDirectory() ? find(f) : null;
			if (found != null) {
				return found;
			}
		}
		return null;
	}
}

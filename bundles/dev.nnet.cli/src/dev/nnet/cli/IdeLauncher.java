package dev.nnet.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nnet ide [-data WORKSPACE] [ECLIPSE ARGS...]}: starts the materialized IDE product
 * ({@code releng/dev.nnet.product/target/products/dev.nnet.ide/linux/gtk/x86_64/nnet-ide}) below the folder named by
 * the system property {@code nnet.home} (set by the {@code ./nnet} script). Maven Central has no native Eclipse
 * launcher, so the product is started as {@code releng/scripts/smoke-product.sh} does: with this JVM (the JDK 21+
 * that {@code releng/scripts/find-jdk.sh} picked) and {@code java -jar plugins/org.eclipse.equinox.launcher_*.jar}.
 * The IDE runs on after this command returns; its console output goes to {@code nnet-ide.log} next to the product.
 */
final class IdeLauncher {

	static final String PRODUCT = "releng/dev.nnet.product/target/products/dev.nnet.ide/linux/gtk/x86_64/nnet-ide";
	private static final String LAUNCHER_PREFIX = "org.eclipse.equinox.launcher_";

	private IdeLauncher() {
	}

	static int start(String[] args, PrintStream err) {
		String home = System.getProperty("nnet.home");
		File product = new File(home == null ? "." : home, PRODUCT);
		File launcher = launcherJar(product);
		if (launcher == null) {
			err.println("nnet: the IDE is not built (no " + new File(product, "plugins/" + LAUNCHER_PREFIX + "*.jar")
					+ "); build it with ./build -DskipTests verify");
			return Main.USAGE;
		}
		List<String> command = command(new File(System.getProperty("java.home")), launcher, args);
		File log = new File(product.getParentFile(), "nnet-ide.log");
		try {
			Process process = new ProcessBuilder(command).directory(product).redirectErrorStream(true)
					.redirectOutput(log).start();
			err.println("nnet: started the NNet IDE (pid " + process.pid() + ", workspace " + workspace(command)
					+ "); its output goes to " + log);
			return Main.OK;
		} catch (IOException e) {
			err.println("nnet: cannot start " + command.get(0) + ": " + e.getMessage());
			return Main.USAGE;
		}
	}

	/** @return the Equinox launcher jar of a materialized product, or null when there is none */
	static File launcherJar(File product) {
		File[] jars = new File(product, "plugins").listFiles(
				f -> f.isFile() && f.getName().startsWith(LAUNCHER_PREFIX) && f.getName().endsWith(".jar"));
		if (jars == null || jars.length == 0) {
			return null;
		}
		File newest = jars[0];
		for (File jar : jars) {
			if (jar.getName().compareTo(newest.getName()) > 0) {
				newest = jar;
			}
		}
		return newest;
	}

	/**
	 * The product's JVM arguments (a product started with {@code java -jar} does not read {@code eclipse.ini}), then
	 * the launcher, then {@code -data ~/nnet-workspace} unless the user's arguments name a workspace.
	 */
	static List<String> command(File javaHome, File launcher, String[] args) {
		List<String> command = new ArrayList<>();
		command.add(new File(javaHome, "bin/java").getPath());
		command.add("-Xms256m");
		command.add("-Xmx2048m");
		command.add("--add-modules=jdk.incubator.vector");
		if (Runtime.version().feature() >= 24) {
			command.add("--sun-misc-unsafe-memory-access=allow"); // Guice still uses sun.misc.Unsafe
		}
		command.add("-jar");
		command.add(launcher.getAbsolutePath());
		if (!List.of(args).contains("-data")) {
			command.add("-data");
			command.add(new File(System.getProperty("user.home"), "nnet-workspace").getPath());
		}
		command.addAll(List.of(args));
		return command;
	}

	private static String workspace(List<String> command) {
		int i = command.lastIndexOf("-data");
		return i >= 0 && i + 1 < command.size() ? command.get(i + 1) : "(default)";
	}
}

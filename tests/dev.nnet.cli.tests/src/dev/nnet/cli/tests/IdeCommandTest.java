package dev.nnet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnet ide}: starts {@code java -jar plugins/org.eclipse.equinox.launcher_*.jar} of the materialized product
 * below {@code nnet.home}, and asks for a build only when that product is absent. The product here is a stand-in
 * whose "launcher" writes what it was started with.
 */
public class IdeCommandTest {

	private static final String PRODUCT = "releng/dev.nnet.product/target/products/dev.nnet.ide/linux/gtk/x86_64/nnet-ide";

	@TempDir
	Path home;

	private Cli runIde(String... args) {
		String old = System.getProperty("nnet.home");
		System.setProperty("nnet.home", home.toString());
		try {
			String[] all = new String[args.length + 1];
			all[0] = "ide";
			System.arraycopy(args, 0, all, 1, args.length);
			return Cli.run(all);
		} finally {
			if (old == null) {
				System.clearProperty("nnet.home");
			} else {
				System.setProperty("nnet.home", old);
			}
		}
	}

	@Test
	public void withoutAProductItSaysHowToBuildIt() {
		Cli c = runIde();
		assertEquals(2, c.code(), c.toString());
		assertTrue(c.err().startsWith("nnet: the IDE is not built (no "), c.toString());
		assertTrue(c.err().contains("org.eclipse.equinox.launcher_*.jar); build it with ./build -DskipTests verify"),
				c.toString());
	}

	@Test
	public void startsTheProductsEquinoxLauncherWithThisJdkAndAWorkspace() throws Exception {
		Path product = home.resolve(PRODUCT);
		Files.createDirectories(product.resolve("plugins"));
		fakeLauncher(product.resolve("plugins/org.eclipse.equinox.launcher_1.8.0.v20250101-0000.jar"));
		Path workspace = home.resolve("ws");

		Cli c = runIde("-data", workspace.toString());
		assertEquals(0, c.code(), c.toString());
		assertTrue(c.err().startsWith("nnet: started the NNet IDE (pid "), c.toString());
		assertTrue(c.err().contains("workspace " + workspace), c.toString());

		Path record = product.resolve("started.txt");
		for (int i = 0; i < 300 && !Files.exists(record.resolveSibling("started.done")); i++) {
			Thread.sleep(100);
		}
		List<String> lines = Files.readAllLines(record);
		assertEquals(List.of("-data", workspace.toString()), List.of(lines.get(0).split("\t")), lines.toString());
		assertEquals(Path.of(System.getProperty("java.home")).toRealPath().toString(), lines.get(1));
		assertTrue(lines.get(2).contains("--add-modules=jdk.incubator.vector"), lines.toString());
		assertEquals(product.toRealPath().toString(), lines.get(3));
	}

	/** A jar whose main class writes its arguments, java.home, JVM options and working folder to started.txt. */
	private void fakeLauncher(Path jar) throws Exception {
		Path src = Files.createDirectories(home.resolve("src")).resolve("FakeLauncher.java");
		Files.writeString(src, """
				import java.nio.file.*;
				public class FakeLauncher {
				  public static void main(String[] a) throws Exception {
				    String text = String.join("\\t", a) + "\\n"
				        + Path.of(System.getProperty("java.home")).toRealPath() + "\\n"
				        + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments() + "\\n"
				        + Path.of("").toAbsolutePath().toRealPath() + "\\n";
				    Files.writeString(Path.of("started.txt"), text);
				    Files.writeString(Path.of("started.done"), "");
				  }
				}
				""");
		int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.getParent().toString(),
				src.toString());
		assertEquals(0, rc);
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeLauncher");
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, manifest)) {
			jos.putNextEntry(new JarEntry("FakeLauncher.class"));
			jos.write(Files.readAllBytes(src.resolveSibling("FakeLauncher.class")));
			jos.closeEntry();
		}
	}
}

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies the command line's jars into a folder without their jar signatures (META-INF/*.SF, *.RSA, *.DSA,
 * *.EC). The JVM's class-data sharing archive skips classes of signed jars, and the Eclipse/Xtext jars from
 * Maven Central are signed: unsigned local copies let ./nnet start in under a second instead of two.
 * Usage (JDK source launcher): java StripSignatures.java FROM_DIR TO_DIR
 */
public class StripSignatures {

	public static void main(String[] args) throws IOException {
		Path from = Path.of(args[0]);
		Path to = Path.of(args[1]);
		Path tmp = Files.createTempDirectory(to.toAbsolutePath().getParent(), ".classpath-");
		try { // a temporary directory is private (700): give it its parent's permissions, so others can run ./nnet
			Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(tmp.getParent()));
		} catch (UnsupportedOperationException notPosix) {
			// Windows: the ACLs are inherited already
		}
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(from, "*.jar")) {
			for (Path jar : jars) {
				copyWithoutSignatures(jar, tmp.resolve(jar.getFileName().toString()));
			}
		}
		if (Files.exists(to)) {
			try (DirectoryStream<Path> old = Files.newDirectoryStream(to)) {
				for (Path p : old) {
					Files.delete(p);
				}
			}
			Files.delete(to);
		}
		Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void copyWithoutSignatures(Path jar, Path target) throws IOException {
		try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(target);
				ZipOutputStream out = new ZipOutputStream(file)) {
			Enumeration<? extends ZipEntry> entries = in.entries();
			while (entries.hasMoreElements()) {
				ZipEntry e = entries.nextElement();
				if (isSignature(e.getName())) {
					continue;
				}
				out.putNextEntry(new ZipEntry(e.getName()));
				try (InputStream data = in.getInputStream(e)) {
					data.transferTo(out);
				}
				out.closeEntry();
			}
		}
	}

	private static boolean isSignature(String name) {
		String upper = name.toUpperCase(java.util.Locale.ROOT);
		return upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0
				&& (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
	}
}

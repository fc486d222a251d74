package dev.nnet.ui.jdt;

import java.io.File;
import java.util.Optional;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.JavaCore;
import org.osgi.framework.Bundle;

/**
 * "NNet Engine": the installed {@code dev.nnet.engine} bundle as a library of a Java project, so that
 * generated code compiles and runs against the engine the IDE ships.
 */
public class NNetEngineContainer implements IClasspathContainer {

	/** The container path used in {@code .classpath}. */
	public static final IPath PATH = IPath.fromOSString("dev.nnet.ui.ENGINE");

	/** The engine bundle's symbolic name. */
	public static final String ENGINE_BUNDLE = "dev.nnet.engine";

	@Override
	public IClasspathEntry[] getClasspathEntries() {
		File location = engineLocation();
		if (location == null) {
			return new IClasspathEntry[0];
		}
		return new IClasspathEntry[] { JavaCore.newLibraryEntry(IPath.fromFile(location), null, null) };
	}

	/**
	 * @return the engine's jar, or for a bundle installed as a folder (development, tests) its class folder
	 *         ({@code target/classes} or {@code bin} when present); null when the bundle is not installed
	 */
	public static File engineLocation() {
		Bundle bundle = Platform.getBundle(ENGINE_BUNDLE);
		if (bundle == null) {
			return null;
		}
		Optional<File> file = FileLocator.getBundleFileLocation(bundle);
		if (file.isEmpty()) {
			return null;
		}
		File location = file.get();
		if (location.isDirectory()) {
			for (String classes : new String[] { "target/classes", "bin" }) {
				File candidate = new File(location, classes);
				if (new File(candidate, "dev/nnet/engine").isDirectory()) {
					return candidate;
				}
			}
		}
		return location;
	}

	@Override
	public String getDescription() {
		return "NNet Engine";
	}

	@Override
	public int getKind() {
		return K_APPLICATION;
	}

	@Override
	public IPath getPath() {
		return PATH;
	}
}

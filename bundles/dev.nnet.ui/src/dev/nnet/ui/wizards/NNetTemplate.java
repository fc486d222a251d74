package dev.nnet.ui.wizards;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

import dev.nnet.ui.internal.NNetUiPlugin;

/** The starting points offered by the wizards; their texts are the project's examples (bundle's templates/). */
public enum NNetTemplate {

	/** Rosenblatt's perceptron learning the logical AND. */
	PERCEPTRON("Perceptron (logical AND)", "perceptron-and.nnet", null),
	/** A 2-4-1 multi-layer perceptron learning XOR. */
	XOR_MLP("XOR multi-layer perceptron", "xor.nnet", null),
	/** A 4-16-3 classifier of Fisher's iris data (creates data/iris.csv next to the file). */
	IRIS("Iris classifier (with data/iris.csv)", "iris.nnet", "iris.csv");

	private final String label;
	private final String file;
	private final String data;

	NNetTemplate(String label, String file, String data) {
		this.label = label;
		this.file = file;
		this.data = data;
	}

	/** @return the name shown in the wizard */
	public String label() {
		return label;
	}

	/** @return the template's {@code .nnet} text */
	public String text() {
		return new String(read(file), StandardCharsets.UTF_8);
	}

	/** Creates the data files the template reads, next to {@code nnetFile}, unless they exist. */
	public void createData(IFile nnetFile) throws CoreException {
		if (data == null) {
			return;
		}
		IContainer parent = nnetFile.getParent();
		IFolder folder = parent.getFolder(IPath.fromOSString("data"));
		if (!folder.exists()) {
			folder.create(true, true, null);
		}
		IFile csv = folder.getFile(data);
		if (!csv.exists()) {
			csv.create(new ByteArrayInputStream(read(data)), true, null);
		}
	}

	private static byte[] read(String name) {
		URL url = NNetTemplate.class.getClassLoader().getResource("templates/" + name);
		if (url == null) {
			url = org.eclipse.core.runtime.Platform.getBundle(NNetUiPlugin.PLUGIN_ID).getEntry("templates/" + name);
		}
		try (InputStream in = url.openStream()) {
			return in.readAllBytes();
		} catch (IOException | NullPointerException e) {
			throw new IllegalStateException("template " + name + " missing from " + NNetUiPlugin.PLUGIN_ID, e);
		}
	}

	/** @return a CoreException for failures while creating files from templates */
	static CoreException failure(String message, Throwable cause) {
		return new CoreException(new Status(IStatus.ERROR, NNetUiPlugin.PLUGIN_ID, message, cause));
	}
}

package dev.nnet.lang.run;

import java.io.File;

import org.eclipse.emf.common.CommonPlugin;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** Where a model element is written: the {@code .nnet} file on disk and the line; used for errors and Javadoc. */
public final class SourceLocation {

	private SourceLocation() {
	}

	/** @return the element's file as a path on disk when possible, else its URI string; "unknown" without resource */
	public static String file(EObject element) {
		Resource resource = element == null ? null : element.eResource();
		if (resource == null || resource.getURI() == null) {
			return "unknown";
		}
		URI uri = resource.getURI();
		if (uri.isPlatform()) {
			URI resolved = CommonPlugin.resolve(uri);
			uri = resolved == null ? uri : resolved;
		}
		return uri.isFile() ? uri.toFileString() : uri.toString();
	}

	/** @return the folder of the element's file, or null when it is not on disk */
	public static File folder(EObject element) {
		File f = new File(file(element));
		return f.isAbsolute() || f.exists() ? f.getAbsoluteFile().getParentFile() : null;
	}

	/** @return the 1-based start line of the element, 0 when unknown */
	public static int line(EObject element) {
		ICompositeNode node = element == null ? null : NodeModelUtils.getNode(element);
		return node == null ? 0 : node.getStartLine();
	}

	/** @return a {@link RunException} located at the element */
	public static RunException error(EObject element, String cause) {
		return new RunException(file(element), line(element), cause);
	}
}

package dev.nnet.lang.generator;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.Element;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;

/**
 * Java package and class names of generated code. The package is the file's {@code package} declaration; without
 * one, the file's folder below its source root ({@code src/main/nnet/}, else {@code src/}, else none: the default
 * package). A training's class is its capitalised name, with {@code Training} appended when a model of the same file
 * already takes that name.
 */
public final class JavaNames {

	private static final String[] SOURCE_ROOTS = { "/src/main/nnet/", "/src/test/nnet/", "/src/" };

	private JavaNames() {
	}

	/** @return the Java package of the element's file, "" for the default package */
	public static String packageOf(EObject element) {
		EObject root = element == null ? null : org.eclipse.emf.ecore.util.EcoreUtil.getRootContainer(element);
		if (root instanceof Model m && m.getName() != null && !m.getName().isBlank()) {
			return m.getName();
		}
		Resource resource = element == null ? null : element.eResource();
		URI uri = resource == null ? null : resource.getURI();
		if (uri == null) {
			return "";
		}
		String path = uri.trimSegments(1).path() + "/";
		for (String marker : SOURCE_ROOTS) {
			int at = path.lastIndexOf(marker);
			if (at >= 0) {
				String rest = path.substring(at + marker.length());
				String pkg = rest.replace('/', '.');
				pkg = pkg.endsWith(".") ? pkg.substring(0, pkg.length() - 1) : pkg;
				return pkg.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*") ? pkg : "";
			}
		}
		return "";
	}

	/** @return the simple class name generated for a model or training */
	public static String simpleName(Element element) {
		String name = JavaSource.className(element.getName());
		if (element instanceof Training && element.eContainer() instanceof Model m) {
			for (Element other : m.getElements()) {
				if (other instanceof Architecture && name.equals(JavaSource.className(other.getName()))) {
					return name + "Training";
				}
			}
		}
		return name;
	}

	/** @return the fully qualified class name generated for a model or training */
	public static String qualifiedName(Element element) {
		String pkg = packageOf(element);
		return pkg.isEmpty() ? simpleName(element) : pkg + "." + simpleName(element);
	}

	/** @return the path of the generated file, e.g. {@code examples/xor/XorNet.java} */
	public static String fileName(Element element) {
		return qualifiedName(element).replace('.', '/') + ".java";
	}
}

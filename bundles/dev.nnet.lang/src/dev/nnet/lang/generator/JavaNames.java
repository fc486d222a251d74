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

	/**
	 * Simple names generated code uses unqualified (java.lang and the engine types it imports): a generated class of
	 * such a name gets a {@code _} appended, so that it neither shadows them nor clashes with an import.
	 */
	private static final java.util.Set<String> TAKEN = java.util.Set.of("_", "Object", "String", "System", "Math",
			"Double", "Integer", "Long", "Float", "Boolean", "Exception", "RuntimeException", "Override", "Thread",
			"Class", "Record", "Enum", "Iterable", "Number", "Character", "Void", "Error", "Deprecated",
			"SuppressWarnings", "Network", "NetworkSpec", "LayerSpec", "Activations", "Initializers",
			"ModelFormatException", "ModelIO", "Loss", "Losses", "Precision", "Path", "PrintStream", "DataSet",
			"CsvLoader", "CsvException", "LabelOrder", "TargetEncoding", "Standardizer", "MinMaxScaler",
			"TrainingResult", "TrainingStatus", "TrainingConfig", "TrainingListener", "Trainer", "Perceptron",
			"Optimizer", "Optimizers", "LearningRateSchedule", "EpochEnd", "Metrics", "List", "Arrays", "Files");

	/** Java keywords and literals: a package segment of such a name gets a {@code _} appended. */
	private static final java.util.Set<String> KEYWORDS = java.util.Set.of("abstract", "assert", "boolean", "break",
			"byte", "case", "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum",
			"extends", "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
			"interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
			"static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
			"void", "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed", "permits",
			"non-sealed", "exports", "module", "open", "opens", "provides", "requires", "to", "transitive", "uses",
			"with");

	/** @return the package with every keyword segment escaped */
	private static String escapePackage(String pkg) {
		StringBuilder b = new StringBuilder();
		for (String segment : pkg.split("\\.", -1)) {
			b.append(b.length() == 0 ? "" : ".").append(KEYWORDS.contains(segment) ? segment + "_" : segment);
		}
		return b.toString();
	}

	private JavaNames() {
	}

	/** @return the Java package of the element's file, "" for the default package */
	public static String packageOf(EObject element) {
		EObject root = element == null ? null : org.eclipse.emf.ecore.util.EcoreUtil.getRootContainer(element);
		if (root instanceof Model m && m.getName() != null && !m.getName().isBlank()) {
			return escapePackage(m.getName());
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
				return pkg.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*") ? escapePackage(pkg) : "";
			}
		}
		return "";
	}

	/** @return the simple class name generated for a model or training */
	public static String simpleName(Element element) {
		String name = className(element);
		if (element instanceof Training && element.eContainer() instanceof Model m) {
			for (Element other : m.getElements()) {
				if (other instanceof Architecture && name.equals(className(other))) {
					return name + "Training";
				}
			}
		}
		return name;
	}

	private static String className(Element element) {
		String name = JavaSource.className(element.getName());
		return TAKEN.contains(name) ? name + "_" : name;
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

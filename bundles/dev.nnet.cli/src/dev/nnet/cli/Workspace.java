package dev.nnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.nnet.engine.io.InputFiles;
import dev.nnet.lang.NNetStandaloneSetup;

/**
 * The {@code .nnet} files of one command: the named files plus the other {@code .nnet} files of their folders (so
 * that references across files resolve), loaded into one resource set and validated.
 */
final class Workspace {

	private static Injector injector;

	private final XtextResourceSet resourceSet;
	private final List<Resource> named = new ArrayList<>();

	/** @return the language's injector (standalone setup, created once per JVM) */
	static synchronized Injector injector() {
		if (injector == null) {
			Log4jDefaults.configure();
			injector = new NNetStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/**
	 * @param files the files named on the command line
	 * @throws UsageException  without files
	 * @throws IOException     naming a file that cannot be read
	 */
	/** Largest {@code .nnet} file read (docs/language.md, Limits). */
	static final long MAX_NNET_BYTES = 16L * 1024 * 1024;

	Workspace(List<String> files) throws IOException {
		if (files.isEmpty()) {
			throw new UsageException("no .nnet file given");
		}
		resourceSet = injector().getInstance(XtextResourceSet.class);
		Set<Path> all = new LinkedHashSet<>();
		for (String f : files) {
			Path p = Path.of(f).toAbsolutePath().normalize();
			String problem = InputFiles.problem(p, MAX_NNET_BYTES);
			if (problem != null) {
				throw new IOException("cannot read " + f + ": " + (problem.equals("file not found") ? "no such file"
						: problem));
			}
			all.add(p);
		}
		List<Path> namedPaths = new ArrayList<>(all);
		for (Path p : namedPaths) {
			try (DirectoryStream<Path> siblings = Files.newDirectoryStream(p.getParent(), "*.nnet")) {
				siblings.forEach(s -> {
					if (InputFiles.problem(s, MAX_NNET_BYTES) == null) { // no FIFO, device or huge sibling
						all.add(s.toAbsolutePath().normalize());
					}
				});
			}
		}
		for (Path p : all) {
			Resource r = resourceSet.getResource(URI.createFileURI(p.toString()), true);
			if (namedPaths.contains(p)) {
				named.add(r);
			}
		}
		EcoreUtil.resolveAll(resourceSet);
	}

	/** @return the resources of the named files, in command-line order */
	List<Resource> resources() {
		return named;
	}

	/**
	 * Validates the named files and prints their diagnostics as {@code path:line:col: severity: message [code]}.
	 *
	 * @param out where diagnostics go
	 * @return the number of errors
	 */
	int validate(PrintStream out) {
		IResourceValidator validator = injector().getInstance(IResourceValidator.class);
		int errors = 0;
		for (Resource r : named) {
			for (Issue issue : validator.validate(r, CheckMode.ALL, CancelIndicator.NullImpl)) {
				if (issue.getSeverity() == Severity.IGNORE || issue.getSeverity() == Severity.INFO) {
					continue;
				}
				boolean error = issue.getSeverity() == Severity.ERROR;
				errors += error ? 1 : 0;
				out.println(display(r) + ":" + orZero(issue.getLineNumber()) + ":" + orZero(issue.getColumn()) + ": "
						+ (error ? "error" : "warning") + ": " + issue.getMessage()
						+ (issue.getCode() == null ? "" : " [" + issue.getCode() + "]"));
			}
		}
		return errors;
	}

	/** @return the path of a resource relative to the working directory when it is below it */
	static String display(Resource r) {
		Path p = Path.of(r.getURI().toFileString());
		Path cwd = Path.of("").toAbsolutePath();
		return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
	}

	private static int orZero(Integer i) {
		return i == null ? 0 : i;
	}
}

package dev.nnet.ui.builder;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.IGenerator2;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.internal.NNetUiPlugin;

/**
 * The NNet project builder: validates every {@code .nnet} file of the project into {@link NNetEditor#PROBLEM_MARKER}
 * markers and, in Java projects, writes what the language's {@link IGenerator2} generates into {@code src-gen}
 * (as derived files). Generated files that no source produces any more (a deleted {@code .nnet}) are removed.
 * Runs whenever a {@code .nnet} or {@code .csv} file changed; references across files make every build whole.
 */
public class NNetBuilder extends IncrementalProjectBuilder {

	/** The builder's id (plugin id + extension id). */
	public static final String ID = "dev.nnet.ui.builder";

	/** The folder generated sources go to. */
	public static final String SRC_GEN = "src-gen";

	/** JDT's nature id ({@code JavaCore.NATURE_ID}): Java is generated only in Java projects. */
	public static final String JAVA_NATURE = "org.eclipse.jdt.core.javanature";

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
		if (delta != null && !touchesSources(delta)) {
			return null;
		}
		buildProject(getProject(), monitor);
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		getProject().deleteMarkers(NNetEditor.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE);
		IFolder srcGen = getProject().getFolder(SRC_GEN);
		if (srcGen.exists()) {
			for (IFile f : derivedFiles(srcGen)) {
				f.delete(true, monitor);
			}
		}
	}

	private static boolean touchesSources(IResourceDelta delta) throws CoreException {
		boolean[] found = { false };
		delta.accept(d -> {
			String ext = d.getResource().getFileExtension();
			found[0] |= "nnet".equals(ext) || "csv".equals(ext);
			return !found[0];
		});
		return found[0];
	}

	/** Validates and generates the whole project (also used by tests). */
	public static void buildProject(IProject project, IProgressMonitor monitor) throws CoreException {
		Injector injector = NNetUiPlugin.injector();
		List<IFile> files = ProjectResources.nnetFiles(project);
		SubMonitor progress = SubMonitor.convert(monitor, "Building NNet files of " + project.getName(),
				files.size() * 2 + 1);
		XtextResourceSet set = ProjectResources.load(injector, project, null, null);
		boolean java = project.hasNature(JAVA_NATURE);
		IGenerator2 generator = injector.getInstance(IGenerator2.class);
		Set<IFile> generated = new HashSet<>();
		for (IFile file : files) {
			if (progress.isCanceled()) {
				return;
			}
			XtextResource resource = ProjectResources.resource(set, file);
			List<Issue> issues = injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL,
					CancelIndicator.NullImpl);
			MarkerWriter.write(file, issues);
			progress.worked(1);
			boolean errors = issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR);
			if (java && !errors) {
				generated.addAll(generate(project, resource, generator, injector, progress.split(1)));
			}
		}
		IFolder srcGen = project.getFolder(SRC_GEN);
		if (java && srcGen.exists()) {
			for (IFile stale : derivedFiles(srcGen)) {
				if (!generated.contains(stale)) {
					stale.delete(true, progress.split(0));
				}
			}
		}
	}

	private static Set<IFile> generate(IProject project, XtextResource resource, IGenerator2 generator,
			Injector injector, IProgressMonitor monitor) throws CoreException {
		InMemoryFileSystemAccess fsa = injector.getInstance(InMemoryFileSystemAccess.class);
		GeneratorContext context = new GeneratorContext();
		context.setCancelIndicator(monitor::isCanceled);
		generator.beforeGenerate(resource, fsa, context);
		generator.doGenerate(resource, fsa, context);
		generator.afterGenerate(resource, fsa, context);
		Set<IFile> written = new HashSet<>();
		for (Map.Entry<String, CharSequence> e : fsa.getTextFiles().entrySet()) {
			IFile target = project.getFolder(SRC_GEN).getFile(IPath.fromOSString(withoutOutputName(fsa, e.getKey())));
			write(target, e.getValue().toString(), monitor);
			written.add(target);
		}
		return written;
	}

	/** The in-memory keys are output configuration name + path; every output goes to src-gen. */
	private static String withoutOutputName(InMemoryFileSystemAccess fsa, String key) {
		String best = "";
		for (String output : fsa.getOutputConfigurations().keySet()) {
			if (key.startsWith(output) && output.length() > best.length()) {
				best = output;
			}
		}
		if (best.isEmpty() && key.startsWith(IFileSystemAccess.DEFAULT_OUTPUT)) {
			best = IFileSystemAccess.DEFAULT_OUTPUT;
		}
		return key.substring(best.length());
	}

	private static void write(IFile target, String text, IProgressMonitor monitor) throws CoreException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (target.exists()) {
			try (var in = target.getContents(true)) {
				if (java.util.Arrays.equals(in.readAllBytes(), bytes)) {
					return; // unchanged: do not trigger the Java builder again
				}
			} catch (java.io.IOException e) {
				// rewrite below
			}
			target.setContents(new ByteArrayInputStream(bytes), true, false, monitor);
		} else {
			createFolders(target.getParent());
			target.create(new ByteArrayInputStream(bytes), true, monitor);
		}
		target.setDerived(true, monitor);
	}

	private static void createFolders(org.eclipse.core.resources.IContainer container) throws CoreException {
		if (container instanceof IFolder folder && !folder.exists()) {
			createFolders(folder.getParent());
			folder.create(true, true, null);
		}
	}

	private static List<IFile> derivedFiles(IFolder folder) throws CoreException {
		List<IFile> files = new java.util.ArrayList<>();
		folder.accept(r -> {
			if (r.getType() == IResource.FILE && r.isDerived()) {
				files.add((IFile) r);
			}
			return true;
		});
		return files;
	}

	/** @return the NNet problem markers of {@code resource} */
	public static IMarker[] markers(IResource resource) throws CoreException {
		return resource.findMarkers(NNetEditor.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE);
	}
}

package dev.nnet.ui.builder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.StringInputStream;

import com.google.inject.Injector;

/** Loads the {@code .nnet} files of a project into one resource set, so that references across files resolve. */
public final class ProjectResources {

	/** Output folders that never hold sources. */
	private static final List<String> SKIPPED = List.of("bin", "src-gen", "target");

	private ProjectResources() {
	}

	/** @return the {@code .nnet} files of {@code project}, outside output folders */
	public static List<IFile> nnetFiles(IProject project) throws CoreException {
		List<IFile> files = new ArrayList<>();
		project.accept(r -> {
			if (r.getType() == IResource.FOLDER && r.getParent() == project && SKIPPED.contains(r.getName())) {
				return false;
			}
			if (r.getType() == IResource.FILE && "nnet".equals(r.getFileExtension())) {
				files.add((IFile) r);
			}
			return true;
		});
		return files;
	}

	/** @return the platform URI of a workspace file */
	public static URI uri(IFile file) {
		return URI.createPlatformResourceURI(file.getFullPath().toString(), true);
	}

	/**
	 * Loads every {@code .nnet} file of the project from disk, except {@code override}, whose resource is
	 * loaded from {@code overrideText} (the editor's unsaved text) when both are given.
	 */
	public static XtextResourceSet load(Injector injector, IProject project, IFile override, String overrideText)
			throws CoreException {
		XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
		for (IFile file : nnetFiles(project)) {
			if (file.equals(override) && overrideText != null) {
				Resource r = set.createResource(uri(file));
				try {
					r.load(new StringInputStream(overrideText, "UTF-8"), null);
				} catch (IOException e) {
					throw new IllegalStateException("cannot parse " + file.getFullPath() + ": " + e.getMessage(), e);
				}
			} else {
				set.getResource(uri(file), true);
			}
		}
		return set;
	}

	/** @return the resource of {@code file} in {@code set}, or null */
	public static XtextResource resource(XtextResourceSet set, IFile file) {
		return (XtextResource) set.getResource(uri(file), false);
	}
}

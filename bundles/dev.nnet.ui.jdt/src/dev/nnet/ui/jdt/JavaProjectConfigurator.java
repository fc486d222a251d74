package dev.nnet.ui.jdt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;

import dev.nnet.ui.builder.NNetBuilder;
import dev.nnet.ui.builder.NNetProjectConfigurator;

/**
 * When a Java project gets the NNet nature: {@code src-gen} (where the builder writes the generated Java) becomes a
 * source folder and the "NNet Engine" container joins the classpath.
 */
public class JavaProjectConfigurator implements NNetProjectConfigurator {

	@Override
	public void configure(IProject project) throws CoreException {
		if (project.hasNature(JavaCore.NATURE_ID)) {
			configureClasspath(JavaCore.create(project));
		}
	}

	/** Adds {@code src-gen} and the engine container to a Java project's classpath if missing. */
	public static void configureClasspath(IJavaProject javaProject) throws CoreException {
		IFolder srcGen = javaProject.getProject().getFolder(NNetBuilder.SRC_GEN);
		if (!srcGen.exists()) {
			srcGen.create(true, true, null);
		}
		List<IClasspathEntry> entries = new ArrayList<>(Arrays.asList(javaProject.getRawClasspath()));
		IPath srcGenPath = srcGen.getFullPath();
		if (entries.stream().noneMatch(e -> e.getPath().equals(srcGenPath))) {
			entries.add(JavaCore.newSourceEntry(srcGenPath));
		}
		if (entries.stream().noneMatch(e -> e.getPath().equals(NNetEngineContainer.PATH))) {
			entries.add(JavaCore.newContainerEntry(NNetEngineContainer.PATH));
		}
		javaProject.setRawClasspath(entries.toArray(IClasspathEntry[]::new), null);
	}
}

package dev.nnet.ui.builder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;

/**
 * The NNet nature: installs {@link NNetBuilder} before the Java builder and, in Java projects, adds {@code src-gen}
 * as a source folder and the NNet engine container to the classpath.
 */
public class NNetNature implements IProjectNature {

	/** The nature's id. */
	public static final String ID = "dev.nnet.ui.nature";

	private IProject project;

	/** Adds the nature (and so the builder) to {@code project}; does nothing if it has it already. */
	public static void addTo(IProject project) throws CoreException {
		if (project.hasNature(ID)) {
			return;
		}
		IProjectDescription description = project.getDescription();
		List<String> natures = new ArrayList<>(Arrays.asList(description.getNatureIds()));
		natures.add(ID);
		description.setNatureIds(natures.toArray(String[]::new));
		project.setDescription(description, null);
	}

	@Override
	public void configure() throws CoreException {
		IProjectDescription description = project.getDescription();
		List<ICommand> commands = new ArrayList<>(Arrays.asList(description.getBuildSpec()));
		if (commands.stream().noneMatch(c -> NNetBuilder.ID.equals(c.getBuilderName()))) {
			ICommand command = description.newCommand();
			command.setBuilderName(NNetBuilder.ID);
			int java = -1;
			for (int i = 0; i < commands.size(); i++) {
				if (JavaCore.BUILDER_ID.equals(commands.get(i).getBuilderName())) {
					java = i;
					break;
				}
			}
			commands.add(java < 0 ? commands.size() : java, command); // generate before JDT compiles
			description.setBuildSpec(commands.toArray(ICommand[]::new));
			project.setDescription(description, null);
		}
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

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription description = project.getDescription();
		ICommand[] commands = Arrays.stream(description.getBuildSpec())
				.filter(c -> !NNetBuilder.ID.equals(c.getBuilderName())).toArray(ICommand[]::new);
		description.setBuildSpec(commands);
		project.setDescription(description, null);
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}
}

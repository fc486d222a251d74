package dev.nnet.ui.builder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;

/**
 * The NNet nature: installs {@link NNetBuilder} before the Java builder (when there is one), then lets the
 * contributed {@link NNetProjectConfigurator}s configure the project (with the JDT integration: {@code src-gen} and
 * the NNet engine container on a Java project's classpath).
 */
public class NNetNature implements IProjectNature {

	/** The nature's id. */
	public static final String ID = "dev.nnet.ui.nature";

	/** JDT's builder id ({@code JavaCore.BUILDER_ID}), named here so that this bundle does not need JDT. */
	static final String JAVA_BUILDER = "org.eclipse.jdt.core.javabuilder";

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
				if (JAVA_BUILDER.equals(commands.get(i).getBuilderName())) {
					java = i;
					break;
				}
			}
			commands.add(java < 0 ? commands.size() : java, command); // generate before JDT compiles
			description.setBuildSpec(commands.toArray(ICommand[]::new));
			project.setDescription(description, null);
		}
		for (NNetProjectConfigurator configurator : NNetProjectConfigurator.contributed()) {
			configurator.configure(project);
		}
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

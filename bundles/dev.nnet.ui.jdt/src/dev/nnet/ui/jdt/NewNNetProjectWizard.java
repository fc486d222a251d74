package dev.nnet.ui.jdt;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.launching.JavaRuntime;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.ide.IDE;

import dev.nnet.ui.builder.NNetBuilder;
import dev.nnet.ui.builder.NNetNature;
import dev.nnet.ui.internal.NNetUiPlugin;
import dev.nnet.ui.wizards.NNetTemplate;

/**
 * File > New > NNet Project: a Java project ready to train, with {@code src}, {@code src-gen}, the JRE and the
 * NNet engine on the classpath, the NNet nature (builder) and an example network.
 */
public class NewNNetProjectWizard extends Wizard implements INewWizard {

	private IWorkbench workbench;
	private WizardNewProjectCreationPage page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
		setWindowTitle("New NNet Project");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void addPages() {
		page = new WizardNewProjectCreationPage("newNNetProject");
		page.setTitle("NNet Project");
		page.setDescription("A Java project with the NNet engine, generated sources in src-gen and an example.");
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		IProject project = page.getProjectHandle();
		IPath location = page.useDefaults() ? null : page.getLocationPath();
		try {
			getContainer().run(false, true, new WorkspaceModifyOperation() {
				@Override
				protected void execute(IProgressMonitor monitor) throws CoreException {
					IFile example = create(project, location, monitor);
					if (workbench != null && workbench.getActiveWorkbenchWindow() != null) {
						IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), example);
					}
				}
			});
			return true;
		} catch (InvocationTargetException e) {
			NNetUiPlugin.log("Cannot create project " + project.getName(), e.getCause());
			page.setErrorMessage("Cannot create the project: " + e.getCause().getMessage());
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Creates and builds the project (UI-independent; the wizard and tests use it).
	 *
	 * @param location where on disk, null for the workspace default
	 * @return the example {@code .nnet} file
	 */
	public static IFile create(IProject project, IPath location, IProgressMonitor monitor) throws CoreException {
		IProjectDescription description = ResourcesPlugin.getWorkspace().newProjectDescription(project.getName());
		description.setLocation(location);
		project.create(description, monitor);
		project.open(monitor);
		description = project.getDescription();
		description.setNatureIds(new String[] { JavaCore.NATURE_ID }); // configured now: adds the Java builder
		project.setDescription(description, monitor);
		IFolder src = project.getFolder("src");
		src.create(true, true, monitor);
		IFolder srcGen = project.getFolder(NNetBuilder.SRC_GEN);
		srcGen.create(true, true, monitor);
		IJavaProject java = JavaCore.create(project);
		List<IClasspathEntry> entries = new ArrayList<>();
		entries.add(JavaCore.newSourceEntry(src.getFullPath()));
		entries.add(JavaCore.newSourceEntry(srcGen.getFullPath()));
		entries.add(JavaRuntime.getDefaultJREContainerEntry());
		entries.add(JavaCore.newContainerEntry(NNetEngineContainer.PATH));
		java.setRawClasspath(entries.toArray(IClasspathEntry[]::new), project.getFolder("bin").getFullPath(),
				monitor);
		NNetNature.addTo(project);
		IFile example = src.getFile("xor.nnet");
		example.create(new ByteArrayInputStream(NNetTemplate.XOR_MLP.text().getBytes(StandardCharsets.UTF_8)),
				true, monitor);
		project.build(IncrementalProjectBuilder.FULL_BUILD, monitor);
		return example;
	}
}

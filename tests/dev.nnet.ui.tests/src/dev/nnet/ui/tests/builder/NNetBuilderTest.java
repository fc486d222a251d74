package dev.nnet.ui.tests.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.ui.builder.NNetBuilder;
import dev.nnet.ui.builder.NNetNature;
import dev.nnet.ui.jdt.NNetEngineContainer;
import dev.nnet.ui.jdt.NewNNetProjectWizard;
import dev.nnet.ui.tests.UiTesting;

/** A Java project with .nnet files: markers, src-gen, JDT compiling against the engine container. */
public class NNetBuilderTest {

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		UiTesting.page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	private void build() throws Exception {
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, new NullProgressMonitor());
	}

	private List<IFile> generated() throws Exception {
		List<IFile> files = new ArrayList<>();
		project.getFolder(NNetBuilder.SRC_GEN).accept(r -> {
			if (r.getType() == IResource.FILE) {
				files.add((IFile) r);
			}
			return true;
		});
		return files;
	}

	private List<String> javaErrors() throws Exception {
		return Arrays.stream(project.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_INFINITE))
				.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
				.map(m -> m.getResource().getName() + ": " + m.getAttribute(IMarker.MESSAGE, "")).toList(); // JDT compile and build path problems, NNet errors
	}

	@Test
	public void theNewProjectGeneratesIntoSrcGenCompilesAgainstTheEngineAndCleansUpDeletedSources() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("builder-java");
		IFile nnet = NewNNetProjectWizard.create(project, null, new NullProgressMonitor());
		assertTrue(project.hasNature(JavaCore.NATURE_ID) && project.hasNature(NNetNature.ID));
		assertEquals(List.of(NNetBuilder.ID, JavaCore.BUILDER_ID), Arrays.stream(project.getDescription().getBuildSpec())
				.map(c -> c.getBuilderName()).toList(), "the NNet builder runs before the Java builder");

		IJavaProject java = JavaCore.create(project);
		List<IClasspathEntry> raw = List.of(java.getRawClasspath());
		assertTrue(raw.stream().anyMatch(e -> e.getPath().equals(project.getFolder("src-gen").getFullPath())));
		assertTrue(raw.stream().anyMatch(e -> e.getPath().equals(NNetEngineContainer.PATH)));
		File engine = NNetEngineContainer.engineLocation();
		assertNotNull(engine, "the engine bundle is installed");
		assertTrue(Arrays.stream(java.getResolvedClasspath(true)).anyMatch(e -> e.getPath().toFile().equals(engine)),
				"the container resolves to " + engine + ": " + Arrays.toString(java.getResolvedClasspath(true)));

		// Java code of the user that uses the engine compiles against the container
		UiTesting.file(project, "src/demo/UsesEngine.java", "package demo;\n"
				+ "public class UsesEngine {\n  public static java.util.List<String> names() {\n"
				+ "    return dev.nnet.engine.activation.Activations.NAMES;\n  }\n}\n");
		build();
		List<IFile> generated = generated();
		assertFalse(generated.isEmpty(), "generated files in src-gen");
		assertTrue(generated.stream().allMatch(IResource::isDerived));
		assertEquals(List.of(), javaErrors(), "JDT compiles src and src-gen without errors");
		List<String> bin = new ArrayList<>();
		project.getFolder("bin").accept(r -> bin.add(r.getProjectRelativePath().toString()) || true);
		assertTrue(project.getFile("bin/demo/UsesEngine.class").exists(), bin.toString());
		IMarker[] markers = NNetBuilder.markers(nnet);
		assertEquals(1, markers.length, "only the template's intended warning");
		assertEquals("dev.nnet.lang.notLinearlySeparable", markers[0].getAttribute("code", ""));
		assertEquals(IMarker.SEVERITY_WARNING, markers[0].getAttribute(IMarker.SEVERITY, -1));

		nnet.delete(true, null);
		build();
		assertEquals(List.of(), generated(), "deleting the .nnet removes what was generated from it");
	}

	@Test
	public void validatesEveryFileIntoMarkersWithLineAndQuickFixData() throws Exception {
		project = UiTesting.project("builder-markers");
		// the context menu's "Configure as NNet Project"
		org.eclipse.core.expressions.EvaluationContext context = new org.eclipse.core.expressions.EvaluationContext(null,
				project);
		context.addVariable(org.eclipse.ui.ISources.ACTIVE_CURRENT_SELECTION_NAME,
				new org.eclipse.jface.viewers.StructuredSelection(project));
		new dev.nnet.ui.builder.AddNNetNatureHandler()
				.execute(new org.eclipse.core.commands.ExecutionEvent(null, java.util.Map.of(), null, context));
		assertTrue(project.hasNature(NNetNature.ID));
		assertEquals(NNetBuilder.ID, project.getDescription().getBuildSpec()[0].getBuilderName());
		UiTesting.file(project, "nets.nnet", "package shared\nnetwork Net {\n  input 3\n  dense out 1 sigmoid\n}\n");
		IFile uses = UiTesting.file(project, "uses.nnet", "import shared.*\ndata d {\n  samples {\n    (0, 1) -> 1\n"
				+ "    (1, 0) -> 0\n  }\n}\ntraining t {\n  network Net\n  data d\n}\n");
		project.build(IncrementalProjectBuilder.FULL_BUILD, new NullProgressMonitor());
		IMarker[] markers = NNetBuilder.markers(uses);
		assertEquals(1, markers.length, Arrays.toString(markers));
		assertEquals("Network 'Net' expects 3 inputs but data 'd' has 2 features. Set 'input 2'.",
				markers[0].getAttribute(IMarker.MESSAGE, ""));
		assertEquals(9, markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals("dev.nnet.lang.inputSizeMismatch", markers[0].getAttribute("code", ""));
		assertEquals("2", markers[0].getAttribute("data", ""));
		assertFalse(project.getFolder(NNetBuilder.SRC_GEN).exists(), "no src-gen outside Java projects");
	}
}

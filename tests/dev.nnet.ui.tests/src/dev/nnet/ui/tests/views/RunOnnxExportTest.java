package dev.nnet.ui.tests.views;

import static dev.nnet.ui.tests.views.Workbench.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.lang.runs.RunRecord;
import dev.nnet.ui.onnx.ExportOnnxHandler;
import dev.nnet.ui.onnx.RunModels;
import dev.nnet.ui.runs.RunsRegistry;
import dev.nnet.ui.tests.UiTesting;
import dev.nnet.ui.views.runs.TrainingRunsView;

/**
 * {@code save "iris-model.onnx"} trained in the IDE writes the model file and its ONNX export; the Training Runs
 * view's "Export Run's Model as ONNX..." finds the run's model file and exports it (the same job as the Project
 * Explorer's Export as ONNX...), and refuses once a later run has overwritten that file. Screenshot: target/screenshots/runs-onnx-export.png.
 */
public class RunOnnxExportTest {

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		Workbench.page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
			RunsRegistry.get().reload();
		}
	}

	@Test
	public void saveOnnxInTheIdeAndExportARunsModelFromTheView() throws Exception {
		project = Workbench.project("runs-onnx");
		Path examples = Workbench.examples();
		assertNotNull(examples, "the repository's examples folder");
		project.getFolder("data").create(true, true, null);
		Workbench.file(project, "data/iris.csv", Files.readString(examples.resolve("data/iris.csv")));
		String iris = Files.readString(examples.resolve("iris.nnet"));
		IFile nnet = Workbench.file(project, "iris.nnet", iris.replace("save \"iris-model.json\"", "save \"iris-model.onnx\""));
		org.eclipse.debug.core.ILaunch launch = Workbench.launch(nnet, "irisRun", 30);
		waitFor("the launch to terminate", 120_000, launch::isTerminated);
		RunRecord run = Workbench.record(launch);
		assertTrue(project.getFile("iris-model.onnx").getLocation().toFile().length() > 0, "save \"iris-model.onnx\"");
		assertTrue(project.getFile("iris-model.json").getLocation().toFile().isFile(), "the model file next to it");

		TrainingRunsView view = (TrainingRunsView) Workbench.page().showView(TrainingRunsView.ID);
		waitFor("the run in the table", 10_000, () -> view.shownRuns().stream().anyMatch(r -> r.id().equals(run.id())));
		RunRecord shown = view.shownRuns().stream().filter(r -> r.id().equals(run.id())).findFirst().orElseThrow();
		view.select(List.of(shown));
		IContributionItem[] items = view.getViewSite().getActionBars().getToolBarManager().getItems();
		assertTrue(Arrays.stream(items).anyMatch(i -> i instanceof ActionContributionItem a
				&& a.getAction().getText().equals("Export Run's Model as ONNX...")), "the view's action");

		IFile model = RunModels.modelFile(project, shown);
		assertEquals("iris-model.json", model.getName());
		File target = project.getLocation().append("iris-run.onnx").toFile();
		Job job = ExportOnnxHandler.export(model, target.toPath());
		job.join();
		assertTrue(job.getResult().isOK(), job.getResult().getMessage());
		byte[] head = Arrays.copyOf(Files.readAllBytes(target.toPath()), 2);
		assertEquals(List.of((byte) 0x08, (byte) 0x08), List.of(head[0], head[1]), "an ONNX model of IR version 8");

		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		shell.setBounds(0, 0, 1400, 900);
		project.refreshLocal(org.eclipse.core.resources.IResource.DEPTH_INFINITE, null);
		var explorer = Workbench.page().showView(org.eclipse.ui.IPageLayout.ID_PROJECT_EXPLORER);
		((org.eclipse.ui.part.ISetSelectionTarget) explorer).selectReveal(new org.eclipse.jface.viewers.StructuredSelection(
				List.of(project.getFile("iris-model.onnx"), project.getFile("iris-run.onnx"))));
		Workbench.page().activate(view);
		view.showTab("Curves");
		view.select(List.of(shown));
		Workbench.flush();
		File shot = UiTesting.screenshot(shell, "runs-onnx-export.png");
		assertTrue(shot.length() > 10_000, "a real picture: " + shot.length() + " bytes");

		// a second run overwrites iris-model.json: the first run's export refuses instead of exporting the second's
		String reseeded = Files.readString(nnet.getLocation().toFile().toPath()).replace("\n  seed 7\n", "\n  seed 8\n");
		assertTrue(!reseeded.contains("\n  seed 7\n"), "the training's seed line");
		nnet.setContents(new java.io.ByteArrayInputStream(reseeded.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				true, false, null); // other initial weights: another model in the same file
		org.eclipse.debug.core.ILaunch again = Workbench.launch(nnet, "irisRun", 30);
		waitFor("the second launch to terminate", 120_000, again::isTerminated);
		RunRecord later = Workbench.record(again);
		assertEquals("iris-model.json", RunModels.modelFile(project, later).getName());
		IllegalStateException refused = assertThrows(IllegalStateException.class,
				() -> RunModels.modelFile(project, shown));
		assertTrue(refused.getMessage().contains("no longer holds this run's model"), refused.getMessage());
	}
}

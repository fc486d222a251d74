package dev.nnet.ui.tests.launch;

import static dev.nnet.ui.tests.views.Workbench.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.runs.RunStatus;
import dev.nnet.lang.runs.RunStore;
import dev.nnet.ui.markers.RunMarkers;
import dev.nnet.ui.runs.RunsRegistry;
import dev.nnet.ui.tests.views.Workbench;
import dev.nnet.ui.views.boundary.DecisionBoundaryView;
import dev.nnet.ui.views.graph.NetworkGraphView;
import dev.nnet.ui.views.runs.TrainingRunsView;

/** Run As > NNet Training through real launch configurations, jobs, the runs store and markers. */
public class TrainingLaunchTest {

	static final String XOR = """
			data xor {
			  samples {
			    (0, 0) -> 0
			    (0, 1) -> 1
			    (1, 0) -> 1
			    (1, 1) -> 0
			  }
			}

			network XorNet {
			  input 2
			  dense hidden 4 tanh init xavier
			  dense out 1 sigmoid
			  loss mse
			}

			training xorRun {
			  network XorNet
			  data xor
			  optimizer sgd learningRate 0.5
			  batch full
			  epochs 5000
			  seed 42
			  precision float64
			  stop when accuracy >= 100%
			}

			training endless {
			  network XorNet
			  data xor
			  optimizer sgd learningRate 0.0001
			  batch 1
			  epochs 100000000
			  seed 1
			}

			network Wild {
			  input 2
			  dense wide 8 relu
			  dense out 1
			  loss mse
			}

			training wildRun {
			  network Wild
			  data xor
			  optimizer sgd learningRate 1000000000000
			  batch full
			  epochs 500
			  seed 3
			}
			""";

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		Workbench.page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
			RunsRegistry.get().reload();
		}
	}

	private static ILaunch launch(IFile file, String training, int epochs) throws Exception {
		return Workbench.launch(file, training, epochs);
	}

	private static RunRecord record(ILaunch launch) {
		return Workbench.record(launch);
	}

	@Test
	public void xorConvergesIsListedAndPersists() throws Exception {
		project = Workbench.project("launch-xor");
		IFile file = Workbench.file(project, "xor.nnet", XOR);
		IDE.openEditor(Workbench.page(), file);
		Workbench.page().showView(NetworkGraphView.ID);
		TrainingRunsView runsView = (TrainingRunsView) Workbench.page().showView(TrainingRunsView.ID);
		DecisionBoundaryView boundary = (DecisionBoundaryView) Workbench.page().showView(DecisionBoundaryView.ID);
		ILaunch launch = launch(file, "xorRun", 0);
		waitFor("the XOR launch to terminate", 60_000, launch::isTerminated);
		RunRecord run = record(launch);
		assertEquals(RunStatus.CONVERGED, run.status(), run.message());
		assertTrue(run.epochs().size() > 1 && run.epochs().size() < 5000, run.epochs().size() + " epochs");
		assertEquals(1.0, run.lastEpoch().trainAccuracy());
		assertEquals(List.of("hidden", "out"), run.layerNames());

		waitFor("the run in the runs view", 5_000, () -> runsView.shownRuns().contains(run));
		runsView.select(List.of(run));
		assertEquals(run.epochs().size(), runsView.charts().get(0).series().get(0).x().length,
				"loss chart has one point per epoch");
		assertEquals(2, runsView.charts().get(2).series().size(), "one gradient series per layer");
		waitFor("the decision boundary of the run", 5_000, () -> boundary.getRun() == run);
		assertEquals(4, boundary.getBoundary().points().length);
		Path dir = project.getLocation().toFile().toPath().resolve(RunStore.FOLDER).resolve(run.id());
		assertTrue(Files.isRegularFile(dir.resolve("run.json")) && Files.isRegularFile(dir.resolve("epochs.csv")));
		Workbench.screenshot("runs.png", runsView);
		Workbench.screenshot("boundary.png", boundary);
		NetworkGraphView graph = (NetworkGraphView) Workbench.page().showView(NetworkGraphView.ID);
		waitFor("trained edges", 5_000, () -> graph.getGraph() != null && graph.getGraph().isTrained());
		Workbench.screenshot("graph.png", graph);

		// close the view, forget everything in memory, reopen: the run comes back from disk
		Workbench.page().hideView(runsView);
		RunsRegistry.get().reload();
		TrainingRunsView reopened = (TrainingRunsView) Workbench.page().showView(TrainingRunsView.ID);
		RunRecord back = reopened.shownRuns().stream().filter(r -> r.id().equals(run.id())).findFirst().orElseThrow();
		assertEquals(RunStatus.CONVERGED, back.status());
		assertEquals(run.epochs().size(), back.epochs().size());
		assertTrue(back != run, "loaded from disk");
	}

	@Test
	public void cancellingStopsWithinABatchAndKeepsTheMetrics() throws Exception {
		project = Workbench.project("launch-cancel");
		IFile file = Workbench.file(project, "xor.nnet", XOR);
		ILaunch launch = launch(file, "endless", 0);
		waitFor("a few epochs", 30_000, () -> record(launch) != null && record(launch).epochs().size() >= 20);
		RunRecord run = record(launch);
		launch.terminate();
		int atCancel = run.epochs().size();
		waitFor("the cancelled launch to terminate", 10_000, launch::isTerminated);
		assertEquals(RunStatus.CANCELLED, run.status());
		assertTrue(run.epochs().size() <= atCancel + 1, "stopped within one batch: " + atCancel + " -> "
				+ run.epochs().size());
		RunRecord stored = RunsRegistry.store(project).list().get(0);
		assertEquals(RunStatus.CANCELLED, stored.status());
		assertEquals(run.epochs().size(), stored.epochs().size(), "partial metrics saved");
	}

	@Test
	public void aDivergingRunLeavesAWarningOnTheSource() throws Exception {
		project = Workbench.project("launch-diverge");
		IFile file = Workbench.file(project, "xor.nnet", XOR);
		ILaunch launch = launch(file, "wildRun", 0);
		waitFor("the diverging launch to terminate", 30_000, launch::isTerminated);
		RunRecord run = record(launch);
		assertEquals(RunStatus.DIVERGED, run.status(), run.message());
		IMarker[] markers = file.findMarkers(RunMarkers.TYPE, false, IResource.DEPTH_ZERO);
		IMarker diverged = null;
		for (IMarker m : markers) {
			if ("diverged".equals(m.getAttribute(RunMarkers.CODE, ""))) {
				diverged = m;
			}
		}
		assertNotNull(diverged, "a diverged marker");
		assertEquals(IMarker.SEVERITY_WARNING, diverged.getAttribute(IMarker.SEVERITY, -1));
		String message = diverged.getAttribute(IMarker.MESSAGE, "");
		assertTrue(message.contains("DIVERGED") && message.contains("Lower the learning rate"), message);
		int line = diverged.getAttribute(IMarker.LINE_NUMBER, -1);
		String declared = XOR.split("\n", -1)[line - 1];
		assertTrue(declared.contains("dense") || declared.contains("training wildRun"), "marker on line " + line
				+ ": " + declared);

		// the next run of the training replaces the markers
		ILaunch again = launch(file, "wildRun", 1);
		waitFor("the second launch", 30_000, again::isTerminated);
		for (IMarker m : file.findMarkers(RunMarkers.TYPE, false, IResource.DEPTH_ZERO)) {
			assertTrue(m.getAttribute(IMarker.MESSAGE, "").contains(record(again).status().name()), "old marker left");
		}
	}
}

package dev.nnet.ui.tests.views;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

/** Helpers for workbench tests: projects, waiting on conditions by spinning the event loop, screenshots. */
public final class Workbench {

	private Workbench() {
	}

	public static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	public static IProject project(String name) throws Exception {
		IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (p.exists()) {
			p.delete(true, true, null);
		}
		p.create(null);
		p.open(null);
		return p;
	}

	public static IFile file(IProject p, String name, String text) throws Exception {
		IFile f = p.getFile(name);
		f.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		return f;
	}

	/** Spins the UI event loop until the condition holds; fails after the deadline. No fixed sleeps. */
	public static void waitFor(String what, long timeoutMillis, BooleanSupplier condition) {
		Display d = Display.getCurrent();
		long end = System.currentTimeMillis() + timeoutMillis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				fail("timed out after " + timeoutMillis + " ms waiting for " + what);
			}
			if (!d.readAndDispatch()) {
				d.timerExec(10, () -> {
				});
				d.sleep();
			}
		}
	}

	/** Processes pending UI events. */
	public static void flush() {
		Display d = Display.getCurrent();
		while (d.readAndDispatch()) {
			// drain
		}
	}

	/** Launches a training through a new NNet Training launch configuration (Run As > NNet Training). */
	public static org.eclipse.debug.core.ILaunch launch(IFile file, String training, int epochs) throws Exception {
		org.eclipse.debug.core.ILaunchManager manager = org.eclipse.debug.core.DebugPlugin.getDefault()
				.getLaunchManager();
		org.eclipse.debug.core.ILaunchConfigurationWorkingCopy wc = manager
				.getLaunchConfigurationType(dev.nnet.ui.launch.TrainingLaunch.TYPE)
				.newInstance(null, training + System.nanoTime());
		wc.setAttribute(dev.nnet.ui.launch.TrainingLaunch.FILE, file.getFullPath().toString());
		wc.setAttribute(dev.nnet.ui.launch.TrainingLaunch.TRAINING, training);
		wc.setAttribute(dev.nnet.ui.launch.TrainingLaunch.EPOCHS, epochs);
		return wc.launch(org.eclipse.debug.core.ILaunchManager.RUN_MODE, null);
	}

	/** @return the run a launch records (null before its training started) */
	public static dev.nnet.lang.runs.RunRecord record(org.eclipse.debug.core.ILaunch launch) {
		return ((dev.nnet.ui.launch.TrainingProcess) launch.getProcesses()[0]).job().record();
	}

	/** Closes the editors, deletes the project (if any) with its runs and makes the registry forget them. */
	public static void closeAndDelete(IProject project) throws Exception {
		page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
			dev.nnet.ui.runs.RunsRegistry.get().reload();
		}
	}

	/** A project with the iris, XOR and deep sigmoid examples and their data. */
	public static IProject exampleProject(String name) throws Exception {
		IProject p = project(name);
		Path examples = examples();
		org.junit.jupiter.api.Assertions.assertNotNull(examples, "the repository's examples folder");
		p.getFolder("data").create(true, true, null);
		file(p, "data/iris.csv", Files.readString(examples.resolve("data/iris.csv")));
		for (String f : java.util.List.of("iris.nnet", "xor.nnet", "deep-sigmoid.nnet")) {
			file(p, f, Files.readString(examples.resolve(f)));
		}
		return p;
	}

	/**
	 * Trains outside the IDE as {@code nnet train FILE --epochs N} does: the planner's plan run by a
	 * {@link dev.nnet.lang.run.TrainingSession} that saves the model and records the run in the runs folder of the
	 * file's project ({@link dev.nnet.lang.run.TrainingSession#projectRunsFolder}, the command line's default).
	 *
	 * @return the run as the session recorded it (the IDE reads its own copy from the folder)
	 */
	public static dev.nnet.lang.runs.RunRecord recordAsTheCommandLine(IFile file, String trainingName, int epochs)
			throws Exception {
		dev.nnet.lang.nnet.Model model = dev.nnet.ui.views.NNetModels.loadWithProject(file);
		dev.nnet.lang.nnet.Training training = model.getElements().stream()
				.filter(e -> e instanceof dev.nnet.lang.nnet.Training t && t.getName().equals(trainingName))
				.map(dev.nnet.lang.nnet.Training.class::cast).findFirst().orElseThrow();
		dev.nnet.lang.run.TrainingPlan plan = new dev.nnet.lang.run.TrainingPlanner(dev.nnet.ui.views.NNetModels
				.injector().getInstance(dev.nnet.lang.shapes.ShapeInference.class))
				.plan(training, new dev.nnet.lang.run.RunOverrides(epochs > 0 ? epochs : null, null, null));
		Path nnet = file.getLocation().toFile().toPath();
		Path runs = dev.nnet.lang.run.TrainingSession.projectRunsFolder(nnet);
		org.junit.jupiter.api.Assertions.assertEquals(
				file.getProject().getLocation().toFile().toPath().resolve(dev.nnet.lang.runs.RunStore.FOLDER), runs);
		dev.nnet.lang.run.TrainingSession.Outcome outcome = new dev.nnet.lang.run.TrainingSession(plan,
				plan.modelPath(), runs, dev.nnet.lang.run.TrainingSession.sourceName(nnet, runs)).run(null, null);
		org.junit.jupiter.api.Assertions.assertNotNull(outcome.recordedIn(), outcome.recordError());
		return outcome.record();
	}

	/** @return the examples folder of the repository (walks up from the working directory), or null */
	public static Path examples() {
		for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
			if (Files.isRegularFile(p.resolve("examples/xor.nnet"))) {
				return p.resolve("examples");
			}
		}
		return null;
	}

	/**
	 * Saves the workbench window as PNG into the folder named by system property {@code nnet.screenshots} (no-op
	 * without it).
	 */
	public static void screenshot(String name, org.eclipse.ui.IViewPart view) throws Exception {
		String dir = System.getProperty("nnet.screenshots");
		if (dir == null || dir.isBlank()) {
			return;
		}
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		shell.setBounds(0, 0, 1400, 860);
		page().activate(view);
		page().setPartState(page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		long until = System.currentTimeMillis() + 300;
		waitFor("the zoomed view to paint", 2_000, () -> {
			flush();
			return System.currentTimeMillis() > until;
		});
		Rectangle b = shell.getBounds();
		Image image = new Image(shell.getDisplay(), b.width, b.height);
		GC gc = new GC(shell.getDisplay());
		gc.copyArea(image, b.x, b.y);
		gc.dispose();
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { image.getImageData() };
		Files.createDirectories(Path.of(dir));
		loader.save(Path.of(dir, name).toString(), SWT.IMAGE_PNG);
		image.dispose();
		page().setPartState(page().getReference(view), IWorkbenchPage.STATE_RESTORED);
	}
}

package dev.nnet.ui.onnx;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.xtext.EcoreUtil2;

import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.SaveTargets;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.runs.SavedModel;
import dev.nnet.ui.runs.RunsRegistry;
import dev.nnet.ui.views.NNetModels;

/**
 * The model file of a run in the Training Runs view: the file the run recorded when it saved (checked by size and
 * CRC-32 to still hold that run's model, not a later run's), or for a run recorded without one the file its training's
 * {@code save} names (resolved against the {@code .nnet} file, {@code .json} for a {@code save "x.onnx"}).
 */
public final class RunModels {
	private RunModels() {
	}

	/**
	 * "Export Run's Model as ONNX...": the file dialog and export of {@link ExportOnnxHandler} on the run's model
	 * file, or a message saying why the run has none.
	 *
	 * @param shell the parent shell
	 * @param run   the run
	 * @return the export job, or null (no model file, dialog cancelled)
	 */
	public static Job export(Shell shell, RunRecord run) {
		IProject project = RunsRegistry.get().project(run);
		try {
			if (project == null) {
				throw new IllegalStateException("the run is in no open project");
			}
			return ExportOnnxHandler.askAndExport(shell, modelFile(project, run));
		} catch (Exception e) {
			MessageDialog.openInformation(shell, "Export Run's Model as ONNX", run.training() + ": " + e.getMessage());
			return null;
		}
	}

	/**
	 * @param project the project the run was recorded in
	 * @param run     the run
	 * @return the model file in the workspace
	 * @throws IllegalStateException with a sentence for the user when there is none
	 */
	public static IFile modelFile(IProject project, RunRecord run) throws Exception {
		SavedModel saved = run.savedModel();
		if (saved == null && run.savedModelRecorded()) {
			throw new IllegalStateException("run " + run.id() + " (" + run.status() + ") saved no model file: nothing to"
					+ " export; a later run's model is not this run's");
		}
		Path file = saved != null && Files.isRegularFile(saved.file()) ? saved.file() : savedBy(project, run);
		if (saved != null) {
			String mismatch = saved.mismatch(file);
			if (mismatch != null) {
				throw new IllegalStateException(mismatch);
			}
		}
		IFile found = ResourcesPlugin.getWorkspace().getRoot().getFileForLocation(
				org.eclipse.core.runtime.IPath.fromFile(file.toFile()));
		if (found == null || !file.toFile().isFile()) {
			throw new IllegalStateException(file + " (the model file of training " + run.training() + ") does not exist");
		}
		return found;
	}

	/** Where the run's training saves now (a run recorded without its model file, or a project that moved). */
	private static Path savedBy(IProject project, RunRecord run) throws Exception {
		IFile nnet = project.getFile(run.source());
		if (!nnet.exists()) {
			throw new IllegalStateException(run.source() + " (the run's .nnet file) no longer exists in " + project.getName());
		}
		Model model = NNetModels.loadWithProject(nnet);
		Training training = EcoreUtil2.typeSelect(model.getElements(), Training.class).stream()
				.filter(t -> run.training().equals(t.getName())).findFirst().orElse(null);
		if (training == null) {
			throw new IllegalStateException(run.source() + " has no training '" + run.training() + "' any more");
		}
		Path file = SaveTargets.modelFile(training);
		if (file == null) {
			throw new IllegalStateException("training " + run.training() + " has no save \"...\": no model file to export"
					+ " (nnet train --save writes one)");
		}
		return file;
	}
}

package dev.nnet.ui.onnx;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.nnet.onnx.ModelAdapter;
import dev.nnet.onnx.Onnx;

/**
 * "Export as ONNX..." on a model file ({@code *.json} written by a training): asks for the target file (default:
 * the model's name with {@code .onnx}, next to it) and exports in a job through {@link Onnx}, the service the
 * command line's {@code nnet export} uses. A file that is not a model is reported with its line and column.
 */
public class ExportOnnxHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IFile model = HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection s
				? Adapters.adapt(s.getFirstElement(), IFile.class) : null;
		if (model == null || model.getLocation() == null) {
			return null;
		}
		askAndExport(HandlerUtil.getActiveShell(event), model);
		return null;
	}

	/**
	 * Asks for the target (default: the model's name with {@code .onnx}, next to it) and exports in a job.
	 *
	 * @param shell the parent of the file dialog
	 * @param model the model file
	 * @return the job, or null when the dialog was cancelled
	 */
	public static Job askAndExport(Shell shell, IFile model) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setText("Export " + model.getName() + " as ONNX");
		dialog.setFilterExtensions(new String[] { "*.onnx" });
		dialog.setFilterPath(model.getLocation().removeLastSegments(1).toOSString());
		dialog.setFileName(model.getName().replaceFirst("\\.json$", "") + ".onnx");
		dialog.setOverwrite(true);
		String target = dialog.open();
		return target == null ? null : export(model, Path.of(target));
	}

	/**
	 * Exports in a job and refreshes the model's folder; a failure is the job's error status, which the workbench
	 * shows in its problem dialog (the located message of the model reader or of the export).
	 */
	public static Job export(IFile model, Path target) {
		Path source = model.getLocation().toFile().toPath();
		Job job = Job.create("Export " + model.getName() + " as ONNX", (IProgressMonitor monitor) -> {
			try {
				Onnx.export(ModelAdapter.fromModelFile(source), target);
				model.getParent().refreshLocal(IResource.DEPTH_ONE, monitor);
				return Status.OK_STATUS;
			} catch (CoreException e) {
				return e.getStatus();
			} catch (Exception e) {
				return new Status(IStatus.ERROR, "dev.nnet.ui", e.getMessage());
			}
		});
		job.schedule();
		return job;
	}
}

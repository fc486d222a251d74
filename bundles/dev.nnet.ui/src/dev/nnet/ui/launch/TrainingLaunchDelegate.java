package dev.nnet.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Path;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.ILaunchConfigurationDelegate;

import dev.nnet.lang.run.RunOverrides;

/** Starts a {@link TrainingJob} for a launch configuration of type {@link TrainingLaunch#TYPE}. */
public final class TrainingLaunchDelegate implements ILaunchConfigurationDelegate {

	@Override
	public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor)
			throws CoreException {
		String path = config.getAttribute(TrainingLaunch.FILE, "");
		String training = config.getAttribute(TrainingLaunch.TRAINING, "");
		IFile file = path.isBlank() ? null : ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(path));
		if (file == null || !file.exists()) {
			throw new CoreException(Status.error("Launch configuration '" + config.getName() + "': file '" + path
					+ "' does not exist"));
		}
		if (training.isBlank()) {
			throw new CoreException(Status.error("Launch configuration '" + config.getName() + "': no training set"));
		}
		int epochs = config.getAttribute(TrainingLaunch.EPOCHS, 0);
		String seed = config.getAttribute(TrainingLaunch.SEED, "").trim();
		Long seedValue;
		try {
			seedValue = seed.isEmpty() ? null : Long.valueOf(seed);
		} catch (NumberFormatException e) {
			throw new CoreException(Status.error("Launch configuration '" + config.getName() + "': seed '" + seed
					+ "' is not a whole number"));
		}
		TrainingJob job = new TrainingJob(file, training,
				new RunOverrides(epochs > 0 ? Integer.valueOf(epochs) : null, seedValue, null));
		new TrainingProcess(launch, job);
		job.schedule();
	}
}

package dev.nnet.ui.launch;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamsProxy;

/**
 * Shows a {@link TrainingJob} as the process of its launch: the Debug view lists it, Terminate cancels the job and
 * the launch terminates when the job is done.
 */
public final class TrainingProcess implements IProcess {

	private final ILaunch launch;
	private final TrainingJob job;
	private final Map<String, String> attributes = new HashMap<>();
	private volatile boolean terminated;
	private volatile int exitValue;

	/** Wraps a job that is about to be scheduled and adds itself to the launch. */
	public TrainingProcess(ILaunch launch, TrainingJob job) {
		this.launch = launch;
		this.job = job;
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				exitValue = event.getResult().isOK() ? 0 : 1;
				terminated = true;
				DebugPlugin.getDefault().fireDebugEventSet(
						new DebugEvent[] { new DebugEvent(TrainingProcess.this, DebugEvent.TERMINATE) });
			}
		});
		launch.addProcess(this);
	}

	/** @return the job doing the training */
	public TrainingJob job() {
		return job;
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return null;
	}

	@Override
	public boolean canTerminate() {
		return !terminated;
	}

	@Override
	public boolean isTerminated() {
		return terminated;
	}

	@Override
	public void terminate() {
		job.cancel();
	}

	@Override
	public String getLabel() {
		return job.getName();
	}

	@Override
	public ILaunch getLaunch() {
		return launch;
	}

	@Override
	public IStreamsProxy getStreamsProxy() {
		return null;
	}

	@Override
	public void setAttribute(String key, String value) {
		attributes.put(key, value);
	}

	@Override
	public String getAttribute(String key) {
		return attributes.get(key);
	}

	@Override
	public int getExitValue() {
		return exitValue;
	}
}

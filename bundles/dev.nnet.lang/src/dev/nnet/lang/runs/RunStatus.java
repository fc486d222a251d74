package dev.nnet.lang.runs;

import dev.nnet.engine.train.TrainingStatus;

/** The state of a recorded run: still running, one of the engine's outcomes, or failed before training. */
public enum RunStatus {
	RUNNING, CONVERGED, COMPLETED, NOT_CONVERGED, DIVERGED, CANCELLED, FAILED;

	/** @return the run status for an engine outcome */
	public static RunStatus of(TrainingStatus status) {
		return valueOf(status.name());
	}
}

package dev.nnet.ui.runs;

import dev.nnet.lang.runs.RunRecord;

/** Told about run changes; called on any thread (training threads included). */
public interface RunsListener {

	/** The set of runs changed (added, finished, deleted, loaded). */
	void runsChanged();

	/** A running run finished an epoch (its record already holds it). */
	default void epochAdded(RunRecord run) {
	}
}

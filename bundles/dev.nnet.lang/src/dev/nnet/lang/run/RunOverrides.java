package dev.nnet.lang.run;

import java.nio.file.Path;

/**
 * Settings that replace those of a {@code training} block for one run (command line options, launch configuration).
 *
 * @param epochs   the epoch cap instead of the training's {@code epochs}; 0 runs no epoch (only measures), null keeps
 *                 the file's value
 * @param seed     the seed of initialisation and shuffling instead of the training's {@code seed}, null keeps it
 * @param initFrom a model file (docs/model-format.md) whose weights replace the initial ones (a warm start: the
 *                 optimizer, epoch counter, schedule and shuffling start afresh), or null
 * @param resume   a checkpoint to continue from exactly (weights, optimizer state, epoch, schedule position, random
 *                 streams), or null
 */
public record RunOverrides(Integer epochs, Long seed, Path initFrom, Path resume) {

	/** No overrides: run the training as the file says. */
	public static final RunOverrides NONE = new RunOverrides(null, null, null, null);

	/** Overrides without a checkpoint to resume. */
	public RunOverrides(Integer epochs, Long seed, Path initFrom) {
		this(epochs, seed, initFrom, null);
	}
}

package dev.nnet.lang.run;

import java.nio.file.Path;

/**
 * Settings that replace those of a {@code training} block for one run (command line options, launch configuration).
 *
 * @param epochs   the epoch cap instead of the training's {@code epochs}; 0 runs no epoch (only measures), null keeps
 *                 the file's value
 * @param seed     the seed of initialisation and shuffling instead of the training's {@code seed}, null keeps it
 * @param initFrom a model file (docs/model-format.md) whose weights replace the initial ones, or null
 */
public record RunOverrides(Integer epochs, Long seed, Path initFrom) {

	/** No overrides: run the training as the file says. */
	public static final RunOverrides NONE = new RunOverrides(null, null, null);
}

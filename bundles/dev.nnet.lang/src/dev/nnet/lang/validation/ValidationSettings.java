package dev.nnet.lang.validation;

import com.google.inject.Singleton;

/**
 * The adjustable thresholds of the validator's warnings (the IDE's preference page sets them on the injector's
 * instance). Defaults are the documented rules.
 */
@Singleton
public class ValidationSettings {

	/** Default of {@link #vanishingDepth()}: rule 5 warns from 4 stacked sigmoid/tanh layers. */
	public static final int DEFAULT_VANISHING_DEPTH = 4;
	/** Default of {@link #largeLearningRate()}: rule 9 warns above 1. */
	public static final double DEFAULT_LARGE_LEARNING_RATE = 1.0;

	private volatile int vanishingDepth = DEFAULT_VANISHING_DEPTH;
	private volatile double largeLearningRate = DEFAULT_LARGE_LEARNING_RATE;

	/** @return how many stacked sigmoid/tanh layers make the vanishing-gradient warning */
	public int vanishingDepth() {
		return vanishingDepth;
	}

	/** @param depth at least 2 */
	public void setVanishingDepth(int depth) {
		this.vanishingDepth = Math.max(2, depth);
	}

	/** @return learning rates above this warn with unbounded activations */
	public double largeLearningRate() {
		return largeLearningRate;
	}

	/** @param rate a positive number */
	public void setLargeLearningRate(double rate) {
		this.largeLearningRate = rate > 0 ? rate : DEFAULT_LARGE_LEARNING_RATE;
	}
}

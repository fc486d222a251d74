package dev.nnet.ui.preferences;

import org.eclipse.jface.preference.IPreferenceStore;

import com.google.inject.Injector;

import dev.nnet.lang.validation.ValidationSettings;

/** Keeps the language's {@link ValidationSettings} in step with the preference store. */
public final class ValidationPreferences {

	/** Stacked sigmoid/tanh layers that make the vanishing-gradient warning. */
	public static final String VANISHING_DEPTH = "validation.vanishingDepth";
	/** Learning rate above which unbounded activations warn. */
	public static final String LARGE_LEARNING_RATE = "validation.largeLearningRate";

	private ValidationPreferences() {
	}

	/** Registers the defaults (the documented rules). */
	public static void setDefaults(IPreferenceStore store) {
		store.setDefault(VANISHING_DEPTH, ValidationSettings.DEFAULT_VANISHING_DEPTH);
		store.setDefault(LARGE_LEARNING_RATE, ValidationSettings.DEFAULT_LARGE_LEARNING_RATE);
	}

	/** Copies the store's thresholds into the injector's settings now and whenever they change. */
	public static void install(Injector injector, IPreferenceStore store) {
		setDefaults(store);
		ValidationSettings settings = injector.getInstance(ValidationSettings.class);
		Runnable copy = () -> {
			settings.setVanishingDepth(store.getInt(VANISHING_DEPTH));
			settings.setLargeLearningRate(store.getDouble(LARGE_LEARNING_RATE));
		};
		copy.run();
		store.addPropertyChangeListener(e -> {
			if (VANISHING_DEPTH.equals(e.getProperty()) || LARGE_LEARNING_RATE.equals(e.getProperty())) {
				copy.run();
			}
		});
	}
}

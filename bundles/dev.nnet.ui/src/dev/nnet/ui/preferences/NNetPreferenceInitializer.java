package dev.nnet.ui.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;

import dev.nnet.ui.editor.NNetColors;
import dev.nnet.ui.internal.NNetUiPlugin;

/** Default colors and validator thresholds. */
public class NNetPreferenceInitializer extends AbstractPreferenceInitializer {

	@Override
	public void initializeDefaultPreferences() {
		NNetColors.setDefaults(NNetUiPlugin.preferences());
		ValidationPreferences.setDefaults(NNetUiPlugin.preferences());
		dev.nnet.ui.editor.NNetCodeMinings.setDefaults(NNetUiPlugin.preferences());
	}
}

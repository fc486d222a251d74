package dev.nnet.ui.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import com.google.inject.Injector;

import dev.nnet.lang.ide.NNetIdeSetup;

/**
 * The one place the UI bundle gets the language from: a lazily created Guice {@link Injector} for the NNet
 * language with its generic ide services ({@link NNetIdeSetup}), the bundle's preference store and its log.
 * Editor, builder, wizards and views all use the same injector, so singletons (shape inference, the data
 * inspector's CSV cache, validation settings) are shared.
 */
public final class NNetUiPlugin {

	/** The symbolic name of the UI bundle. */
	public static final String PLUGIN_ID = "dev.nnet.ui";

	private static volatile Injector injector;
	private static volatile IPreferenceStore preferences;

	private NNetUiPlugin() {
	}

	/**
	 * @return the language's injector, created (and the EMF registration done) on first use; thread-safe
	 */
	public static Injector injector() {
		Injector result = injector;
		if (result == null) {
			synchronized (NNetUiPlugin.class) {
				result = injector;
				if (result == null) {
					result = new NNetIdeSetup().createInjectorAndDoEMFRegistration();
					dev.nnet.ui.preferences.ValidationPreferences.install(result, preferences());
					injector = result;
				}
			}
		}
		return result;
	}

	/** @return the instance-scope preference store of {@code dev.nnet.ui} (colors, validator thresholds) */
	public static IPreferenceStore preferences() {
		IPreferenceStore result = preferences;
		if (result == null) {
			synchronized (NNetUiPlugin.class) {
				result = preferences;
				if (result == null) {
					result = new ScopedPreferenceStore(InstanceScope.INSTANCE, PLUGIN_ID);
					preferences = result;
				}
			}
		}
		return result;
	}

	/** Writes an error with its cause to the Eclipse log (Error Log view, .metadata/.log). */
	public static void log(String message, Throwable cause) {
		ILog.of(NNetUiPlugin.class).log(new Status(IStatus.ERROR, PLUGIN_ID, message, cause));
	}
}

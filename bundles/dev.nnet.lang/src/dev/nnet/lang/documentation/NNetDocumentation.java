package dev.nnet.lang.documentation;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.google.inject.Singleton;

/**
 * Short texts on every activation, loss, optimizer, initializer, schedule and layer kind, from
 * {@code documentation.properties} next to this class. Keys are the language's keywords ({@code relu},
 * {@code cross_entropy}, {@code adam}, {@code he_normal}, {@code dense}, ...).
 */
@Singleton
public class NNetDocumentation {

	private static final ResourceBundle TEXTS = ResourceBundle.getBundle(
			"dev.nnet.lang.documentation.documentation", Locale.ROOT, NNetDocumentation.class.getClassLoader());

	/**
	 * @param keyword a keyword or enum literal of the language
	 * @return its documentation, or null when there is none
	 */
	public String documentationFor(String keyword) {
		if (keyword == null) {
			return null;
		}
		try {
			return TEXTS.getString(keyword);
		} catch (MissingResourceException e) {
			return null;
		}
	}
}

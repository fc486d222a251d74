package dev.nnet.lang.validation;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The validator's messages, from {@code messages.properties} next to this class (MessageFormat patterns). */
public final class Messages {

	private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.nnet.lang.validation.messages",
			Locale.ROOT, Messages.class.getClassLoader());

	private Messages() {
	}

	/**
	 * @param key       the message key
	 * @param arguments the values of {0}, {1}, ...
	 * @return the formatted message
	 */
	public static String get(String key, Object... arguments) {
		try {
			return new MessageFormat(BUNDLE.getString(key), Locale.ROOT).format(arguments);
		} catch (MissingResourceException e) {
			return '!' + key + '!';
		}
	}
}

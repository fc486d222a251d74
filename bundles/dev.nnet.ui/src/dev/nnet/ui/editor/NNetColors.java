package dev.nnet.ui.editor;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/**
 * The editor's token styles, one per syntax category, read from the preference store ({@code color.<category>})
 * and updated in place when the preferences change.
 */
public class NNetColors {

	/** Structural keywords: network, dense, training, ... */
	public static final String KEYWORD = "color.keyword";
	/** Enum keywords: activations, losses, optimizers, initializers, ... */
	public static final String LITERAL = "color.literal";
	/** Numbers. */
	public static final String NUMBER = "color.number";
	/** String literals (CSV paths, column names). */
	public static final String STRING = "color.string";
	/** Comments. */
	public static final String COMMENT = "color.comment";
	/** Names where they are declared (semantic). */
	public static final String DECLARATION = "color.declaration";
	/** References to networks and data (semantic). */
	public static final String REFERENCE = "color.reference";
	/** Whether matching brackets are highlighted. */
	public static final String MATCHING_BRACKETS = "matchingBrackets";
	/** The color of the matching bracket box. */
	public static final String MATCHING_BRACKETS_COLOR = "matchingBracketsColor";

	/** Category key to (default color, SWT style), in the order the preference page lists them. */
	public static final Map<String, Object[]> DEFAULTS = new LinkedHashMap<>();
	static {
		DEFAULTS.put(KEYWORD, new Object[] { new RGB(127, 0, 85), SWT.BOLD, "Keywords" });
		DEFAULTS.put(LITERAL, new Object[] { new RGB(0, 80, 180), SWT.NORMAL, "Activations, losses, optimizers, initializers" });
		DEFAULTS.put(NUMBER, new Object[] { new RGB(150, 80, 0), SWT.NORMAL, "Numbers" });
		DEFAULTS.put(STRING, new Object[] { new RGB(42, 0, 255), SWT.NORMAL, "Strings" });
		DEFAULTS.put(COMMENT, new Object[] { new RGB(63, 127, 95), SWT.ITALIC, "Comments" });
		DEFAULTS.put(DECLARATION, new Object[] { new RGB(0, 0, 0), SWT.BOLD, "Declared names" });
		DEFAULTS.put(REFERENCE, new Object[] { new RGB(0, 120, 120), SWT.ITALIC, "References to networks and data" });
	}

	private final IPreferenceStore store;
	private final Map<String, Token> tokens = new LinkedHashMap<>();

	/** @param store the store holding {@code color.*} keys; defaults are registered on it */
	public NNetColors(IPreferenceStore store) {
		this.store = store;
		setDefaults(store);
		for (String key : DEFAULTS.keySet()) {
			tokens.put(key, new Token(attribute(key)));
		}
	}

	/** Registers the default colors and bracket matching settings on {@code store}. */
	public static void setDefaults(IPreferenceStore store) {
		DEFAULTS.forEach((key, value) -> PreferenceConverter.setDefault(store, key, (RGB) value[0]));
		store.setDefault(MATCHING_BRACKETS, true);
		PreferenceConverter.setDefault(store, MATCHING_BRACKETS_COLOR, new RGB(128, 128, 128));
	}

	/** @return whether {@code key} is one of the color keys */
	public static boolean isColorKey(String key) {
		return DEFAULTS.containsKey(key);
	}

	/** @return the (mutable) token of a category */
	public Token token(String key) {
		return tokens.get(key);
	}

	/** @return the current text attribute of a category */
	public TextAttribute attribute(String key) {
		RGB rgb = PreferenceConverter.getColor(store, key);
		return new TextAttribute(new Color(rgb), null, (Integer) DEFAULTS.get(key)[1]);
	}

	/**
	 * Re-reads the color of {@code key} into its token.
	 *
	 * @return true when {@code key} is a color key
	 */
	public boolean update(String key) {
		Token token = tokens.get(key);
		if (token == null) {
			return false;
		}
		token.setData(attribute(key));
		return true;
	}
}

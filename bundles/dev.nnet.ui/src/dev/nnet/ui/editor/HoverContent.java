package dev.nnet.ui.editor;

import java.util.List;
import java.util.StringJoiner;

import dev.nnet.engine.activation.ActivationCurve;

/**
 * What the editor's hover shows: the messages of the issues at the mouse, the documentation of the keyword or
 * element under it and, on an activation, its curve as the engine sampled it.
 *
 * @param issues        issue messages, shown first in bold
 * @param documentation the documentation, or null
 * @param activation    the activation's keyword when the hover is on one, else null
 * @param curve         f and f' of that activation, else null
 */
public record HoverContent(List<String> issues, String documentation, String activation, ActivationCurve curve) {

	/** @return true when there is nothing to show */
	public boolean isEmpty() {
		return issues.isEmpty() && documentation == null && curve == null;
	}

	/** @return the issues and the documentation as plain text, paragraphs separated by an empty line */
	public String plainText() {
		StringJoiner text = new StringJoiner("\n\n");
		issues.forEach(text::add);
		if (documentation != null) {
			text.add(documentation);
		}
		return text.toString();
	}

	/** @return the small HTML the platform's information controls render (issues in bold, line breaks kept) */
	public String html() {
		StringJoiner text = new StringJoiner("<p>");
		issues.forEach(i -> text.add("<b>" + escape(i) + "</b>"));
		if (documentation != null) {
			text.add(escape(documentation));
		}
		return text.length() == 0 ? null : text.toString();
	}

	private static String escape(String plain) {
		return plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
	}
}

package dev.nnet.lang.generator;

import java.util.List;

/** A small builder of indented Java source text with literal helpers; tabs-free, four spaces per level. */
public final class JavaSource {

	private final StringBuilder text = new StringBuilder();
	private int indent;

	/** Appends one line at the current indentation (an empty string gives an empty line). */
	JavaSource line(String s) {
		if (!s.isEmpty()) {
			text.append("    ".repeat(indent)).append(s);
		}
		text.append('\n');
		return this;
	}

	/** Appends a line ending in "{" and indents. */
	JavaSource open(String s) {
		line(s + " {");
		indent++;
		return this;
	}

	/** Unindents and appends "}" plus an optional suffix. */
	JavaSource close(String suffix) {
		indent--;
		return line("}" + suffix);
	}

	/** Unindents and appends "}". */
	JavaSource close() {
		return close("");
	}

	/** Appends a Javadoc block of the given lines. */
	JavaSource javadoc(String... lines) {
		line("/**");
		for (String l : lines) {
			line(l.isEmpty() ? " *" : " * " + l);
		}
		return line(" */");
	}

	@Override
	public String toString() {
		return text.toString();
	}

	/** @return a Java double literal that reads back to exactly the value */
	public static String number(double v) {
		if (Double.isNaN(v)) {
			return "Double.NaN";
		}
		if (v == Math.rint(v) && Math.abs(v) < 1e15) {
			return (long) v + ".0";
		}
		return Double.toString(v);
	}

	/** @return a Java string literal */
	public static String string(String s) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
			case '"' -> b.append("\\\"");
			case '\\' -> b.append("\\\\");
			case '\n' -> b.append("\\n");
			default -> b.append(c);
			}
		}
		return b.append('"').toString();
	}

	/** @return {@code {a, b, c}} */
	static String row(double[] values) {
		StringBuilder b = new StringBuilder("{");
		for (int i = 0; i < values.length; i++) {
			b.append(i == 0 ? "" : ", ").append(number(values[i]));
		}
		return b.append('}').toString();
	}

	/** @return the strings as Java literals joined by ", " */
	static String strings(List<String> values) {
		StringBuilder b = new StringBuilder();
		for (String v : values) {
			b.append(b.length() == 0 ? "" : ", ").append(string(v));
		}
		return b.toString();
	}

	/** @return the name with its first letter upper-case (a Java class name) */
	static String className(String name) {
		return name == null || name.isEmpty() ? "Unnamed" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/** @return a {@code /** ... *&#47;}-safe version of a text */
	static String doc(String s) {
		return s.replace("*/", "*&#47;").replace("@", "&#64;");
	}
}

package dev.nnet.lang.conversion;

import java.math.BigDecimal;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Converts the {@code Number} and {@code Count} data type rules. A sign may be separated from the digits by
 * whitespace in the source ({@code - 1}); a value that does not fit is reported as a syntax problem at its node.
 */
public class NNetValueConverters extends DefaultTerminalConverters {

	@ValueConverter(rule = "Number")
	public IValueConverter<Double> Number() {
		return new AbstractNullSafeConverter<>() {
			@Override
			protected Double internalToValue(String string, INode node) {
				String text = withoutWhitespace(string);
				try {
					double value = Double.parseDouble(text);
					if (Double.isInfinite(value) || Double.isNaN(value)) {
						throw new ValueConverterException("The number " + text + " is out of range.", node, null);
					}
					return value;
				} catch (NumberFormatException e) {
					throw new ValueConverterException("'" + text + "' is not a number.", node, e);
				}
			}

			@Override
			protected String internalToString(Double value) {
				return format(value);
			}
		};
	}

	@ValueConverter(rule = "Count")
	public IValueConverter<Integer> Count() {
		return new AbstractNullSafeConverter<>() {
			@Override
			protected Integer internalToValue(String string, INode node) {
				String text = withoutWhitespace(string);
				try {
					return Integer.parseInt(text);
				} catch (NumberFormatException e) {
					throw new ValueConverterException("The whole number " + text + " is out of range.", node, e);
				}
			}

			@Override
			protected String internalToString(Integer value) {
				return value.toString();
			}
		};
	}

	/**
	 * The text without the whitespace ({@code \s}: space, tab, line feed, vertical tab, form feed, carriage return) that
	 * may separate a sign from the digits; the string itself when it has none, which is the usual case. (Not
	 * {@code String.replaceAll}: that compiles a regular expression per number, a tenth of parsing a file of inline
	 * data, docs/performance.md.)
	 */
	static String withoutWhitespace(String string) {
		StringBuilder b = null;
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
			if (space && b == null) {
				b = new StringBuilder(string.length()).append(string, 0, i);
			} else if (!space && b != null) {
				b.append(c);
			}
		}
		return b == null ? string : b.toString();
	}

	/** The shortest plain decimal text of a number, e.g. {@code 0.0001}, {@code 5}, {@code -0.5}. */
	public static String format(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}
}

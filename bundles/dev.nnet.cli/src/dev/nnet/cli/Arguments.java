package dev.nnet.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses {@code --option value}, {@code --flag} and positional arguments of one subcommand. */
final class Arguments {

	final List<String> positional = new ArrayList<>();
	private final Map<String, String> options = new HashMap<>();

	/**
	 * @param args      the arguments after the command
	 * @param withValue options that take a value
	 * @param flags     options without value
	 * @throws UsageException for unknown options or a missing value
	 */
	Arguments(String[] args, Set<String> withValue, Set<String> flags) {
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (withValue.contains(a)) {
				if (i + 1 >= args.length) {
					throw new UsageException(a + " needs a value");
				}
				options.put(a, args[++i]);
			} else if (flags.contains(a)) {
				options.put(a, "true");
			} else if (a.startsWith("-") && a.length() > 1) {
				throw new UsageException("unknown option " + a);
			} else {
				positional.add(a);
			}
		}
	}

	String get(String option) {
		return options.get(option);
	}

	boolean has(String option) {
		return options.containsKey(option);
	}

	Integer integer(String option) {
		String v = options.get(option);
		try {
			return v == null ? null : Integer.valueOf(v);
		} catch (NumberFormatException e) {
			throw new UsageException(option + " needs a whole number, got '" + v + "'");
		}
	}

	Long longValue(String option) {
		String v = options.get(option);
		try {
			return v == null ? null : Long.valueOf(v);
		} catch (NumberFormatException e) {
			throw new UsageException(option + " needs a whole number, got '" + v + "'");
		}
	}
}

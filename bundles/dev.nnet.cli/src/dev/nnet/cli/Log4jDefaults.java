package dev.nnet.cli;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;

/**
 * Gives log4j the configuration of Xtext's {@code log4j.properties} (root logger INFO, one console appender on
 * standard output with Xtext's pattern) in code, before log4j initializes itself: reading that file goes through
 * log4j's bean introspection, ~15 ms of every {@code ./nnet check} (docs/performance.md, "Start-up of ./nnet
 * check"). A configuration the user names ({@code -Dlog4j.configuration}) is left to log4j.
 */
final class Log4jDefaults {

	private static final String OVERRIDE = "log4j.defaultInitOverride";

	private Log4jDefaults() {
	}

	/** Configures log4j once, unless log4j is configured from outside. */
	static synchronized void configure() {
		if (System.getProperty("log4j.configuration") != null || System.getProperty(OVERRIDE) != null) {
			return;
		}
		System.setProperty(OVERRIDE, "true");
		Logger root = Logger.getRootLogger();
		if (!root.getAllAppenders().hasMoreElements()) {
			root.setLevel(Level.INFO);
			root.addAppender(new ConsoleAppender(new PatternLayout("%-4r [%t] %-5p %35.35c %x - %m%n")));
		}
	}
}

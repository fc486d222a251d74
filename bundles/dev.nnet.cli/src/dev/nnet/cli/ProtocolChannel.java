package dev.nnet.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.LogManager;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;

/**
 * Keeps standard output for LSP frames: once the server owns the real stdout stream, {@code System.out} and every
 * log4j record go to standard error, so that no stack trace or log line corrupts the protocol channel.
 */
final class ProtocolChannel {

	private ProtocolChannel() {
	}

	/** Redirects {@code System.out} and log4j to standard error; call after taking {@code System.out} for frames. */
	static void keepStdoutForFrames() {
		System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
		LogManager.resetConfiguration();
		Logger root = Logger.getRootLogger();
		root.addAppender(new ConsoleAppender(new PatternLayout("%-5p %c{1}: %m%n"), ConsoleAppender.SYSTEM_ERR));
		root.setLevel(Level.WARN);
	}
}

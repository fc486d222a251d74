package dev.nnet.cli;

/** Bad command line: reported with a hint to {@code --help}, exit code 2. */
final class UsageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}
}

package dev.nnet.lang.run;

/**
 * A training cannot be planned or run: missing data, unreadable CSV, a model the engine rejects, a model file of the
 * wrong shape. The message is {@code file:line: cause}, naming the {@code .nnet} file and the line of the declaration
 * at fault.
 */
public final class RunException extends Exception {

	private static final long serialVersionUID = 1L;

	private final String file;
	private final int line;

	/**
	 * @param file  the {@code .nnet} file (as the user named it), never null
	 * @param line  1-based line of the declaration at fault, 0 when unknown
	 * @param cause what is wrong, in words
	 */
	public RunException(String file, int line, String cause) {
		super(file + ":" + line + ": " + cause);
		this.file = file;
		this.line = line;
	}

	/** @return the {@code .nnet} file */
	public String file() {
		return file;
	}

	/** @return the 1-based line of the declaration at fault, 0 when unknown */
	public int line() {
		return line;
	}
}

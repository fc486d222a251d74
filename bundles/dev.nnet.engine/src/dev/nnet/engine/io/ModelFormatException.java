package dev.nnet.engine.io;

import java.io.IOException;

/**
 * A model file is missing, truncated, not valid JSON, or inconsistent (wrong format, version or shapes).
 * The message names the file and, where known, {@code line:column} (1-based) and the cause.
 */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;

    /**
     * @param file the file name
     * @param line 1-based line, 0 if unknown
     * @param column 1-based column, 0 if unknown
     * @param message the cause
     */
    public ModelFormatException(String file, int line, int column, String message) {
        super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** @return the file name */
    public String file() {
        return file;
    }

    /** @return 1-based line, 0 if unknown */
    public int line() {
        return line;
    }

    /** @return 1-based column, 0 if unknown */
    public int column() {
        return column;
    }
}

package dev.nnet.engine.data;

import java.io.IOException;

/**
 * A CSV file could not be read or does not fit the requested columns. The message starts with
 * {@code file:line:column:} when a position is known (1-based), e.g.
 * {@code iris.csv:17:3: 'abc' is not a number in column 'petal_length'}.
 */
public final class CsvException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;

    /**
     * @param file the file name as given
     * @param line 1-based line, 0 if unknown
     * @param column 1-based column, 0 if unknown
     * @param message what is wrong
     */
    public CsvException(String file, int line, int column, String message) {
        super(position(file, line, column) + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String position(String file, int line, int column) {
        return file + (line > 0 ? ":" + line : "") + (line > 0 && column > 0 ? ":" + column : "");
    }

    /** @return the file name */
    public String file() {
        return file;
    }

    /** @return 1-based line, 0 if not applicable */
    public int line() {
        return line;
    }

    /** @return 1-based column, 0 if not applicable */
    public int column() {
        return column;
    }
}

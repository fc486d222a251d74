package dev.nnet.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw rows a trained model is applied to ({@code nnet predict}, {@code nnet evaluate}): a comma-separated UTF-8
 * file read by the same streaming {@link CsvLines} as {@link CsvLoader} (strict UTF-8, a byte order mark dropped,
 * bounded line length and file size, no FIFOs or devices) and its decimal grammar, with an optional header row (a first row with a cell that is not a number). When the header names any of the
 * model's features, every feature is matched by name (in the model's order, wherever the columns are; a missing one is
 * an error); otherwise the first {@code inputs} columns are the features. An optional label column is kept as text. Every problem is a
 * {@link CsvException} naming file, line and column.
 */
public final class FeatureRows {
    /** Row after row, {@code inputs} values each: a file's numbers take their own size, not an array per row. */
    private final double[] values;
    private final int inputs;
    private final int rows;
    private final String[] labels;
    private final int[] lines;
    private final boolean header;

    private FeatureRows(double[] values, int inputs, int rows, String[] labels, int[] lines, boolean header) {
        this.values = values;
        this.inputs = inputs;
        this.rows = rows;
        this.labels = labels;
        this.lines = lines;
        this.header = header;
    }

    /**
     * @param file the CSV file
     * @param featureNames the model's feature names, or null (match by position)
     * @param inputs the model's input count
     * @param label the label column to keep (by header name), or null; without a header, the column after the
     *        features
     * @return the rows
     * @throws CsvException for an unreadable file, a missing column, a short row or a cell that is not a number
     */
    public static FeatureRows read(Path file, List<String> featureNames, int inputs, String label) throws CsvException {
        String name = file.toString();
        // the non-blank lines bound the data rows: the values are allocated once at their size instead of grown by
        // copies (which peaked at 2.5 times the data)
        final long counted = CsvLines.countNonBlankLines(file);
        try (CsvLines lines = CsvLines.open(file, name)) {
            String first = lines.next();
            while (first != null && first.isBlank()) {
                first = lines.next();
            }
            if (first == null) {
                throw new CsvException(name, 0, 0, "file is empty");
            }
            return read(lines, name, cells(first), lines.lineNumber(), featureNames, inputs, label, counted);
        }
    }

    private static FeatureRows read(CsvLines lines, String name, String[] head, int headLine, List<String> featureNames,
            int inputs, String label, long counted) throws CsvException {
        boolean header = false;
        for (String c : head) {
            header |= !isNumber(c);
        }
        int[] columns = new int[inputs];
        int labelColumn = -1;
        boolean byName = false;
        for (int f = 0; header && featureNames != null && f < inputs; f++) {
            byName |= indexOf(head, featureNames.get(f)) >= 0;
        }
        for (int f = 0; f < inputs; f++) {
            columns[f] = byName ? indexOf(head, featureNames.get(f)) : f;
            if (columns[f] < 0) {
                throw new CsvException(name, headLine, 0, "column '" + featureNames.get(f)
                        + "' of the model is not in the header (columns: " + String.join(", ", head) + ")");
            }
        }
        if (label != null) {
            labelColumn = header ? indexOf(head, label) : inputs;
            if (labelColumn < 0) {
                throw new CsvException(name, headLine, 0, "label column '" + label + "' is not in the header (columns: "
                        + String.join(", ", head) + ")");
            }
        }
        // the count bounds the rows unless the file grew since; beyond it (or an array's size) the arrays grow by half
        final int capacity = (int) Math.max(2, Math.min(counted, (Integer.MAX_VALUE - 16) / Math.max(1, inputs)));
        double[] values = new double[Math.max(1, inputs) * capacity];
        int[] lineNumbers = new int[capacity];
        List<String> labels = label == null ? null : new ArrayList<>();
        int rows = 0;
        int needed = Math.max(labelColumn, max(columns)) + 1;
        String[] cells = header ? null : head;
        int line = headLine;
        while (true) {
            if (cells == null) {
                String text = lines.next();
                if (text == null) {
                    break;
                }
                line = lines.lineNumber();
                if (text.isBlank()) {
                    continue;
                }
                cells = cells(text);
            }
            if (cells.length < needed) {
                throw new CsvException(name, line, cells.length + 1, "row has " + cells.length + " cells, "
                        + needed + " are needed" + (header ? "" : " (" + inputs + " features"
                                + (labelColumn >= 0 ? " and the label" : "") + ")"));
            }
            if (rows == lineNumbers.length) { // grow by half: the file's size bounds the rows (CsvLines)
                lineNumbers = java.util.Arrays.copyOf(lineNumbers, rows + (rows >> 1));
                values = java.util.Arrays.copyOf(values, lineNumbers.length * inputs);
            }
            for (int f = 0; f < inputs; f++) {
                String cell = cells[columns[f]];
                if (!isNumber(cell)) {
                    throw new CsvException(name, line, columns[f] + 1, (cell.isEmpty() ? "empty cell"
                            : "'" + cell + "' is not a finite number")
                            + (header ? " in column '" + head[columns[f]] + "'" : ""));
                }
                values[rows * inputs + f] = Double.parseDouble(cell);
            }
            if (labels != null) {
                labels.add(labelColumn >= 0 ? cells[labelColumn] : null);
            }
            lineNumbers[rows++] = line;
            cells = null;
        }
        if (rows == 0) {
            throw new CsvException(name, headLine, 0, "no data rows");
        }
        return new FeatureRows(values, inputs, rows, labels == null ? null : labels.toArray(new String[0]),
                lineNumbers, header);
    }

    private static int max(int[] values) {
        int m = -1;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String[] cells(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].trim();
        }
        return cells;
    }

    /** @return true for a finite number in the CSV decimal grammar ({@link CsvLoader#isDecimal}) */
    private static boolean isNumber(String cell) {
        return CsvLoader.isDecimal(cell) && Double.isFinite(Double.parseDouble(cell));
    }

    /** @return how many data rows the file has */
    public int rows() {
        return rows;
    }

    /** @return the raw features, one row per data line (a new array: for a large file use {@link #features(int, int)}) */
    public double[][] features() {
        return features(0, rows);
    }

    /**
     * @param from the first row
     * @param to the row after the last
     * @return the raw features of rows {@code from} to {@code to - 1}, a new array
     */
    public double[][] features(int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, rows);
        double[][] x = new double[to - from][];
        for (int r = from; r < to; r++) {
            x[r - from] = java.util.Arrays.copyOfRange(values, r * inputs, (r + 1) * inputs);
        }
        return x;
    }

    /** @return the label cells, or null when no label column was asked for */
    public String[] labels() {
        return labels;
    }

    /**
     * @param row a row index
     * @return its 1-based line in the file
     */
    public int line(int row) {
        return lines[java.util.Objects.checkIndex(row, rows)];
    }

    /** @return true when the file has a header row */
    public boolean hasHeader() {
        return header;
    }
}

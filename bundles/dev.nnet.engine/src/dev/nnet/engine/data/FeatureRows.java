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
    private final double[][] features;
    private final String[] labels;
    private final int[] lines;
    private final boolean header;

    private FeatureRows(double[][] features, String[] labels, int[] lines, boolean header) {
        this.features = features;
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
        try (CsvLines lines = CsvLines.open(file, name)) {
            String first = lines.next();
            while (first != null && first.isBlank()) {
                first = lines.next();
            }
            if (first == null) {
                throw new CsvException(name, 0, 0, "file is empty");
            }
            return read(lines, name, cells(first), lines.lineNumber(), featureNames, inputs, label);
        }
    }

    private static FeatureRows read(CsvLines lines, String name, String[] head, int headLine, List<String> featureNames,
            int inputs, String label) throws CsvException {
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
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
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
            double[] x = new double[inputs];
            for (int f = 0; f < inputs; f++) {
                String cell = cells[columns[f]];
                if (!isNumber(cell)) {
                    throw new CsvException(name, line, columns[f] + 1, (cell.isEmpty() ? "empty cell"
                            : "'" + cell + "' is not a finite number")
                            + (header ? " in column '" + head[columns[f]] + "'" : ""));
                }
                x[f] = Double.parseDouble(cell);
            }
            rows.add(x);
            labels.add(labelColumn >= 0 ? cells[labelColumn] : null);
            lineNumbers.add(line);
            cells = null;
        }
        if (rows.isEmpty()) {
            throw new CsvException(name, headLine, 0, "no data rows");
        }
        int[] lineArray = new int[lineNumbers.size()];
        for (int i = 0; i < lineArray.length; i++) {
            lineArray[i] = lineNumbers.get(i);
        }
        return new FeatureRows(rows.toArray(new double[0][]), label == null ? null : labels.toArray(new String[0]),
                lineArray, header);
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

    /** @return the raw features, one row per data line (copies are not made: do not change them) */
    public double[][] features() {
        return features;
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
        return lines[row];
    }

    /** @return true when the file has a header row */
    public boolean hasHeader() {
        return header;
    }
}

package dev.nnet.engine.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The data rows of a CSV as they are read: feature values in one flat row-major array, sized from a count of the
 * file's lines so that it normally needs neither growing nor a final copy; numeric targets or label ids alongside.
 * An all-ASCII row is split and parsed on its bytes ({@link CsvDecimal}, {@link CsvLabels}); any other row goes
 * through its decoded text, with the same rules and messages.
 */
final class CsvTable {
    private static final int MAX_VALUES = Integer.MAX_VALUE - 16;
    private static final int IGNORED = -1;
    private static final int LABEL = -2;
    /** per column: the feature slot it fills, {@link #IGNORED} or {@link #LABEL}; null when a column repeats */
    private final int[] role;
    private final String sourceName;
    private final String[] header;
    private final int[] feats;
    private final int label;
    private final boolean classification;
    private final int[] cellStart;
    private final int[] cellEnd;
    private double[] features;
    private double[] targets;
    private int[] labelIds;
    private final CsvLabels labels = new CsvLabels();
    private int rows;

    CsvTable(String sourceName, String[] header, int[] feats, int label, boolean classification, long expectedRows) {
        this.sourceName = sourceName;
        this.header = header;
        this.feats = feats;
        this.label = label;
        this.classification = classification;
        this.cellStart = new int[header.length];
        this.cellEnd = new int[header.length];
        this.role = roles(header.length, feats, label);
        int capacity = (int) Math.max(1, Math.min(expectedRows, MAX_VALUES / Math.max(1, feats.length)));
        features = new double[capacity * feats.length];
        if (classification) {
            labelIds = new int[capacity];
        } else {
            targets = new double[capacity];
        }
    }

    int rows() {
        return rows;
    }

    /** @return the feature values, exactly {@code rows × features} */
    double[] features() {
        return features.length == rows * feats.length ? features : Arrays.copyOf(features, rows * feats.length);
    }

    /** @return the regression targets, one per row */
    double[] targets() {
        return targets.length == rows ? targets : Arrays.copyOf(targets, rows);
    }

    /** @return the label id of every row (ids index {@link #labels()}) */
    int[] labelIds() {
        return labelIds.length == rows ? labelIds : Arrays.copyOf(labelIds, rows);
    }

    CsvLabels labels() {
        return labels;
    }

    private static int[] roles(int columns, int[] feats, int label) {
        int[] role = new int[columns];
        Arrays.fill(role, IGNORED);
        role[label] = LABEL;
        for (int f = 0; f < feats.length; f++) {
            if (role[feats[f]] != IGNORED) {
                return null;
            }
            role[feats[f]] = f;
        }
        return role;
    }

    /**
     * Adds a row in one pass when it is well formed: ASCII, as many cells as the header, every feature (and
     * regression target) a decimal number, every other cell free of control characters, room in the arrays.
     * Anything else is left to {@link #addAscii} or {@link #addText}, which find and report the problem in order.
     *
     * @param b      the line's bytes, not yet checked
     * @param length its length
     * @return true when the row was added
     */
    boolean addWellFormed(byte[] b, int length) {
        if (role == null || rows >= (classification ? labelIds.length : targets.length)) {
            return false;
        }
        int base = rows * feats.length;
        int last = header.length - 1;
        int i = 0;
        for (int c = 0; c <= last; c++) {
            while (i < length && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            int start = i;
            while (i < length && b[i] != ',') {
                i++;
            }
            if (c < last ? i == length : i != length) {
                return false;
            }
            int end = i++;
            while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
                end--;
            }
            if (start == end) {
                return false;
            }
            int r = role[c];
            if (r >= 0 || (r == LABEL && !classification)) {
                double v = CsvDecimal.parse(b, start, end);
                if (!Double.isFinite(v)) {
                    return false;
                }
                if (r >= 0) {
                    features[base + r] = v;
                } else {
                    targets[rows] = v;
                }
            } else {
                for (int k = start; k < end; k++) {
                    int x = b[k] & 0xff;
                    if (x < 0x20 || x >= 0x7f) {
                        return false;
                    }
                }
                if (r == LABEL) {
                    labelIds[rows] = labels.id(b, start, end);
                }
            }
        }
        rows++;
        return true;
    }

    /**
     * Adds an all-ASCII line (already checked for control characters); blank lines are skipped.
     *
     * @return false for a blank line
     */
    boolean addAscii(byte[] b, int length, int line) throws CsvException {
        int cells = 1;
        boolean blank = true;
        for (int i = 0; i < length; i++) {
            byte c = b[i];
            cells += c == ',' ? 1 : 0;
            blank &= c == ' ' || c == '\t';
        }
        if (blank) {
            return false;
        }
        checkCells(cells, line);
        int start = 0;
        for (int c = 0; c < cells; c++) {
            int end = start;
            while (end < length && b[end] != ',') {
                end++;
            }
            int from = start;
            int to = end;
            while (from < to && (b[from] == ' ' || b[from] == '\t')) {
                from++;
            }
            while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
                to--;
            }
            cellStart[c] = from;
            cellEnd[c] = to;
            start = end + 1;
        }
        ensureRow(line);
        int base = rows * feats.length;
        for (int f = 0; f < feats.length; f++) {
            features[base + f] = number(b, feats[f], line);
        }
        if (!classification) {
            targets[rows] = number(b, label, line);
        } else if (cellStart[label] == cellEnd[label]) {
            throw emptyLabel(line);
        } else {
            labelIds[rows] = labels.id(b, cellStart[label], cellEnd[label]);
        }
        rows++;
        return true;
    }

    /**
     * Adds a decoded line (one with non-ASCII bytes); blank lines are skipped.
     *
     * @return false for a blank line
     */
    boolean addText(String text, int line) throws CsvException {
        if (text.isBlank()) {
            return false;
        }
        String[] row = CsvLoader.cells(text);
        checkCells(row.length, line);
        ensureRow(line);
        int base = rows * feats.length;
        for (int f = 0; f < feats.length; f++) {
            features[base + f] = number(row[feats[f]], line, feats[f]);
        }
        if (!classification) {
            targets[rows] = number(row[label], line, label);
        } else if (row[label].isEmpty()) {
            throw emptyLabel(line);
        } else {
            labelIds[rows] = labels.id(row[label]);
        }
        rows++;
        return true;
    }

    private void checkCells(int cells, int line) throws CsvException {
        if (cells != header.length) {
            throw new CsvException(sourceName, line, Math.min(cells, header.length) + 1, "row has " + cells
                    + " cells but the header has " + header.length);
        }
    }

    private void ensureRow(int line) throws CsvException {
        if ((long) (rows + 1) * feats.length > MAX_VALUES) {
            throw new CsvException(sourceName, line, 0, "more than " + MAX_VALUES
                    + " feature values; the data set is too large");
        }
        int capacity = classification ? labelIds.length : targets.length;
        if (rows < capacity) {
            return;
        }
        int grown = (int) Math.min(MAX_VALUES / Math.max(1, feats.length), 2L * capacity + 16);
        features = Arrays.copyOf(features, grown * feats.length);
        if (classification) {
            labelIds = Arrays.copyOf(labelIds, grown);
        } else {
            targets = Arrays.copyOf(targets, grown);
        }
    }

    private CsvException emptyLabel(int line) {
        return new CsvException(sourceName, line, label + 1, "empty cell in label column '" + header[label] + "'");
    }

    private double number(byte[] b, int column, int line) throws CsvException {
        int from = cellStart[column];
        int to = cellEnd[column];
        if (from == to) {
            throw badNumber("empty cell", line, column);
        }
        double v = CsvDecimal.parse(b, from, to);
        if (Double.isNaN(v)) {
            throw badNumber("'" + new String(b, from, to - from, StandardCharsets.ISO_8859_1)
                    + "' is not a number", line, column);
        }
        if (Double.isInfinite(v)) {
            throw badNumber("'" + new String(b, from, to - from, StandardCharsets.ISO_8859_1)
                    + "' is not a finite number", line, column);
        }
        return v;
    }

    private double number(String cell, int line, int column) throws CsvException {
        if (cell.isEmpty()) {
            throw badNumber("empty cell", line, column);
        }
        if (!CsvLoader.isDecimal(cell)) {
            throw badNumber("'" + cell + "' is not a number", line, column);
        }
        double v = Double.parseDouble(cell);
        if (!Double.isFinite(v)) {
            throw badNumber("'" + cell + "' is not a finite number", line, column);
        }
        return v;
    }

    private CsvException badNumber(String problem, int line, int column) {
        return new CsvException(sourceName, line, column + 1, problem + " in column '" + header[column] + "'");
    }
}

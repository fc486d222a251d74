package dev.nnet.engine.data;

import dev.nnet.engine.io.InputFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads a UTF-8, comma-separated file with one header row (no quoting). Features and the label are chosen by
 * column name or 0-based index; by default the label is the last column and the features are all other columns.
 * For classification ({@link #classification}, the default) label cells are strings mapped to class indices in
 * {@link LabelOrder} order and encoded as {@link TargetEncoding}; for regression the label cell must be a number.
 * Blank lines are skipped. Every problem is a {@link CsvException} naming file, line and column. The file is
 * streamed ({@link CsvLines}: strict UTF-8, a leading byte order mark dropped, bounded line length); non-regular
 * files and files over {@link InputFiles#csvLimit()} are refused before reading. Numbers follow
 * {@link #isDecimal}.
 */
public final class CsvLoader {
    private final String sourceName;
    private final Path file;
    private final String text;
    private List<Object> featureColumns;
    private Object labelColumn;
    private boolean classification = true;
    private LabelOrder labelOrder = LabelOrder.FIRST_SEEN;
    private TargetEncoding encoding = TargetEncoding.ONE_HOT;

    private CsvLoader(String sourceName, Path file, String text) {
        this.sourceName = sourceName;
        this.file = file;
        this.text = text;
    }

    /**
     * @param file the CSV file
     * @return a loader for it
     */
    public static CsvLoader file(Path file) {
        return new CsvLoader(file.toString(), file, null);
    }

    /**
     * @param sourceName name used in error messages
     * @param csv the CSV content
     * @return a loader for inline text
     */
    public static CsvLoader text(String sourceName, String csv) {
        return new CsvLoader(sourceName, null, csv);
    }

    /**
     * @param names feature column names, in the order wanted
     * @return this loader
     */
    public CsvLoader features(String... names) {
        featureColumns = new ArrayList<>(Arrays.asList((Object[]) names));
        return this;
    }

    /**
     * @param indices 0-based feature column indices
     * @return this loader
     */
    public CsvLoader features(int... indices) {
        featureColumns = new ArrayList<>();
        for (int i : indices) {
            featureColumns.add(i);
        }
        return this;
    }

    /**
     * @param name the label column name
     * @return this loader
     */
    public CsvLoader label(String name) {
        labelColumn = name;
        return this;
    }

    /**
     * @param index the 0-based label column index
     * @return this loader
     */
    public CsvLoader label(int index) {
        labelColumn = index;
        return this;
    }

    /**
     * Class labels (default).
     *
     * @param order numbering of the labels
     * @param targetEncoding how classes become targets
     * @return this loader
     */
    public CsvLoader classification(LabelOrder order, TargetEncoding targetEncoding) {
        classification = true;
        labelOrder = order;
        encoding = targetEncoding;
        return this;
    }

    /**
     * Numeric label used as the single regression target.
     *
     * @return this loader
     */
    public CsvLoader regression() {
        classification = false;
        return this;
    }

    /**
     * Reads the file as a stream: memory is bounded by the data kept, not by the file.
     *
     * @return the data set
     * @throws CsvException for a missing, non-regular, too large, unreadable, empty or malformed file (invalid
     *                      UTF-8, control characters, over-long lines, cells that are not decimal numbers, empty
     *                      cells), or unknown columns
     */
    public DataSet load() throws CsvException {
        long expectedRows = countRows();
        try (CsvLines lines = open()) {
            return load(lines, expectedRows);
        }
    }

    private DataSet load(CsvLines lines, long expectedRows) throws CsvException {
        String headerText = lines.next();
        while (headerText != null && headerText.isBlank()) {
            headerText = lines.next();
        }
        if (headerText == null) {
            throw new CsvException(sourceName, 0, 0, "file is empty (expected a header row)");
        }
        int headerLine = lines.lineNumber();
        String[] header = cells(headerText);
        int label = resolve(labelColumn == null ? header.length - 1 : labelColumn, header, headerLine);
        int[] feats = resolveFeatures(header, label, headerLine);
        CsvTable table = new CsvTable(sourceName, header, feats, label, classification, expectedRows - 1);
        for (int length = lines.nextRaw(); length >= 0; length = lines.nextRaw()) {
            if (table.addWellFormed(lines.bytes(), length)) {
                continue;
            }
            lines.check();
            if (lines.ascii()) {
                table.addAscii(lines.bytes(), length, lines.lineNumber());
            } else {
                table.addText(lines.text(), lines.lineNumber());
            }
        }
        int rows = table.rows();
        if (rows == 0) {
            throw new CsvException(sourceName, headerLine, 0, "no data rows after the header");
        }
        List<String> featureNames = new ArrayList<>();
        for (int f : feats) {
            featureNames.add(header[f]);
        }
        double[] x = table.features();
        if (!classification) {
            return new DataSet(rows, feats.length, x, 1, table.targets(), null, featureNames, null);
        }
        List<String> seen = table.labels().names();
        List<String> classNames = classNames(seen);
        if (classNames.size() < 2) {
            throw new CsvException(sourceName, 0, 0, "label column '" + header[label] + "' has only one class ('"
                    + classNames.get(0) + "'); classification needs at least 2");
        }
        if ((encoding == TargetEncoding.SIGNED || encoding == TargetEncoding.BINARY) && classNames.size() != 2) {
            throw new CsvException(sourceName, 0, 0, "label column '" + header[label] + "' has " + classNames.size()
                    + " classes; " + encoding + " target encoding needs exactly 2");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classNames.size(); c++) {
            index.put(classNames.get(c), c);
        }
        int[] classOfId = new int[seen.size()];
        for (int id = 0; id < classOfId.length; id++) {
            classOfId[id] = index.get(seen.get(id));
        }
        int[] classes = table.labelIds();
        for (int r = 0; r < rows; r++) {
            classes[r] = classOfId[classes[r]];
        }
        return new DataSet(rows, feats.length, x, encoding.columns(classNames.size()),
                encoding.encode(classes, classNames.size()), classes, featureNames, classNames);
    }

    /** @return an upper bound of the header and data rows (0 when the file cannot be read: {@link #open} says why) */
    private long countRows() {
        if (text != null) {
            try {
                return CsvLines.countNonBlankLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        Long.MAX_VALUE);
            } catch (IOException e) {
                return 0;
            }
        }
        return CsvLines.countNonBlankLines(file);
    }

    /**
     * The first non-blank line of a CSV file (its header), read with the same limits as {@link #load()}.
     *
     * @param file the file
     * @return the line without its terminator and byte order mark
     * @throws CsvException for a missing, non-regular, too large, empty or malformed file
     */
    public static String headerLine(Path file) throws CsvException {
        try (CsvLines lines = file(file).open()) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (!line.isBlank()) {
                    return line;
                }
            }
            throw new CsvException(file.toString(), 0, 0, "file is empty (expected a header row)");
        }
    }

    private CsvLines open() throws CsvException {
        if (text != null) {
            return new CsvLines(sourceName, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    InputFiles.MAX_LINE_BYTES);
        }
        return CsvLines.open(file, sourceName);
    }

    static String[] cells(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].trim();
        }
        return cells;
    }

    private int resolve(Object column, String[] header, int line) throws CsvException {
        if (column instanceof Integer) {
            int i = (Integer) column;
            if (i < 0 || i >= header.length) {
                throw new CsvException(sourceName, line, 0, "column index " + i + " is out of range (the header has "
                        + header.length + " columns)");
            }
            return i;
        }
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(column)) {
                return i;
            }
        }
        throw new CsvException(sourceName, line, 0, "unknown column '" + column + "' (columns: "
                + String.join(", ", header) + ")");
    }

    private int[] resolveFeatures(String[] header, int label, int line) throws CsvException {
        if (featureColumns == null) {
            int[] all = new int[header.length - 1];
            int k = 0;
            for (int i = 0; i < header.length; i++) {
                if (i != label) {
                    all[k++] = i;
                }
            }
            if (all.length == 0) {
                throw new CsvException(sourceName, line, 0, "no feature columns besides the label");
            }
            return all;
        }
        int[] out = new int[featureColumns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = resolve(featureColumns.get(i), header, line);
            if (out[i] == label) {
                throw new CsvException(sourceName, line, out[i] + 1, "column '" + header[label]
                        + "' cannot be both a feature and the label");
            }
        }
        return out;
    }

    private double number(String cell, int line, int column, String[] header) throws CsvException {
        String problem = null;
        double v = 0;
        if (cell.isEmpty()) {
            problem = "empty cell";
        } else if (!isDecimal(cell)) {
            problem = "'" + cell + "' is not a number";
        } else {
            v = Double.parseDouble(cell);
            if (!Double.isFinite(v)) {
                problem = "'" + cell + "' is not a finite number";
            }
        }
        if (problem != null) {
            throw new CsvException(sourceName, line, column + 1, problem + " in column '" + header[column] + "'");
        }
        return v;
    }

    /**
     * The decimal number grammar of CSV cells: an optional sign, digits with an optional fraction (or a fraction
     * alone) and an optional exponent: {@code [+-]? (d+ (. d*)? | . d+) ([eE] [+-]? d+)?}. Nothing else (no hex,
     * no {@code d}/{@code f} suffixes, no {@code NaN} or {@code Infinity}).
     *
     * @param s a trimmed cell
     * @return true when it is such a number
     */
    public static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intStart = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int fracStart = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            fracDigits = i - fracStart;
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expStart = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == expStart) {
                return false;
            }
        }
        return i == n;
    }

    private List<String> classNames(List<String> labels) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(labels));
        if (labelOrder == LabelOrder.SORTED) {
            boolean numeric = true;
            for (String n : names) {
                numeric &= isDecimal(n) && Double.isFinite(Double.parseDouble(n));
            }
            names.sort(numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        }
        return names;
    }
}

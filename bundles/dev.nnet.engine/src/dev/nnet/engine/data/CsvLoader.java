package dev.nnet.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads a UTF-8, comma-separated file with one header row (no quoting). Features and the label are chosen by
 * column name or 0-based index; by default the label is the last column and the features are all other columns.
 * For classification ({@link #classification}, the default) label cells are strings mapped to class indices in
 * {@link LabelOrder} order and encoded as {@link TargetEncoding}; for regression the label cell must be a number.
 * Blank lines are skipped. Every problem is a {@link CsvException} naming file, line and column.
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
     * @return the data set
     * @throws CsvException for a missing, unreadable, empty or malformed file, or unknown columns
     */
    public DataSet load() throws CsvException {
        String content = text != null ? text : readFile();
        String[] lines = content.split("\r?\n", -1);
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            throw new CsvException(sourceName, 0, 0, "file is empty (expected a header row)");
        }
        String[] header = cells(lines[headerLine]);
        int label = resolve(labelColumn == null ? header.length - 1 : labelColumn, header, headerLine + 1);
        int[] feats = resolveFeatures(header, label, headerLine + 1);
        List<double[]> featureRows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] row = cells(lines[i]);
            if (row.length != header.length) {
                throw new CsvException(sourceName, i + 1, Math.min(row.length, header.length) + 1, "row has " + row.length
                        + " cells but the header has " + header.length);
            }
            double[] values = new double[feats.length];
            for (int f = 0; f < feats.length; f++) {
                values[f] = number(row[feats[f]], i + 1, feats[f], header);
            }
            featureRows.add(values);
            labels.add(row[label]);
            lineNumbers.add(i + 1);
        }
        if (featureRows.isEmpty()) {
            throw new CsvException(sourceName, headerLine + 1, 0, "no data rows after the header");
        }
        List<String> featureNames = new ArrayList<>();
        for (int f : feats) {
            featureNames.add(header[f]);
        }
        int rows = featureRows.size();
        double[] features = new double[rows * feats.length];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(featureRows.get(r), 0, features, r * feats.length, feats.length);
        }
        if (!classification) {
            double[] targets = new double[rows];
            for (int r = 0; r < rows; r++) {
                targets[r] = number(labels.get(r), lineNumbers.get(r), label, header);
            }
            return new DataSet(rows, feats.length, features, 1, targets, null, featureNames, null);
        }
        List<String> classNames = classNames(labels);
        if (classNames.size() < 2) {
            throw new CsvException(sourceName, 0, 0, "label column '" + header[label] + "' has only one class ('"
                    + classNames.get(0) + "'); classification needs at least 2");
        }
        if ((encoding == TargetEncoding.SIGNED || encoding == TargetEncoding.BINARY) && classNames.size() != 2) {
            throw new CsvException(sourceName, 0, 0, "label column '" + header[label] + "' has " + classNames.size()
                    + " classes; " + encoding + " target encoding needs exactly 2");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int c = 0; c < classNames.size(); c++) {
            index.put(classNames.get(c), c);
        }
        int[] classes = new int[rows];
        for (int r = 0; r < rows; r++) {
            classes[r] = index.get(labels.get(r));
        }
        return new DataSet(rows, feats.length, features, encoding.columns(classNames.size()),
                encoding.encode(classes, classNames.size()), classes, featureNames, classNames);
    }

    private String readFile() throws CsvException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CsvException(sourceName, 0, 0, "file not found");
        } catch (IOException e) {
            throw new CsvException(sourceName, 0, 0, "cannot read file: " + e);
        }
    }

    private static String[] cells(String line) {
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
        } else {
            char last = cell.charAt(cell.length() - 1);
            try {
                v = Double.parseDouble(cell);
                if (!Double.isFinite(v) || !(Character.isDigit(last) || last == '.')) {
                    problem = "'" + cell + "' is not a finite number";
                }
            } catch (NumberFormatException e) {
                problem = "'" + cell + "' is not a number";
            }
        }
        if (problem != null) {
            throw new CsvException(sourceName, line, column + 1, problem + " in column '" + header[column] + "'");
        }
        return v;
    }

    private List<String> classNames(List<String> labels) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(labels));
        if (labelOrder == LabelOrder.SORTED) {
            boolean numeric = true;
            for (String n : names) {
                try {
                    Double.parseDouble(n);
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
            names.sort(numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        }
        return names;
    }
}

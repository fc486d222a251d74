package dev.nnet.lang.data;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.common.CommonPlugin;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;

import com.google.inject.Singleton;

import dev.nnet.lang.nnet.Column;
import dev.nnet.lang.nnet.DataSet;
import dev.nnet.lang.nnet.IndexedColumn;
import dev.nnet.lang.nnet.NamedColumn;
import dev.nnet.lang.nnet.Sample;

/**
 * Reads what validation needs from a data set: feature, target and class counts. Inline samples are counted
 * directly. For a CSV the header is read; the label column of files up to {@link #MAX_LABEL_SCAN_BYTES} is scanned
 * once for its distinct values and row count (cached by path, size and modification time). Never throws.
 */
@Singleton
public class DataInspector {

	/** CSV files larger than this are only read up to their header. */
	public static final long MAX_LABEL_SCAN_BYTES = 16L * 1024 * 1024;

	private record Key(String path, long size, long modified, int labelIndex) {
	}

	private final Map<Key, CsvHeader> cache = new ConcurrentHashMap<>();

	/**
	 * @param data a data set, may be null or broken
	 * @return what is known about it
	 */
	public DataInfo inspect(DataSet data) {
		try {
			if (data == null) {
				return DataInfo.UNKNOWN;
			}
			if (data.getFile() != null) {
				return inspectCsv(data);
			}
			return inspectInline(data);
		} catch (RuntimeException e) {
			return DataInfo.UNKNOWN;
		}
	}

	private DataInfo inspectInline(DataSet data) {
		List<Sample> samples = data.getSamples();
		if (samples.isEmpty()) {
			return DataInfo.UNKNOWN;
		}
		Sample first = samples.get(0);
		int features = first.getFeatures().size();
		int targets = first.getTargets().size();
		List<double[]> points = new ArrayList<>();
		List<Double> labels = new ArrayList<>();
		Set<Double> distinct = new HashSet<>();
		boolean wholeLabels = true;
		for (Sample s : samples) {
			if (s.getFeatures().size() != features || s.getTargets().size() != targets
					|| s.getFeatures().contains(null) || s.getTargets().contains(null)) {
				return new DataInfo(features, targets, -1, samples.size(), List.of(), List.of(), false);
			}
			points.add(s.getFeatures().stream().mapToDouble(Double::doubleValue).toArray());
			double label = s.getTargets().isEmpty() ? 0 : s.getTargets().get(0);
			labels.add(label);
			distinct.add(label);
			wholeLabels &= label == Math.rint(label);
		}
		int classes = targets == 1 && wholeLabels ? distinct.size() : -1;
		return new DataInfo(features, targets, classes, samples.size(), points, labels, false);
	}

	private DataInfo inspectCsv(DataSet data) {
		File file = resolve(data);
		if (file == null || !file.isFile()) {
			return DataInfo.UNKNOWN;
		}
		Column target = data.getLabel() != null ? data.getLabel() : data.getTarget();
		CsvHeader header = readHeader(file, target == null ? -1 : -2, target);
		if (header == null) {
			return DataInfo.UNKNOWN;
		}
		int columns = header.columns().size();
		int features = !data.getFeatures().isEmpty() ? data.getFeatures().size() : target == null ? -1 : columns - 1;
		int classes = data.getLabel() != null ? header.distinct() : -1;
		return new DataInfo(features, target == null ? -1 : 1, classes, header.rows(), List.of(), List.of(),
				data.getLabel() != null);
	}

	/**
	 * Resolves the data set's CSV path against the URI of its resource (file and platform URIs).
	 *
	 * @return the file (which may not exist) or null when the location cannot be resolved on disk
	 */
	public File resolve(DataSet data) {
		try {
			String path = data.getFile();
			if (path == null) {
				return null;
			}
			File direct = new File(path);
			if (direct.isAbsolute()) {
				return direct;
			}
			Resource resource = data.eResource();
			URI uri = resource == null ? null : resource.getURI();
			if (uri == null) {
				return null;
			}
			if (uri.isPlatform()) {
				uri = CommonPlugin.resolve(uri);
			}
			if (!uri.isFile()) {
				return null;
			}
			File base = new File(uri.toFileString()).getParentFile();
			return base == null ? null : new File(base, path);
		} catch (RuntimeException e) {
			return null;
		}
	}

	/**
	 * Reads the header of a CSV; with a label column also scans that column (small files only).
	 *
	 * @param file      the file
	 * @param unused    reserved
	 * @param label     the label column or null
	 * @return the header, or null when the file cannot be read
	 */
	public CsvHeader readHeader(File file, int unused, Column label) {
		try {
			long size = file.length();
			long modified = file.lastModified();
			List<String> columns = header(file);
			if (columns == null) {
				return null;
			}
			int labelIndex = columnIndex(columns, label);
			Key key = new Key(file.getCanonicalPath(), size, modified, labelIndex);
			CsvHeader cached = cache.get(key);
			if (cached != null) {
				return cached;
			}
			CsvHeader result = new CsvHeader(columns, -1, -1);
			if (size <= MAX_LABEL_SCAN_BYTES) {
				result = scan(file, columns, labelIndex);
			}
			cache.put(key, result);
			return result;
		} catch (IOException | RuntimeException e) {
			return null;
		}
	}

	/** @return the header's column names or null when the file is empty or unreadable */
	public List<String> header(File file) {
		try (BufferedReader reader = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
			String line = reader.readLine();
			if (line == null) {
				return null;
			}
			if (line.startsWith("\uFEFF")) {
				line = line.substring(1);
			}
			return split(line);
		} catch (IOException | RuntimeException e) {
			return null;
		}
	}

	/** @return the index of a column in the header, -1 when it is absent or null */
	public static int columnIndex(List<String> columns, Column column) {
		if (column instanceof NamedColumn n) {
			return columns.indexOf(n.getName() == null ? "" : n.getName().trim());
		}
		if (column instanceof IndexedColumn i && i.getIndex() != null) {
			int index = i.getIndex();
			return index >= 0 && index < columns.size() ? index : -1;
		}
		return -1;
	}

	private CsvHeader scan(File file, List<String> columns, int labelIndex) throws IOException {
		Set<String> distinct = new HashSet<>();
		int rows = 0;
		try (BufferedReader reader = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				rows++;
				if (labelIndex >= 0) {
					List<String> cells = split(line);
					if (labelIndex < cells.size()) {
						distinct.add(cells.get(labelIndex));
					}
				}
			}
		}
		return new CsvHeader(columns, rows, labelIndex >= 0 ? distinct.size() : -1);
	}

	private static List<String> split(String line) {
		List<String> cells = new ArrayList<>();
		for (String cell : Arrays.asList(line.split(",", -1))) {
			String c = cell.trim();
			if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
				c = c.substring(1, c.length() - 1);
			}
			cells.add(c);
		}
		return cells;
	}
}

package dev.nnet.lang.data;

import java.io.File;
import java.io.IOException;
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

import dev.nnet.engine.data.CsvException;
import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.data.LabelOrder;
import dev.nnet.engine.data.TargetEncoding;
import dev.nnet.engine.io.InputFiles;

import dev.nnet.lang.nnet.Column;
import dev.nnet.lang.nnet.DataSet;
import dev.nnet.lang.nnet.IndexedColumn;
import dev.nnet.lang.nnet.NamedColumn;
import dev.nnet.lang.nnet.Sample;

/**
 * Reads what validation needs from a data set: feature, target and class counts. Inline samples are counted
 * directly. For a CSV the header is read; files up to {@link #MAX_LABEL_SCAN_BYTES} are read once as {@code train}
 * reads them, for their row and class counts and the first problem (cached by path and columns, for one version of
 * the file: {@link FileStamp}). Never throws.
 */
@Singleton
public class DataInspector {

	/** CSV files larger than this are only read up to their header. */
	public static final long MAX_LABEL_SCAN_BYTES = 16L * 1024 * 1024;

	private record Key(String path, int labelIndex, String columns) {
	}

	/** A header read from one version of a file. */
	private record Entry(FileStamp stamp, CsvHeader header) {
	}

	/** One entry per file and declaration: a new version of the file replaces the old entry. */
	private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

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
		CsvHeader header = readCsv(file, data);
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
	 * Reads the header of a CSV and, for files up to {@link #MAX_LABEL_SCAN_BYTES}, the whole file exactly as
	 * {@code train} reads it (the engine's {@link CsvLoader} with the declared columns), so that every cell, label
	 * and encoding problem {@code train} would meet is known to the validator.
	 *
	 * @param file the file
	 * @param data the declaration naming its columns
	 * @return the header, or null when the header cannot be read
	 */
	public CsvHeader readCsv(File file, DataSet data) {
		try {
			FileStamp stamp = FileStamp.of(file.toPath());
			long size = stamp.size();
			List<String> columns = header(file);
			if (columns == null) {
				return null;
			}
			Column target = data.getLabel() != null ? data.getLabel() : data.getTarget();
			int labelIndex = columnIndex(columns, target);
			List<Integer> features = new ArrayList<>();
			for (Column c : data.getFeatures()) {
				features.add(columnIndex(columns, c));
			}
			Key key = new Key(file.getCanonicalPath(), labelIndex, features + (data.getTarget() != null ? "r" : "c"));
			Entry cached = cache.get(key);
			if (cached != null && cached.stamp().equals(stamp)) {
				return cached.header();
			}
			CsvHeader result = new CsvHeader(columns, -1, -1, null);
			if (size <= MAX_LABEL_SCAN_BYTES && labelIndex >= 0 && !features.contains(-1)) {
				result = load(file, columns, labelIndex, features, data.getTarget() != null);
			}
			cache.put(key, new Entry(stamp, result));
			return result;
		} catch (IOException | RuntimeException e) {
			return null;
		}
	}

	private static CsvHeader load(File file, List<String> columns, int labelIndex, List<Integer> features,
			boolean regression) {
		CsvLoader loader = CsvLoader.file(file.toPath()).label(labelIndex);
		if (!features.isEmpty()) {
			loader.features(features.stream().mapToInt(Integer::intValue).toArray());
		}
		if (regression) {
			loader.regression();
		} else {
			loader.classification(LabelOrder.SORTED, TargetEncoding.INDEX);
		}
		try {
			dev.nnet.engine.data.DataSet loaded = loader.load();
			return new CsvHeader(columns, loaded.rows(), regression ? -1 : loaded.classNames().size(), null);
		} catch (CsvException e) {
			return new CsvHeader(columns, -1, -1, e.getMessage());
		}
	}

	/**
	 * Why a CSV cannot be read at all (not a regular file, too large, ...), checked without opening it.
	 *
	 * @param file the resolved file
	 * @return the reason or null
	 */
	public static String unreadable(File file) {
		return InputFiles.problem(file.toPath(), InputFiles.csvLimit());
	}

	/** @return the header's column names or null when the file is empty, unreadable or its header is malformed */
	public List<String> header(File file) {
		try {
			return split(CsvLoader.headerLine(file.toPath()));
		} catch (CsvException | RuntimeException e) {
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

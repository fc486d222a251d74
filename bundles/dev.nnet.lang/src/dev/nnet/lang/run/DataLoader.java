package dev.nnet.lang.run;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.nnet.engine.data.CsvException;
import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.data.LabelOrder;
import dev.nnet.engine.data.MinMaxScaler;
import dev.nnet.engine.data.Standardizer;
import dev.nnet.engine.data.TargetEncoding;
import dev.nnet.lang.data.DataInspector;
import dev.nnet.lang.nnet.Column;
import dev.nnet.lang.nnet.IndexedColumn;
import dev.nnet.lang.nnet.LossKind;
import dev.nnet.lang.nnet.NamedColumn;
import dev.nnet.lang.nnet.NnetPackage;
import dev.nnet.lang.nnet.Sample;
import dev.nnet.lang.nnet.Scaling;

/**
 * Loads a {@code data} declaration into engine data sets, encoding targets for the loss they are trained with:
 * class labels one-hot for cross_entropy (and mse with one unit per class), 0/1 for binary_cross_entropy, -1/+1 for
 * perceptron and hinge. CSV paths are relative to the {@code .nnet} file. With {@code split}, scaling is fitted on
 * the training part and applied to both parts.
 */
public final class DataLoader {

	/** Training and test data; test is null without {@code split}. */
	public record Loaded(DataSet train, DataSet test) {
	}

	/**
	 * @param data    the declaration
	 * @param loss    the loss of the model trained on it
	 * @param outputs the model's number of outputs
	 * @return the loaded data
	 * @throws RunException naming the declaration and the cause
	 */
	public Loaded load(dev.nnet.lang.nnet.DataSet data, LossKind loss, int outputs) throws RunException {
		DataSet all;
		try {
			all = data.getFile() != null ? loadCsv(data, loss, outputs) : loadInline(data, loss, outputs);
		} catch (CsvException | IllegalArgumentException e) {
			throw SourceLocation.error(data, "data " + data.getName() + ": " + e.getMessage());
		}
		return splitAndScale(data, all);
	}

	/**
	 * The inline samples of a declaration with targets encoded for the loss, before split and scaling.
	 *
	 * @param data    a declaration with {@code samples}
	 * @param loss    the loss of the model trained on it
	 * @param outputs the model's number of outputs
	 * @return all samples
	 * @throws RunException for a declaration without samples or inconsistent rows
	 */
	public DataSet inlineSamples(dev.nnet.lang.nnet.DataSet data, LossKind loss, int outputs) throws RunException {
		try {
			return loadInline(data, loss, outputs);
		} catch (IllegalArgumentException e) {
			throw SourceLocation.error(data, "data " + data.getName() + ": " + e.getMessage());
		}
	}

	private Loaded splitAndScale(dev.nnet.lang.nnet.DataSet data, DataSet all) throws RunException {
		Scaling scaling = declaredScaling(data);
		if (data.getSplit() == null) {
			return new Loaded(scaled(scaling, all, all), null);
		}
		double percent = data.getSplit().getPercent() == null ? 0 : data.getSplit().getPercent();
		long seed = data.getSplit().getSeed() == null ? 0 : data.getSplit().getSeed();
		try {
			DataSet.Split split = all.split(1 - percent / 100.0, seed);
			return new Loaded(scaled(scaling, split.train(), split.train()), scaled(scaling, split.train(), split.test()));
		} catch (IllegalArgumentException e) {
			throw SourceLocation.error(data.getSplit(), "split test " + percent + "%: " + e.getMessage());
		}
	}

	/** @return the scaling written in the declaration, null when none is (the enum's default is not "unset") */
	public static Scaling declaredScaling(dev.nnet.lang.nnet.DataSet data) {
		return NodeModelUtils.findNodesForFeature(data, NnetPackage.Literals.DATA_SET__SCALING).isEmpty() ? null
				: data.getScaling();
	}

	private static DataSet scaled(Scaling scaling, DataSet fitOn, DataSet data) {
		if (scaling == null) {
			return data;
		}
		return scaling == Scaling.MINMAX ? MinMaxScaler.fit(fitOn).apply(data) : Standardizer.fit(fitOn).apply(data);
	}

	private DataSet loadInline(dev.nnet.lang.nnet.DataSet data, LossKind loss, int outputs) throws RunException {
		List<Sample> samples = data.getSamples();
		if (samples.isEmpty()) {
			throw SourceLocation.error(data, "data " + data.getName() + " has neither samples nor a CSV file");
		}
		double[][] x = new double[samples.size()][];
		double[][] t = new double[samples.size()][];
		for (int i = 0; i < x.length; i++) {
			x[i] = toArray(samples.get(i).getFeatures());
			t[i] = toArray(samples.get(i).getTargets());
		}
		boolean labels = t[0].length == 1 && allWhole(t);
		if (labels && loss == LossKind.CROSS_ENTROPY) {
			TreeSet<Double> distinct = new TreeSet<>();
			for (double[] row : t) {
				distinct.add(row[0]);
			}
			boolean indexes = distinct.first() >= 0 && distinct.last() < Math.max(outputs, distinct.size());
			List<Double> order = new ArrayList<>(distinct);
			int[] classes = new int[t.length];
			for (int i = 0; i < t.length; i++) {
				classes[i] = indexes ? (int) t[i][0] : order.indexOf(t[i][0]);
			}
			int classCount = indexes ? Math.max(outputs, (int) (double) distinct.last() + 1) : distinct.size();
			return DataSet.ofClasses(x, classes, classCount);
		}
		if (labels && (loss == LossKind.PERCEPTRON || loss == LossKind.HINGE)) {
			TreeSet<Double> distinct = new TreeSet<>();
			for (double[] row : t) {
				distinct.add(row[0]);
			}
			if (distinct.size() == 2) { // any two labels: the smaller is -1, the larger +1 (as for CSV labels)
				for (double[] row : t) {
					row[0] = row[0] == distinct.first() ? -1 : 1;
				}
			}
		}
		return DataSet.of(x, t);
	}

	private DataSet loadCsv(dev.nnet.lang.nnet.DataSet data, LossKind loss, int outputs)
			throws RunException, CsvException {
		DataInspector inspector = new DataInspector();
		File file = inspector.resolve(data);
		if (file == null) {
			throw SourceLocation.error(data, "cannot resolve \"" + data.getFile() + "\" relative to the .nnet file");
		}
		CsvLoader loader = CsvLoader.file(file.toPath());
		List<String> header = inspector.header(file);
		if (!data.getFeatures().isEmpty()) {
			if (header == null) {
				throw SourceLocation.error(data, "cannot read the header of " + file);
			}
			List<String> names = new ArrayList<>();
			for (Column c : data.getFeatures()) {
				int index = DataInspector.columnIndex(header, c);
				if (index < 0) {
					throw SourceLocation.error(c, "column " + describe(c) + " is not in the header of " + file);
				}
				names.add(header.get(index));
			}
			loader.features(names.toArray(String[]::new));
		}
		Column column = data.getLabel() != null ? data.getLabel() : data.getTarget();
		if (column instanceof NamedColumn n) {
			loader.label(n.getName());
		} else if (column instanceof IndexedColumn i) {
			loader.label(i.getIndex());
		}
		if (data.getTarget() != null) {
			loader.regression();
		} else {
			loader.classification(LabelOrder.SORTED, encoding(loss, outputs));
		}
		return loader.load();
	}

	/** @return how class labels become targets for a loss and output size */
	public static TargetEncoding encoding(LossKind loss, int outputs) {
		switch (loss) {
		case BINARY_CROSS_ENTROPY:
			return TargetEncoding.BINARY;
		case PERCEPTRON, HINGE:
			return TargetEncoding.SIGNED;
		case MSE:
			return outputs == 1 ? TargetEncoding.INDEX : TargetEncoding.ONE_HOT;
		default:
			return TargetEncoding.ONE_HOT;
		}
	}

	private static String describe(Column c) {
		return c instanceof NamedColumn n ? "\"" + n.getName() + "\"" : String.valueOf(((IndexedColumn) c).getIndex());
	}

	private static double[] toArray(List<Double> values) {
		double[] out = new double[values.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = values.get(i) == null ? 0 : values.get(i);
		}
		return out;
	}

	private static boolean allWhole(double[][] t) {
		for (double[] row : t) {
			if (row[0] != Math.rint(row[0])) {
				return false;
			}
		}
		return true;
	}
}

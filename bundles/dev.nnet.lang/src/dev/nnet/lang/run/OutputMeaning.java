package dev.nnet.lang.run;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.data.TargetEncoding;
import dev.nnet.engine.io.ModelMetadata;
import dev.nnet.lang.data.DataInspector;
import dev.nnet.lang.nnet.Column;
import dev.nnet.lang.nnet.IndexedColumn;
import dev.nnet.lang.nnet.LossKind;
import dev.nnet.lang.nnet.NamedColumn;
import dev.nnet.lang.nnet.Sample;

/**
 * What the inputs and outputs of a model trained on a {@code data} declaration mean, for the model file: feature names
 * (CSV header names, {@code x1..xn} for inline samples), class names with the target encoding, or target names.
 */
public final class OutputMeaning {

	private OutputMeaning() {
	}

	/**
	 * @param data the declaration
	 * @param all  its samples (only used for a CSV file: the header names)
	 * @return the feature names in input order
	 */
	public static List<String> features(dev.nnet.lang.nnet.DataSet data, DataSet all) {
		if (data.getFile() != null) {
			return all.featureNames();
		}
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= all.featureCount(); i++) {
			names.add("x" + i);
		}
		return names;
	}

	/**
	 * @param data    the declaration
	 * @param all     its samples with encoded targets; for a CSV file may be null (class names are then unknown: the
	 *                result has none)
	 * @param loss    the loss of the model
	 * @param outputs the model's number of outputs
	 * @return the meaning of the outputs of a model trained on {@code all} with {@code loss}
	 */
	public static ModelMetadata.Outputs of(dev.nnet.lang.nnet.DataSet data, DataSet all, LossKind loss, int outputs) {
		if (data.getFile() != null) {
			String column = labelColumn(data);
			if (data.getTarget() != null) {
				return new ModelMetadata.Outputs(column, null, List.of(column == null ? "y" : column));
			}
			return new ModelMetadata.Outputs(column, DataLoader.encoding(loss, outputs),
					all == null ? List.of() : all.classNames());
		}
		if (all.hasClasses()) {
			return new ModelMetadata.Outputs(null, TargetEncoding.ONE_HOT, all.classNames());
		}
		if (all.targetCount() == 1 && wholeLabels(data)) {
			// 0/1 labels with one output: binary classes (for mse too: |y - t| < 0.5 is y > 0.5)
			if ((loss == LossKind.BINARY_CROSS_ENTROPY || loss == LossKind.MSE) && within(all, 0, 1)) {
				return new ModelMetadata.Outputs(null, TargetEncoding.BINARY, List.of("0", "1"));
			}
			if ((loss == LossKind.PERCEPTRON || loss == LossKind.HINGE) && within(all, -1, 1)) {
				return new ModelMetadata.Outputs(null, TargetEncoding.SIGNED, List.of(hasZero(data) ? "0" : "-1", "1"));
			}
		}
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= all.targetCount(); i++) {
			names.add(all.targetCount() == 1 ? "y" : "y" + i);
		}
		return new ModelMetadata.Outputs(null, null, names);
	}

	private static String labelColumn(dev.nnet.lang.nnet.DataSet data) {
		Column c = data.getLabel() != null ? data.getLabel() : data.getTarget();
		if (c instanceof NamedColumn n) {
			return n.getName();
		}
		DataInspector inspector = new DataInspector();
		File file = inspector.resolve(data);
		List<String> header = file == null ? null : inspector.header(file);
		if (header == null || header.isEmpty()) {
			return null;
		}
		int index = c instanceof IndexedColumn i ? i.getIndex() : header.size() - 1;
		return index >= 0 && index < header.size() ? header.get(index) : null;
	}

	private static boolean wholeLabels(dev.nnet.lang.nnet.DataSet data) {
		for (Sample s : data.getSamples()) {
			if (s.getTargets().size() != 1 || s.getTargets().get(0) == null
					|| s.getTargets().get(0) != Math.rint(s.getTargets().get(0))) {
				return false;
			}
		}
		return !data.getSamples().isEmpty();
	}

	private static boolean hasZero(dev.nnet.lang.nnet.DataSet data) {
		return data.getSamples().stream().anyMatch(s -> s.getTargets().get(0) == 0);
	}

	private static boolean within(DataSet all, double low, double high) {
		for (int r = 0; r < all.rows(); r++) {
			double t = all.target(r, 0);
			if (t != low && t != high) {
				return false;
			}
		}
		return true;
	}
}

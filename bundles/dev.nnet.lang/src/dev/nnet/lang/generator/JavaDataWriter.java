package dev.nnet.lang.generator;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import dev.nnet.engine.data.DataSet;
import dev.nnet.lang.data.DataInspector;
import dev.nnet.lang.nnet.Column;
import dev.nnet.lang.nnet.IndexedColumn;
import dev.nnet.lang.nnet.LossKind;
import dev.nnet.lang.nnet.NamedColumn;
import dev.nnet.lang.nnet.Scaling;
import dev.nnet.engine.io.ModelMetadata;
import dev.nnet.lang.run.DataLoader;
import dev.nnet.lang.run.OutputMeaning;
import dev.nnet.lang.run.RunException;

/**
 * Writes the {@code data(...)} method of a training class: inline samples as array literals (targets already encoded
 * for the loss), or a {@link dev.nnet.engine.data.CsvLoader} call for a CSV file; and the split/scaling statements.
 */
final class JavaDataWriter {

	private JavaDataWriter() {
	}

	/** Writes {@code static DataSet data(String csv)} or {@code static DataSet data()}. */
	static void dataMethod(JavaSource j, dev.nnet.lang.nnet.DataSet data, LossKind loss, int outputs)
			throws RunException {
		if (data.getFile() == null) {
			DataSet d = new DataLoader().inlineSamples(data, loss, outputs);
			j.javadoc("@return the " + d.rows() + " inline samples of data {@code " + data.getName() + "}");
			j.open("static DataSet data()");
			j.line("double[][] features = {");
			for (int r = 0; r < d.rows(); r++) {
				double[] row = new double[d.featureCount()];
				for (int c = 0; c < row.length; c++) {
					row[c] = d.feature(r, c);
				}
				j.line("        " + JavaSource.row(row) + ",");
			}
			j.line("};");
			if (d.hasClasses()) {
				StringBuilder classes = new StringBuilder();
				for (int c : d.classes()) {
					classes.append(classes.length() == 0 ? "" : ", ").append(c);
				}
				j.line("int[] classes = {" + classes + "};");
				j.line("return DataSet.ofClasses(features, classes, " + d.targetCount() + ");");
			} else {
				j.line("double[][] targets = {");
				for (int r = 0; r < d.rows(); r++) {
					double[] row = new double[d.targetCount()];
					for (int c = 0; c < row.length; c++) {
						row[c] = d.target(r, c);
					}
					j.line("        " + JavaSource.row(row) + ",");
				}
				j.line("};");
				j.line("return DataSet.of(features, targets);");
			}
			j.close();
			return;
		}
		j.javadoc("Loads data {@code " + data.getName() + "}.", "", "@param csv the CSV file",
				"@return all rows, targets encoded for the loss", "@throws CsvException naming file, line and column");
		j.open("static DataSet data(Path csv) throws CsvException");
		j.line("return CsvLoader.file(csv)");
		if (!data.getFeatures().isEmpty()) {
			j.line("        .features(" + features(data) + ")");
		}
		Column label = data.getLabel() != null ? data.getLabel() : data.getTarget();
		if (label instanceof NamedColumn n) {
			j.line("        .label(" + JavaSource.string(n.getName()) + ")");
		} else if (label instanceof IndexedColumn i) {
			j.line("        .label(" + i.getIndex() + ")");
		}
		if (data.getTarget() != null) {
			j.line("        .regression()");
		} else {
			j.line("        .classification(LabelOrder.SORTED, TargetEncoding." + DataLoader.encoding(loss, outputs) + ")");
		}
		j.line("        .load();");
		j.close();
	}

	private static String features(dev.nnet.lang.nnet.DataSet data) throws RunException {
		List<String> names = new ArrayList<>();
		StringBuilder indices = new StringBuilder();
		for (Column c : data.getFeatures()) {
			if (c instanceof NamedColumn n) {
				names.add(n.getName());
			} else {
				indices.append(indices.length() == 0 ? "" : ", ").append(((IndexedColumn) c).getIndex());
			}
		}
		if (names.isEmpty()) {
			return indices.toString();
		}
		if (indices.length() == 0) {
			return JavaSource.strings(names);
		}
		DataInspector inspector = new DataInspector();
		File file = inspector.resolve(data);
		List<String> header = file == null ? null : inspector.header(file);
		if (header == null) {
			throw dev.nnet.lang.run.SourceLocation.error(data,
					"features mix names and indices: the CSV header is needed to generate code, but cannot be read");
		}
		names.clear();
		for (Column c : data.getFeatures()) {
			int i = DataInspector.columnIndex(header, c);
			if (i < 0) {
				throw dev.nnet.lang.run.SourceLocation.error(c, "column is not in the header of " + file);
			}
			names.add(header.get(i));
		}
		return JavaSource.strings(names);
	}

	/**
	 * Writes the split and scaling statements on local variables {@code train} and {@code test}, and
	 * {@code preprocessing} (the fitted scaling, for the model file).
	 */
	static void splitAndScale(JavaSource j, dev.nnet.lang.nnet.DataSet data) {
		j.line("DataSet train = all;").line("DataSet test = null;").line("DataSet validation = null;")
				.line("Preprocessing preprocessing = Preprocessing.NONE;");
		if (data.getSplit() != null) {
			double percent = data.getSplit().getPercent() == null ? 0 : data.getSplit().getPercent();
			long seed = data.getSplit().getSeed() == null ? 0 : data.getSplit().getSeed();
			Double validation = data.getSplit().getValidation();
			j.line("// split " + (validation == null ? "" : "validation " + validation + "% ") + "test " + percent
					+ "% seed " + seed);
			j.line("DataSet.Split split = all.split(" + JavaSource.number(1 - percent / 100.0) + ", " + seed + "L);");
			j.line("train = split.train();").line("test = split.test();");
			if (validation != null) {
				j.line("DataSet.Split inner = train.split(" + JavaSource.number(1 - validation / (100.0 - percent)) + ", "
						+ seed + "L);");
				j.line("train = inner.train();").line("validation = inner.test();");
			}
		}
		Scaling scaling = DataLoader.declaredScaling(data);
		if (scaling != null) {
			String scaler = scaling == Scaling.MINMAX ? "MinMaxScaler" : "Standardizer";
			j.line("// " + scaling.getLiteral() + ": fitted on the training data, applied to both parts");
			j.line(scaler + " scaler = " + scaler + ".fit(train);");
			j.line("test = test == null ? null : scaler.apply(test);");
			j.line("validation = validation == null ? null : scaler.apply(validation);");
			j.line("train = scaler.apply(train);");
			j.line("preprocessing = Preprocessing.of(scaler);");
		}
	}

	/**
	 * Writes {@code ModelMetadata metadata(DataSet all, Preprocessing p, ModelMetadata.Provenance v)}: what the model
	 * file says besides the weights, as the runner writes it ({@link OutputMeaning}).
	 */
	static void metadataMethod(JavaSource j, dev.nnet.lang.nnet.DataSet data, LossKind loss, int outputs)
			throws RunException {
		j.javadoc("@param all the data before split and scaling", "@param preprocessing the fitted scaling",
				"@param provenance where the model came from", "@return the metadata of the model file");
		j.open("static ModelMetadata metadata(DataSet all, Preprocessing preprocessing, ModelMetadata.Provenance provenance)");
		boolean csv = data.getFile() != null;
		DataSet sample = csv ? null : new DataLoader().inlineSamples(data, loss, outputs);
		ModelMetadata.Outputs o = OutputMeaning.of(data, sample, loss, outputs);
		String column = o.column() == null ? "null" : JavaSource.string(o.column());
		String encoding = o.encoding() == null ? "null" : "TargetEncoding." + o.encoding().name();
		String names = csv && o.classes() ? "all.classNames()" : "List.of(" + JavaSource.strings(o.names()) + ")";
		j.line("List<String> features = " + (csv ? "all.featureNames()"
				: "List.of(" + JavaSource.strings(OutputMeaning.features(data, sample)) + ")") + ";");
		j.line("ModelMetadata.Outputs outputs = new ModelMetadata.Outputs(" + column + ", " + encoding + ", " + names + ");");
		j.line("return new ModelMetadata(features, preprocessing, outputs, provenance);");
		j.close();
	}
}

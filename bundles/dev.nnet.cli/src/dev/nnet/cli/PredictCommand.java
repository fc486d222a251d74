package dev.nnet.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.nnet.engine.data.CsvException;
import dev.nnet.engine.data.FeatureRows;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.io.ModelPredictor;

/**
 * {@code nnet predict MODEL.json DATA.csv [--probabilities] [--json]}: one line per data row. The model's stored
 * preprocessing is applied to the raw features. With a header row and a model that names its features (format
 * version 2), columns are matched by name (any order, extra columns ignored); otherwise the first {@code inputs}
 * columns are the features. A classifier prints the class name ({@code --probabilities}: a CSV with one column per
 * class); a regression model its output values; {@code --json} one JSON object per row.
 */
final class PredictCommand {

	private final PrintStream out;
	private final PrintStream err;

	PredictCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** Rows per forward pass: large enough for the engine's batch kernels, small beside any file. */
	private static final int CHUNK = 4096;

	int run(String[] args) {
		Arguments a = new Arguments(args, Set.of(), Set.of("--probabilities", "--json"));
		if (a.positional.size() != 2) {
			throw new UsageException("predict needs MODEL.json and DATA.csv");
		}
		ModelPredictor model;
		FeatureRows rows;
		try {
			model = new ModelPredictor(ModelIO.loadModel(Path.of(a.positional.get(0))));
			rows = FeatureRows.read(Path.of(a.positional.get(1)), model.metadata().features(), model.network().inputs(),
					null);
		} catch (ModelFormatException | CsvException e) {
			err.println("nnet: " + e.getMessage());
			return Main.USAGE;
		}
		boolean probabilities = a.has("--probabilities");
		boolean json = a.has("--json");
		List<String> classes = model.classNames();
		if (probabilities && !json) {
			out.println(model.classifies() ? "class," + String.join(",", classes)
					: String.join(",", model.targetNames()));
		}
		for (int from = 0; from < rows.rows(); from += CHUNK) { // batches of rows: memory of the data, not per row
			int to = Math.min(rows.rows(), from + CHUNK);
			double[][] y = model.outputs(rows.features(from, to));
			for (int r = from; r < to; r++) {
				out.println(json ? json(model, y[r - from], rows.line(r), probabilities)
						: line(model, y[r - from], probabilities));
			}
		}
		return Main.OK;
	}

	private static String line(ModelPredictor model, double[] y, boolean probabilities) {
		if (!model.classifies()) {
			return values(y, ",");
		}
		String name = model.classNames().get(model.classIndex(y));
		if (!probabilities) {
			return name;
		}
		double[] p = model.probabilities(y);
		return name + "," + values(p == null ? y : p, ",");
	}

	private static String json(ModelPredictor model, double[] y, int line, boolean probabilities) {
		StringBuilder b = new StringBuilder("{\"line\":").append(line);
		if (model.classifies()) {
			b.append(",\"class\":").append(ProgressPrinter.string(model.classNames().get(model.classIndex(y))));
			double[] p = model.probabilities(y);
			if (probabilities && p != null) {
				b.append(",\"probabilities\":");
				object(b, model.classNames(), p);
			}
		}
		if (!model.classifies() || probabilities) {
			b.append(",\"outputs\":");
			object(b, model.classifies() ? outputNames(y.length) : model.targetNames(), y);
		}
		return b.append('}').toString();
	}

	private static List<String> outputNames(int n) {
		String[] names = new String[n];
		for (int i = 0; i < n; i++) {
			names[i] = "y" + (i + 1);
		}
		return List.of(names);
	}

	private static void object(StringBuilder b, List<String> names, double[] values) {
		b.append('{');
		for (int i = 0; i < values.length; i++) {
			b.append(i > 0 ? "," : "").append(ProgressPrinter.string(names.get(i))).append(':')
					.append(ProgressPrinter.num(values[i]));
		}
		b.append('}');
	}

	static String values(double[] y, String separator) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < y.length; i++) {
			s.append(i > 0 ? separator : "").append(String.format(Locale.ROOT, "%.6g", y[i]));
		}
		return s.toString();
	}
}

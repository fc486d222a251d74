package dev.nnet.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.nnet.engine.data.CsvException;
import dev.nnet.engine.data.FeatureRows;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.io.ModelPredictor;
import dev.nnet.engine.metrics.ClassificationReport;
import dev.nnet.engine.metrics.RegressionReport;

/**
 * {@code nnet evaluate MODEL.json DATA.csv [--label COLUMN] [--json]}: applies the model to labelled rows (its
 * preprocessing, columns by name as {@code predict} does) and prints, for a classifier, accuracy, per-class precision,
 * recall and F1, macro averages and the confusion matrix; for a regression model MSE, MAE, RMSE and R^2. The label
 * column is the one the model was trained on (stored in the model file) unless {@code --label} names another.
 */
final class EvaluateCommand {

	private final PrintStream out;
	private final PrintStream err;

	EvaluateCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(String[] args) {
		Arguments a = new Arguments(args, Set.of("--label"), Set.of("--json"));
		if (a.positional.size() != 2) {
			throw new UsageException("evaluate needs MODEL.json and DATA.csv");
		}
		try {
			ModelPredictor model = new ModelPredictor(ModelIO.loadModel(Path.of(a.positional.get(0))));
			String label = a.get("--label") != null ? a.get("--label")
					: model.metadata().outputs() == null ? null : model.metadata().outputs().column();
			if (label == null) {
				throw new UsageException("the model file does not name its label column; give it with --label COLUMN");
			}
			String csv = a.positional.get(1);
			FeatureRows rows = FeatureRows.read(Path.of(csv), model.metadata().features(), model.network().inputs(),
					label);
			double[][] y = model.outputs(rows.features());
			boolean json = a.has("--json");
			if (model.classifies()) {
				ClassificationReport r = ClassificationReport.of(predicted(model, y), actual(model, rows, csv, label),
						model.classNames());
				out.print(json ? json(r) + System.lineSeparator() : r.table());
			} else {
				RegressionReport r = RegressionReport.of(y, targets(model, rows, csv, label));
				out.println(json ? json(r) : r.line());
			}
			return Main.OK;
		} catch (ModelFormatException | CsvException e) {
			err.println("nnet: " + e.getMessage());
			return Main.USAGE;
		}
	}

	private static int[] predicted(ModelPredictor model, double[][] y) {
		int[] p = new int[y.length];
		for (int r = 0; r < y.length; r++) {
			p[r] = model.classIndex(y[r]);
		}
		return p;
	}

	private static int[] actual(ModelPredictor model, FeatureRows rows, String csv, String label) throws CsvException {
		List<String> classes = model.classNames();
		String[] labels = rows.labels();
		int[] a = new int[labels.length];
		for (int r = 0; r < labels.length; r++) {
			a[r] = classes.indexOf(labels[r]);
			if (a[r] < 0) {
				throw new CsvException(csv, rows.line(r), 0, "label '" + labels[r] + "' in column '" + label
						+ "' is not a class of the model (classes: " + String.join(", ", classes) + ")");
			}
		}
		return a;
	}

	private static double[][] targets(ModelPredictor model, FeatureRows rows, String csv, String label)
			throws CsvException {
		if (model.network().outputs() != 1) {
			throw new CsvException(csv, 0, 0, "the model has " + model.network().outputs()
					+ " outputs; evaluate compares one target column ('" + label + "')");
		}
		String[] labels = rows.labels();
		double[][] t = new double[labels.length][1];
		for (int r = 0; r < labels.length; r++) {
			try {
				t[r][0] = Double.parseDouble(labels[r]);
			} catch (NumberFormatException e) {
				t[r][0] = Double.NaN;
			}
			if (!Double.isFinite(t[r][0])) {
				throw new CsvException(csv, rows.line(r), 0, "target '" + labels[r] + "' in column '" + label
						+ "' is not a finite number");
			}
		}
		return t;
	}

	/** @return the classification metrics as one JSON object */
	static String json(ClassificationReport r) {
		StringBuilder b = new StringBuilder("{\"kind\":\"classification\",\"samples\":").append(r.samples())
				.append(",\"accuracy\":").append(ProgressPrinter.num(r.accuracy())).append(",\"macro\":{\"precision\":")
				.append(ProgressPrinter.num(r.macroPrecision())).append(",\"recall\":")
				.append(ProgressPrinter.num(r.macroRecall())).append(",\"f1\":").append(ProgressPrinter.num(r.macroF1()))
				.append("},\"classes\":[");
		for (int c = 0; c < r.classes().size(); c++) {
			b.append(c > 0 ? "," : "").append("{\"name\":").append(ProgressPrinter.string(r.classes().get(c)))
					.append(",\"precision\":").append(ProgressPrinter.num(r.precision(c))).append(",\"recall\":")
					.append(ProgressPrinter.num(r.recall(c))).append(",\"f1\":").append(ProgressPrinter.num(r.f1(c)))
					.append(",\"support\":").append(r.support(c)).append('}');
		}
		b.append("],\"confusion\":[");
		int[][] m = r.confusion();
		for (int a = 0; a < m.length; a++) {
			b.append(a > 0 ? "," : "").append('[');
			for (int p = 0; p < m[a].length; p++) {
				b.append(p > 0 ? "," : "").append(m[a][p]);
			}
			b.append(']');
		}
		return b.append("]}").toString();
	}

	/** @return the regression metrics as one JSON object */
	static String json(RegressionReport r) {
		return "{\"kind\":\"regression\",\"samples\":" + r.samples() + ",\"mse\":" + ProgressPrinter.num(r.mse())
				+ ",\"mae\":" + ProgressPrinter.num(r.mae()) + ",\"rmse\":" + ProgressPrinter.num(r.rmse()) + ",\"r2\":"
				+ ProgressPrinter.num(r.r2()) + "}";
	}
}

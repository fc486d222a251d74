package dev.nnet.lang.run;

import java.util.Locale;
import java.util.Map;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.io.ModelMetadata;
import dev.nnet.engine.metrics.ClassificationReport;
import dev.nnet.engine.metrics.Evaluation;
import dev.nnet.engine.metrics.RegressionReport;

/**
 * The metrics of {@code nnet evaluate} for one part of the data (train, validation, test) after training: a
 * classification report for class outputs, a regression report otherwise (exactly one of the two is set).
 *
 * @param part           "train", "validation" or "test"
 * @param classification the classification metrics, or null
 * @param regression     the regression metrics, or null
 */
public record PartMetrics(String part, ClassificationReport classification, RegressionReport regression) {

	/**
	 * @param part    the part's name
	 * @param network the trained network
	 * @param data    the part (scaled and encoded as in training)
	 * @param outputs the meaning of the outputs; null or targets for regression
	 * @return the part's metrics
	 */
	public static PartMetrics of(String part, Network network, DataSet data, ModelMetadata.Outputs outputs) {
		if (Evaluation.isClassification(outputs)) {
			return new PartMetrics(part, Evaluation.classification(network, data, outputs.encoding(), outputs.names()),
					null);
		}
		return new PartMetrics(part, null, Evaluation.regression(network, data));
	}

	/** @return one readable line, e.g. {@code test: accuracy 0.9667  precision 0.9697  recall 0.9667  f1 0.9665} */
	public String line() {
		if (classification != null) {
			return String.format(Locale.ROOT, "%s: accuracy %.4f  macro precision %.4f  recall %.4f  f1 %.4f (%d samples)",
					part, classification.accuracy(), classification.macroPrecision(), classification.macroRecall(),
					classification.macroF1(), classification.samples());
		}
		return part + ": " + regression.line();
	}

	/** Adds the metrics as {@code <part>_<metric>} entries (for the model's provenance). */
	public void addTo(Map<String, Double> metrics) {
		if (classification != null) {
			Evaluation.addTo(metrics, part, classification);
		} else {
			Evaluation.addTo(metrics, part, regression);
		}
	}
}

package dev.nnet.ui.views.runs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

import dev.nnet.engine.train.EpochEnd;
import dev.nnet.lang.runs.RunRecord;

/** The columns of the runs table: header, width and cell text. */
enum RunColumns {
	NETWORK("Network", 90, RunRecord::network),
	TRAINING("Training", 100, RunRecord::training),
	DATA("Data", 70, RunRecord::data),
	STARTED("Started", 130, r -> Times.FORMAT.format(r.started())),
	DURATION("Duration", 70, r -> String.format(Locale.ROOT, "%.1f s", r.durationMillis() / 1000.0)),
	EPOCHS("Epochs", 80, r -> r.epochs().size() + " / " + r.maxEpochs()),
	TRAIN_LOSS("Train loss", 80, r -> last(r, EpochEnd::trainLoss, false)),
	TRAIN_ACC("Train acc", 70, r -> last(r, EpochEnd::trainAccuracy, true)),
	TEST_LOSS("Test loss", 80, r -> last(r, EpochEnd::testLoss, false)),
	TEST_ACC("Test acc", 70, r -> last(r, EpochEnd::testAccuracy, true)),
	STATUS("Status", 260, r -> r.status() + (r.message().isEmpty() ? "" : ": " + r.message()));

	final String header;
	final int width;
	final Function<RunRecord, String> text;

	RunColumns(String header, int width, Function<RunRecord, String> text) {
		this.header = header;
		this.width = width;
		this.text = text;
	}

	private static String last(RunRecord r, java.util.function.ToDoubleFunction<EpochEnd> metric, boolean percent) {
		EpochEnd e = r.lastEpoch();
		double v = e == null ? Double.NaN : metric.applyAsDouble(e);
		if (Double.isNaN(v)) {
			return "";
		}
		return percent ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : String.format(Locale.ROOT, "%.4g", v);
	}
}

/** Holder so the enum constants can use the formatter. */
final class Times {
	static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneId.systemDefault());

	private Times() {
	}
}

package dev.nnet.lang.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.Histogram;

/**
 * The {@code run.json} of a run folder: identity, outcome and final metrics (the epochs live in the CSV); optional
 * {@code activations} (per layer), {@code confusion} ({@code data}, {@code labels}, {@code counts[actual][predicted]})
 * and {@code model} ({@code file}, {@code bytes}, {@code crc32} in hex: the model file the run saved) that older
 * readers ignore and older files lack.
 */
final class RunJson {

	static final int FORMAT = 1;

	private RunJson() {
	}

	static String write(RunRecord run) {
		JsonObject o = new JsonObject();
		o.addProperty("format", FORMAT);
		o.addProperty("id", run.id());
		o.addProperty("source", run.source());
		o.addProperty("network", run.network());
		o.addProperty("training", run.training());
		o.addProperty("data", run.data());
		o.addProperty("started", run.started().toString());
		o.addProperty("durationMillis", run.durationMillis());
		o.addProperty("maxEpochs", run.maxEpochs());
		o.addProperty("status", run.status().name());
		o.addProperty("message", run.message());
		if (run.affectedLayer() != null) {
			o.addProperty("affectedLayer", run.affectedLayer());
		}
		JsonArray layers = new JsonArray();
		run.layerNames().forEach(layers::add);
		o.add("layers", layers);
		if (!run.activations().isEmpty()) {
			JsonArray acts = new JsonArray();
			run.activations().forEach(acts::add);
			o.add("activations", acts);
		}
		if (run.confusion() != null) {
			o.add("confusion", confusion(run.confusion()));
		}
		if (run.savedModel() == null) {
			o.add("model", com.google.gson.JsonNull.INSTANCE); // saved none (older files lack the key)
		} else {
			JsonObject m = new JsonObject();
			m.addProperty("file", run.savedModel().file().toString());
			m.addProperty("bytes", run.savedModel().bytes());
			m.addProperty("crc32", Long.toHexString(run.savedModel().crc32()));
			o.add("model", m);
		}
		EpochEnd last = run.lastEpoch();
		JsonObject fin = new JsonObject();
		fin.addProperty("epochs", run.epochs().size());
		if (last != null) {
			number(fin, "trainLoss", last.trainLoss());
			number(fin, "trainAccuracy", last.trainAccuracy());
			number(fin, "testLoss", last.testLoss());
			number(fin, "testAccuracy", last.testAccuracy());
		}
		o.add("final", fin);
		JsonArray diags = new JsonArray();
		for (RunDiagnostic d : run.diagnostics()) {
			JsonObject j = new JsonObject();
			j.addProperty("layer", d.layer());
			j.addProperty("code", d.code());
			j.addProperty("message", d.message());
			diags.add(j);
		}
		o.add("diagnostics", diags);
		return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(o) + "\n";
	}

	private static JsonObject confusion(ConfusionMatrix m) {
		JsonObject c = new JsonObject();
		c.addProperty("data", m.data());
		JsonArray labels = new JsonArray();
		m.labels().forEach(labels::add);
		c.add("labels", labels);
		JsonArray rows = new JsonArray();
		for (int[] row : m.counts()) {
			JsonArray r = new JsonArray();
			for (int v : row) {
				r.add(v);
			}
			rows.add(r);
		}
		c.add("counts", rows);
		return c;
	}

	private static ConfusionMatrix confusion(JsonObject c) {
		List<String> labels = new ArrayList<>();
		for (JsonElement e : c.getAsJsonArray("labels")) {
			labels.add(e.getAsString());
		}
		JsonArray rows = c.getAsJsonArray("counts");
		int[][] counts = new int[rows.size()][];
		for (int i = 0; i < counts.length; i++) {
			JsonArray r = rows.get(i).getAsJsonArray();
			if (r.size() != labels.size()) {
				throw new IllegalArgumentException("confusion row " + i + " has " + r.size() + " counts for "
						+ labels.size() + " classes");
			}
			counts[i] = new int[r.size()];
			for (int k = 0; k < counts[i].length; k++) {
				counts[i][k] = r.get(k).getAsInt();
			}
		}
		if (counts.length != labels.size()) {
			throw new IllegalArgumentException("confusion has " + counts.length + " rows for " + labels.size()
					+ " classes");
		}
		return new ConfusionMatrix(text(c, "data"), List.copyOf(labels), counts);
	}

	private static void number(JsonObject o, String key, double v) {
		if (Double.isFinite(v)) {
			o.addProperty(key, v);
		}
	}

	static RunRecord read(String json, List<String> csvLines, String csvName,
			Map<Integer, Map<String, Histogram[]>> histograms) {
		JsonObject o = JsonParser.parseString(json).getAsJsonObject();
		List<String> layers = new ArrayList<>();
		for (JsonElement e : o.getAsJsonArray("layers")) {
			layers.add(e.getAsString());
		}
		RunRecord run = new RunRecord(text(o, "id"), text(o, "source"), text(o, "network"), text(o, "training"),
				text(o, "data"), Instant.parse(text(o, "started")), o.get("maxEpochs").getAsInt(), layers);
		List<EpochEnd> epochs = EpochsCsv.read(csvLines, layers, csvName, histograms);
		if (o.has("activations") && o.get("activations").isJsonArray()) {
			List<String> acts = new ArrayList<>();
			for (JsonElement e : o.getAsJsonArray("activations")) {
				acts.add(e.getAsString());
			}
			run.setActivations(acts);
		}
		if (o.has("confusion") && o.get("confusion").isJsonObject()) {
			run.setConfusion(confusion(o.getAsJsonObject("confusion")));
		}
		run.setSavedModel(savedModel(o.get("model")));
		run.setSavedModelRecorded(o.has("model"));
		RunStatus status = RunStatus.valueOf(text(o, "status"));
		run.restore(status == RunStatus.RUNNING ? RunStatus.FAILED : status, o.get("durationMillis").getAsLong(),
				status == RunStatus.RUNNING ? "interrupted: the IDE stopped while the run was training"
						: text(o, "message"),
				o.has("affectedLayer") && !o.get("affectedLayer").isJsonNull() ? text(o, "affectedLayer") : null,
				epochs);
		return run;
	}

	/** The {@code model} entry, or null when absent or not of the form this class writes. */
	private static SavedModel savedModel(JsonElement e) {
		if (e == null || !e.isJsonObject()) {
			return null;
		}
		JsonObject m = e.getAsJsonObject();
		try {
			return new SavedModel(java.nio.file.Path.of(text(m, "file")), m.get("bytes").getAsLong(),
					Long.parseUnsignedLong(text(m, "crc32"), 16));
		} catch (RuntimeException notOurs) { // a hand-edited entry: the run keeps its metrics, without a model record
			return null;
		}
	}

	private static String text(JsonObject o, String key) {
		JsonElement e = o.get(key);
		if (e == null || e.isJsonNull()) {
			throw new IllegalArgumentException("missing \"" + key + "\"");
		}
		return e.getAsString();
	}
}

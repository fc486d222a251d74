package dev.nnet.lang.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.nnet.engine.train.EpochEnd;

/** The {@code run.json} of a run folder: identity, outcome and final metrics (the epochs live in the CSV). */
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

	private static void number(JsonObject o, String key, double v) {
		if (Double.isFinite(v)) {
			o.addProperty(key, v);
		}
	}

	static RunRecord read(String json, List<String> csvLines, String csvName) {
		JsonObject o = JsonParser.parseString(json).getAsJsonObject();
		List<String> layers = new ArrayList<>();
		for (JsonElement e : o.getAsJsonArray("layers")) {
			layers.add(e.getAsString());
		}
		RunRecord run = new RunRecord(text(o, "id"), text(o, "source"), text(o, "network"), text(o, "training"),
				text(o, "data"), Instant.parse(text(o, "started")), o.get("maxEpochs").getAsInt(), layers);
		List<EpochEnd> epochs = EpochsCsv.read(csvLines, layers, csvName);
		RunStatus status = RunStatus.valueOf(text(o, "status"));
		run.restore(status == RunStatus.RUNNING ? RunStatus.FAILED : status, o.get("durationMillis").getAsLong(),
				status == RunStatus.RUNNING ? "interrupted: the IDE stopped while the run was training"
						: text(o, "message"),
				o.has("affectedLayer") && !o.get("affectedLayer").isJsonNull() ? text(o, "affectedLayer") : null,
				epochs);
		return run;
	}

	private static String text(JsonObject o, String key) {
		JsonElement e = o.get(key);
		if (e == null || e.isJsonNull()) {
			throw new IllegalArgumentException("missing \"" + key + "\"");
		}
		return e.getAsString();
	}
}

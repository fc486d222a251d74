package dev.nnet.lang.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.Histogram;
import dev.nnet.engine.train.LayerStats;
import dev.nnet.engine.train.TrainingResult;

/**
 * One training run: what ran, how it ended and its per-epoch metrics. Filled live by the training thread
 * ({@link #addEpoch}, {@link #finish}) while views read it: the epoch list is copy-on-write, the rest volatile.
 */
public final class RunRecord {

	private final String id;
	private final String source;
	private final String network;
	private final String training;
	private final String data;
	private final Instant started;
	private final int maxEpochs;
	private final List<String> layerNames;
	private final List<EpochEnd> epochs = new CopyOnWriteArrayList<>();
	private volatile RunStatus status = RunStatus.RUNNING;
	private volatile long durationMillis;
	private volatile String message = "";
	private volatile String affectedLayer;
	private volatile List<RunDiagnostic> diagnostics = List.of();
	private volatile List<String> activations = List.of();
	private volatile ConfusionMatrix confusion;
	private volatile SavedModel savedModel;
	private volatile boolean savedModelRecorded = true;
	private int histogramStride = 1;
	private int histogramEpochs;

	/** The most epochs whose histograms a run keeps. */
	public static final int HISTOGRAM_EPOCHS = 200;

	/**
	 * @param id         unique, file-name safe (see {@link RunStore#newId})
	 * @param source     the {@code .nnet} file, project-relative
	 * @param network    the network's name
	 * @param training   the training's name
	 * @param data       the data set's name
	 * @param started    start time
	 * @param maxEpochs  the epoch cap
	 * @param layerNames engine layer names, input side first
	 */
	public RunRecord(String id, String source, String network, String training, String data, Instant started,
			int maxEpochs, List<String> layerNames) {
		this.id = id;
		this.source = source;
		this.network = network;
		this.training = training;
		this.data = data;
		this.started = started;
		this.maxEpochs = maxEpochs;
		this.layerNames = List.copyOf(layerNames);
	}

	/**
	 * Appends an epoch's metrics (training thread). Histograms are kept for at most {@link #HISTOGRAM_EPOCHS}
	 * epochs spread over the run (every epoch first, then every 2nd, 4th, ...), so a long run stays small.
	 */
	public void addEpoch(EpochEnd epoch) {
		if (epoch.epoch() % histogramStride != 0) {
			epoch = withoutHistograms(epoch);
		} else if (++histogramEpochs > HISTOGRAM_EPOCHS) {
			histogramStride *= 2;
			histogramEpochs = 0;
			for (int i = 0; i < epochs.size(); i++) {
				EpochEnd e = epochs.get(i);
				if (e.epoch() % histogramStride != 0) {
					epochs.set(i, withoutHistograms(e));
				} else if (!e.layers().isEmpty() && e.layers().get(0).weights().total() > 0) {
					histogramEpochs++;
				}
			}
			if (epoch.epoch() % histogramStride != 0) {
				epoch = withoutHistograms(epoch);
			} else {
				histogramEpochs++;
			}
		}
		epochs.add(epoch);
		durationMillis = java.time.Duration.between(started, Instant.now()).toMillis();
	}

	private static EpochEnd withoutHistograms(EpochEnd e) {
		List<LayerStats> stats = new ArrayList<>(e.layers().size());
		for (LayerStats s : e.layers()) {
			stats.add(new LayerStats(s.layer(), s.gradientNorm(), s.weightNorm(), s.updateRatio(), s.deadFraction(),
					s.activationMean(), s.activationStd(), Histogram.EMPTY, Histogram.EMPTY));
		}
		return new EpochEnd(e.epoch(), e.learningRate(), e.trainLoss(), e.trainAccuracy(), e.testLoss(),
				e.testAccuracy(), List.copyOf(stats));
	}

	/**
	 * Records the outcome and derives the diagnostics.
	 *
	 * @param result the engine's result
	 */
	public void finish(TrainingResult result) {
		if (epochs.isEmpty() && !result.history().isEmpty()) {
			result.history().forEach(this::addEpoch);
		}
		this.message = result.message() == null ? "" : result.message();
		this.affectedLayer = result.affectedLayer();
		this.durationMillis = java.time.Duration.between(started, Instant.now()).toMillis();
		this.status = RunStatus.of(result.status());
		this.diagnostics = RunDiagnostics.analyze(this);
	}

	/** Records a run that could not start or crashed. */
	public void fail(String why) {
		this.message = why;
		this.durationMillis = java.time.Duration.between(started, Instant.now()).toMillis();
		this.status = RunStatus.FAILED;
	}

	/**
	 * Records the activation of each layer (for the predicted gradient flow); call before {@link #finish}.
	 *
	 * @param activations engine activation names, input side first, one per layer
	 */
	public void setActivations(List<String> activations) {
		this.activations = List.copyOf(activations);
	}

	/**
	 * Records what a finished run needs beyond its epochs: the layer activations and, for a classification, the
	 * confusion matrix of the trained network. Call on the training thread, before {@link #finish}.
	 *
	 * @param network the trained network
	 * @param train   the training data
	 * @param test    the test data, or null
	 */
	public void describe(Network network, DataSet train, DataSet test) {
		setActivations(network.layers().stream().map(l -> l.activation().name()).toList());
		try {
			setConfusion(ConfusionMatrix.of(network, train, test));
		} catch (IllegalArgumentException e) {
			setConfusion(null); // a class index the outputs cannot express: no matrix rather than a wrong one
		}
	}

	/** @param confusion the confusion matrix, or null for a regression */
	public void setConfusion(ConfusionMatrix confusion) {
		this.confusion = confusion;
	}

	/** @param model the model file this run wrote, or null when it saved none */
	public void setSavedModel(SavedModel model) {
		this.savedModel = model;
	}

	/** @return the model file this run wrote, or null (it saved none, or {@link #savedModelRecorded()} is false) */
	public SavedModel savedModel() {
		return savedModel;
	}

	/** @return false for a run read from a run folder written before runs recorded their model file */
	public boolean savedModelRecorded() {
		return savedModelRecorded;
	}

	void setSavedModelRecorded(boolean recorded) {
		this.savedModelRecorded = recorded;
	}

	/** Restores the stored outcome (used by {@link RunStore}). */
	void restore(RunStatus status, long duration, String message, String affectedLayer, List<EpochEnd> history) {
		this.status = status;
		this.durationMillis = duration;
		this.message = message;
		this.affectedLayer = affectedLayer;
		this.epochs.addAll(history);
		this.diagnostics = status == RunStatus.RUNNING ? List.of() : RunDiagnostics.analyze(this);
	}

	public String id() { return id; }
	/** @return the {@code .nnet} file, project-relative */
	public String source() { return source; }
	public String network() { return network; }
	public String training() { return training; }
	public String data() { return data; }
	public Instant started() { return started; }
	public int maxEpochs() { return maxEpochs; }
	/** @return the engine's layer names, input side first */
	public List<String> layerNames() { return layerNames; }
	/** @return a snapshot of the epochs so far */
	public List<EpochEnd> epochs() { return new ArrayList<>(epochs); }
	public RunStatus status() { return status; }
	public long durationMillis() { return durationMillis; }
	/** @return the engine's explanation of the outcome (why it diverged, which target was reached...) */
	public String message() { return message; }
	/** @return for DIVERGED, the first layer with non-finite values, else null */
	public String affectedLayer() { return affectedLayer; }
	/** @return what the engine observed that deserves a warning; empty while running */
	public List<RunDiagnostic> diagnostics() { return diagnostics; }

	/** @return the engine's activation name per layer, input side first; empty when not recorded */
	public List<String> activations() { return activations; }
	/** @return the confusion matrix of a classification run, or null */
	public ConfusionMatrix confusion() { return confusion; }

	/** @return the last epoch or null */
	public EpochEnd lastEpoch() {
		List<EpochEnd> e = epochs();
		return e.isEmpty() ? null : e.get(e.size() - 1);
	}

	@Override
	public String toString() {
		return id + " " + status;
	}
}

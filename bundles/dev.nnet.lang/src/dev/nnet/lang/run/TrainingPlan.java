package dev.nnet.lang.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.data.Preprocessing;
import dev.nnet.engine.io.ModelMetadata;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.perceptron.Perceptron;
import dev.nnet.engine.train.CancellationToken;
import dev.nnet.engine.train.Trainer;
import dev.nnet.engine.train.TrainingConfig;
import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingState;
import dev.nnet.engine.train.TrainingStatus;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.shapes.NetworkShape;

/**
 * A training ready to run, made by {@link TrainingPlanner#plan}: the engine model with its initial weights, the data
 * and the settings. {@link #run} trains in place on the calling thread; it may be called once. A network is trained
 * by the engine's {@link Trainer}; a perceptron by the perceptron rule, one epoch at a time, reported through the same
 * {@link TrainingListener} and {@link TrainingResult} types. With {@link #maxEpochs()} 0 nothing is trained: the
 * result holds the metrics of the initial weights with status {@code COMPLETED}.
 */
public final class TrainingPlan {

	private final String trainingName;
	private final String networkName;
	private final String dataName;
	private final NetworkShape shape;
	private final Network network;
	private final TrainingConfig config;
	private final Perceptron perceptron;
	private final double perceptronRate;
	private final DataSet trainData;
	private final DataSet testData;
	private final int maxEpochs;
	private final Path modelPath;
	private final DataLoader.Loaded data;
	private final String sourceFile;
	private final Path checkpointPath;
	private final TrainingState resume;

	private TrainingPlan(Builder b) {
		trainingName = b.training.getName();
		networkName = b.training.getNetwork().getName();
		dataName = b.training.getData().getName();
		shape = b.shape;
		network = b.network;
		config = b.config;
		perceptron = b.perceptron;
		perceptronRate = b.perceptronRate;
		trainData = b.data.train();
		testData = b.data.test();
		data = b.data;
		maxEpochs = b.epochs;
		modelPath = b.modelPath;
		sourceFile = SourceLocation.file(b.training);
		checkpointPath = b.checkpointPath;
		resume = b.resume;
	}

	/** @return where the training's {@code checkpoint every N epochs "file"} writes (resolved), or null */
	public Path checkpointPath() {
		return checkpointPath;
	}

	/** @return the checkpoint state a resumed training continues from, or null */
	public TrainingState resumeState() {
		return resume;
	}

	/** @return the {@code .nnet} file declaring the training (a path on disk when possible) */
	public String sourceFile() {
		return sourceFile;
	}

	/** @return the validation data of a three-way {@code split}, or null */
	public DataSet validationData() {
		return data.validation();
	}

	/** @return the scaling fitted on the training data ({@link Preprocessing#NONE} without scaling) */
	public Preprocessing preprocessing() {
		return data.preprocessing();
	}

	/** @return the feature names in input order */
	public List<String> featureNames() {
		return data.features();
	}

	/** @return the meaning of the outputs (class names and encoding, or target names), or null */
	public ModelMetadata.Outputs outputs() {
		return data.outputs();
	}

	/** @return the training's name */
	public String trainingName() {
		return trainingName;
	}

	/** @return the name of the trained network or perceptron */
	public String networkName() {
		return networkName;
	}

	/** @return the name of the data set */
	public String dataName() {
		return dataName;
	}

	/** @return the model's inferred shape */
	public NetworkShape shape() {
		return shape;
	}

	/** @return the network, trained in place by {@link #run}; null for a perceptron model */
	public Network network() {
		return network;
	}

	/** @return the engine configuration of a network's training; null for a perceptron */
	public TrainingConfig config() {
		return config;
	}

	/** @return the perceptron, trained in place by {@link #run}; null for a network model */
	public Perceptron perceptron() {
		return perceptron;
	}

	/** @return the training data (scaled, the training part of a split) */
	public DataSet trainData() {
		return trainData;
	}

	/** @return the test data of a {@code split}, or null */
	public DataSet testData() {
		return testData;
	}

	/** @return the epoch cap; 0 means: measure the initial weights only */
	public int maxEpochs() {
		return maxEpochs;
	}

	/** @return where the training's {@code save} says the model goes (resolved against the .nnet file), or null */
	public Path modelPath() {
		return modelPath;
	}

	/**
	 * The current weights as an engine network: the network itself, or for a perceptron a one-layer network of one
	 * {@code sign} unit with the perceptron's weights and bias (so that {@link ModelIO} can save it).
	 *
	 * @return the model
	 */
	public Network model() {
		return network != null ? network : PerceptronRun.asNetwork(perceptron);
	}

	/**
	 * Writes the current weights in the model format (docs/model-format.md).
	 *
	 * @param file the target file; parent folders are created
	 * @throws IOException when writing fails
	 */
	public void save(Path file) throws IOException {
		save(file, null);
	}

	/**
	 * Writes the current weights with the plan's metadata (format version 2, docs/model-format.md).
	 *
	 * @param file       the target file; parent folders are created
	 * @param provenance where the weights came from, or null (e.g. initial weights)
	 * @throws IOException when writing fails
	 */
	public void save(Path file, ModelMetadata.Provenance provenance) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			java.nio.file.Files.createDirectories(parent);
		}
		ModelIO.save(model(), metadata(provenance), file);
	}

	/**
	 * @param provenance where the weights came from, or null
	 * @return what a model file of this plan says besides the weights
	 */
	public ModelMetadata metadata(ModelMetadata.Provenance provenance) {
		return new ModelMetadata(featureNames(), preprocessing(), outputs(), provenance);
	}

	/**
	 * Trains on the calling thread.
	 *
	 * @param listener receives progress ({@link TrainingListener#NONE} for none)
	 * @param token    cancels before the next batch (or perceptron epoch); may be null
	 * @return the result; status CANCELLED after {@link CancellationToken#cancel()}
	 */
	public TrainingResult run(TrainingListener listener, CancellationToken token) {
		TrainingListener l = listener == null ? TrainingListener.NONE : listener;
		CancellationToken t = token == null ? new CancellationToken() : token;
		if (perceptron != null) {
			return new PerceptronRun(perceptron, perceptronRate, trainData, testData).run(maxEpochs, l, t);
		}
		if (maxEpochs == 0) {
			Measurement train = Measurement.of(network, config.loss(), trainData);
			Measurement test = testData == null ? Measurement.NONE : Measurement.of(network, config.loss(), testData);
			TrainingResult r = new TrainingResult(TrainingStatus.COMPLETED, 0, train.loss(), train.accuracy(),
					test.loss(), test.accuracy(), "no epochs run (--epochs 0): metrics of the initial weights", null,
					List.of());
			l.onTrainingEnd(r);
			return r;
		}
		// with a validation split the engine watches (early stopping, stop rules) the validation part
		DataSet heldOut = data.validation() != null ? data.validation() : testData;
		return new Trainer(network, config).train(trainData, heldOut, l, t, resume);
	}

	/** Collects the parts of a plan. */
	static final class Builder {
		private final Training training;
		private final NetworkShape shape;
		private final DataLoader.Loaded data;
		private final int epochs;
		private final Path modelPath;
		private final Path checkpointPath;
		private TrainingState resume;
		private Network network;
		private TrainingConfig config;
		private Perceptron perceptron;
		private double perceptronRate;

		Builder(Training training, NetworkShape shape, DataLoader.Loaded data, int epochs, Path modelPath,
				Path checkpointPath) {
			this.checkpointPath = checkpointPath;
			this.training = training;
			this.shape = shape;
			this.data = data;
			this.epochs = epochs;
			this.modelPath = modelPath;
		}

		Builder network(Network value, TrainingConfig trainingConfig) {
			network = value;
			config = trainingConfig;
			return this;
		}

		Builder perceptron(Perceptron value, double learningRate) {
			perceptron = value;
			perceptronRate = learningRate;
			return this;
		}

		Builder resume(TrainingState state) {
			resume = state;
			return this;
		}

		TrainingPlan build() {
			return new TrainingPlan(this);
		}
	}
}

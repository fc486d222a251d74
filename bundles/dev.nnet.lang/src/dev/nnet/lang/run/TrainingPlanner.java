package dev.nnet.lang.run;

import java.io.File;
import java.nio.file.Path;

import com.google.inject.Inject;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.io.CheckpointIO;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.perceptron.Perceptron;
import dev.nnet.engine.train.TrainingConfig;
import dev.nnet.engine.train.TrainingState;
import dev.nnet.lang.nnet.Architecture;
import dev.nnet.lang.nnet.LossKind;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.shapes.ModelFacts;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * Turns a parsed {@code training} into engine objects, ready to {@link TrainingPlan#run run}: loads its data (CSV paths
 * relative to the {@code .nnet} file), builds the network with seeded initial weights (or the perceptron), optionally
 * loads initial weights from a model file, and builds the {@link TrainingConfig}. Validation is the caller's job
 * (run the validator first); the planner still reports every problem it meets as a {@link RunException}.
 *
 * <p>
 * Use it injected ({@code @Inject TrainingPlanner}) or plainly ({@code new TrainingPlanner()}).
 */
public final class TrainingPlanner {

	private final ShapeInference shapes;

	/** A planner with its own {@link ShapeInference}. */
	public TrainingPlanner() {
		this(new ShapeInference());
	}

	/** @param shapes the shape inference to use */
	@Inject
	public TrainingPlanner(ShapeInference shapes) {
		this.shapes = shapes;
	}

	/**
	 * @param training  the training, in a resource loaded from a file (for relative paths)
	 * @param overrides settings replacing the file's, {@link RunOverrides#NONE} for none
	 * @return the plan
	 * @throws RunException for missing references, unreadable data, models the engine rejects or a model file that
	 *                      does not fit
	 */
	public TrainingPlan plan(Training training, RunOverrides overrides) throws RunException {
		RunOverrides o = overrides == null ? RunOverrides.NONE : overrides;
		Architecture model = training.getNetwork();
		if (model == null || model.eIsProxy()) {
			throw SourceLocation.error(training, "training " + training.getName() + " has no (resolvable) network");
		}
		if (training.getData() == null || training.getData().eIsProxy()) {
			throw SourceLocation.error(training, "training " + training.getName() + " has no (resolvable) data");
		}
		NetworkShape shape = shapes.infer(model);
		LossKind lossKind = ModelFacts.effectiveLoss(model, shape);
		DataLoader.Loaded data = new DataLoader().load(training.getData(), lossKind, shape.outputs());
		int epochs = o.epochs() != null ? o.epochs() : TrainingSettings.epochs(training);
		long seed = o.seed() != null ? o.seed() : TrainingSettings.seed(training);
		if (epochs < 0) {
			throw SourceLocation.error(training, "epochs must not be negative, got " + epochs);
		}
		TrainingPlan.Builder plan = new TrainingPlan.Builder(training, shape, data, epochs,
				savePath(training), resolve(training, training.getCheckpoint() == null ? null
						: training.getCheckpoint().getFile()));
		if (model instanceof dev.nnet.lang.nnet.Perceptron p) {
			if (shape.outputs() != 1) {
				throw SourceLocation.error(p, "the engine's perceptron has one output unit, " + p.getName() + " declares "
						+ shape.outputs());
			}
			double threshold = p.getThreshold() == null ? 0 : p.getThreshold();
			plan.perceptron(new Perceptron(shape.inputs(), -threshold),
					TrainingSettings.learningRate(training, Perceptron.DEFAULT_LEARNING_RATE));
			if (o.initFrom() != null || o.resume() != null) {
				throw SourceLocation.error(training, "--init-from and --resume are not supported for a perceptron");
			}
			return plan.build();
		}
		if (ModelFacts.trainedByPerceptronRule(model, shape)) {
			// a network of one sign unit with the perceptron loss is Rosenblatt's perceptron: the perceptron rule
			if (shape.outputs() != 1) {
				throw SourceLocation.error(model, "the engine's perceptron has one sign unit, " + model.getName()
						+ " declares " + shape.outputs());
			}
			if (o.initFrom() != null) {
				throw SourceLocation.error(training, "--init-from is not supported for a perceptron");
			}
			plan.perceptron(new Perceptron(shape.inputs(), 0),
					TrainingSettings.learningRate(training, Perceptron.DEFAULT_LEARNING_RATE));
			return plan.build();
		}
		NetworkSpec spec = EngineModels.spec((dev.nnet.lang.nnet.Network) model, shape);
		dev.nnet.engine.matrix.Precision precision = TrainingSettings.precision(training);
		Network network = spec.build(precision, seed);
		if (o.initFrom() != null) {
			try {
				ModelIO.loadParametersInto(network, o.initFrom());
			} catch (ModelFormatException | IllegalArgumentException e) {
				throw SourceLocation.error(training, "cannot initialise from " + o.initFrom() + ": " + e.getMessage());
			}
		}
		TrainingConfig config;
		try {
			network.checkTrainable(Losses.byName(lossKind.getLiteral()));
			config = TrainingSettings.config(training, Losses.byName(lossKind.getLiteral()), Math.max(1, epochs), seed);
			plan.network(network, config);
		} catch (IllegalArgumentException e) {
			throw SourceLocation.error(training, e.getMessage());
		}
		if (o.resume() != null) {
			if (o.initFrom() != null) {
				throw SourceLocation.error(training, "--resume and --init-from exclude each other");
			}
			plan.resume(resume(training, network, config, o.resume()));
		}
		return plan.build();
	}

	private static Path savePath(Training training) {
		return resolve(training, training.getSave());
	}

	/** @return a path of the training's file resolved against the .nnet file's folder, or null for none */
	static Path resolve(Training training, String path) {
		if (path == null || path.isBlank()) {
			return null;
		}
		File file = new File(path);
		if (file.isAbsolute()) {
			return file.toPath();
		}
		File folder = SourceLocation.folder(training);
		return (folder == null ? file : new File(folder, path)).toPath();
	}

	/** Loads a checkpoint into the planned network; every problem is a located {@link RunException}. */
	private static TrainingState resume(Training training, Network network, TrainingConfig config, Path file)
			throws RunException {
		CheckpointIO.Checkpoint c;
		try {
			c = CheckpointIO.load(file);
		} catch (ModelFormatException e) {
			throw SourceLocation.error(training, "cannot resume: " + e.getMessage());
		}
		String mismatch = null;
		if (!c.optimizer().equals(config.optimizer().name())) {
			mismatch = "it was written by optimizer " + c.optimizer() + ", the training uses " + config.optimizer().name();
		} else if (c.network().precision() != network.precision()) {
			mismatch = "it holds " + c.network().precision().fileName() + " weights, the training is "
					+ network.precision().fileName();
		} else if (!sameShape(c.network(), network)) {
			mismatch = "its network (" + c.network().inputs() + " inputs, " + c.network().layers().size()
					+ " layers) has another shape than " + training.getNetwork().getName();
		}
		if (mismatch != null) {
			throw SourceLocation.error(training, "cannot resume from " + file + ": " + mismatch);
		}
		network.copyParametersFrom(c.network());
		return c.state();
	}

	private static boolean sameShape(Network a, Network b) {
		if (a.inputs() != b.inputs() || a.layers().size() != b.layers().size()) {
			return false;
		}
		for (int i = 0; i < a.layers().size(); i++) {
			if (a.layers().get(i).units() != b.layers().get(i).units()) {
				return false;
			}
		}
		return true;
	}
}

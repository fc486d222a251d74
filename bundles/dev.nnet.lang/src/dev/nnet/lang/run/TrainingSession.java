package dev.nnet.lang.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nnet.engine.io.CheckpointIO;
import dev.nnet.engine.io.ModelMetadata;
import dev.nnet.engine.train.CancellationToken;
import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.SaveRule;
import dev.nnet.engine.train.TrainingBegin;
import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingState;
import dev.nnet.engine.train.TrainingStatus;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.runs.RunStatus;
import dev.nnet.lang.runs.RunStore;
import dev.nnet.lang.runs.SavedModel;
import dev.nnet.lang.shapes.LayerShape;

/**
 * One training run with the policy every front end shares (command line, IDE): trains a {@link TrainingPlan}, records
 * the run (epochs, outcome, diagnostics) in a {@link RunRecord} and, when a runs folder is given, in the
 * {@link RunStore} format the IDE's Training Runs view reads; saves the model by the {@link SaveRule} (a DIVERGED run
 * never overwrites a model file) with the plan's metadata and provenance. Nothing it meets escapes as an exception:
 * a crash becomes a FAILED outcome with its message.
 */
public final class TrainingSession {

	/**
	 * How a session ended.
	 *
	 * @param record      the recorded run (status, epochs, diagnostics)
	 * @param result      the engine's result, null when the run FAILED
	 * @param saved       where the model was written, or null
	 * @param notSaved    why a model that was asked for was not written (diverged, I/O error), else null
	 * @param saveFailed  true when writing the model failed with an I/O error
	 * @param recordedIn  the run's folder in the runs folder, or null when not recorded
	 * @param recordError why recording failed, else null
	 * @param seconds     wall time of the training
	 * @param metrics     evaluation metrics of train, validation and test data (empty for a diverged or failed run)
	 * @param checkpoint  the last checkpoint written (every N epochs, on cancel), or null
	 * @param checkpointError why writing a checkpoint failed, else null
	 */
	public record Outcome(RunRecord record, TrainingResult result, Path saved, String notSaved, boolean saveFailed,
			Path recordedIn, String recordError, double seconds, List<PartMetrics> metrics, Path checkpoint,
			String checkpointError) {

		/** @return the run's status */
		public RunStatus status() {
			return record.status();
		}

		/** @return 0, 1 for a run that FAILED, 3 DIVERGED, 130 CANCELLED (see docs/cli.md) */
		public int exitCode() {
			return result == null ? 1 : SaveRule.exitCode(result.status());
		}
	}

	/**
	 * Writes the ONNX file of a saved model file; the command line and the IDE give dev.nnet.onnx's export, so that
	 * this bundle does not depend on the ONNX messages.
	 */
	@FunctionalInterface
	public interface OnnxWriter {
		/**
		 * @param modelFile the model file just saved
		 * @param onnxFile  the ONNX file to write
		 * @return one line saying what was written
		 * @throws Exception with a message naming the file when the export fails
		 */
		String write(Path modelFile, Path onnxFile) throws Exception;
	}

	private final TrainingPlan plan;
	private final Path save;
	private final Path onnx;
	private OnnxWriter onnxWriter;
	private String onnxWritten;
	private String onnxError;
	private final Path runsFolder;
	private final RunRecord record;
	private Path checkpoint;
	private String checkpointError;

	/**
	 * @param plan       the planned training
	 * @param save       where the trained model goes (usually {@link TrainingPlan#modelPath()}), or null; a
	 *                   {@code .onnx} file means the model file next to it plus its ONNX export ({@link SaveTargets})
	 * @param runsFolder the runs folder to record in (see {@link #projectRunsFolder}), or null
	 * @param source     the {@code .nnet} file as the record names it (project-relative in a project)
	 */
	public TrainingSession(TrainingPlan plan, Path save, Path runsFolder, String source) {
		this.plan = plan;
		this.save = SaveTargets.modelFile(save);
		this.onnx = SaveTargets.isOnnx(save) ? save : null;
		this.runsFolder = runsFolder;
		Instant started = Instant.now();
		this.record = new RunRecord(RunStore.newId(started, plan.trainingName()), source, plan.networkName(),
				plan.trainingName(), plan.dataName(), started, plan.maxEpochs(),
				statisticsLayers(plan));
	}

	/**
	 * The runs folder of the project a {@code .nnet} file belongs to: {@code <project>/.nnet-runs} for the nearest
	 * enclosing folder with an Eclipse {@code .project} file.
	 *
	 * @param nnetFile the file
	 * @return the runs folder, or null outside a project
	 */
	public static Path projectRunsFolder(Path nnetFile) {
		for (Path p = nnetFile.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
			if (Files.isRegularFile(p.resolve(".project"))) {
				return p.resolve(RunStore.FOLDER);
			}
		}
		return null;
	}

	/** @return the project-relative path of a file in the project owning {@code runsFolder}, else its file name */
	public static String sourceName(Path nnetFile, Path runsFolder) {
		Path file = nnetFile.toAbsolutePath().normalize();
		Path project = runsFolder == null ? null : runsFolder.toAbsolutePath().normalize().getParent();
		return project != null && file.startsWith(project) ? project.relativize(file).toString().replace('\\', '/')
				: file.getFileName().toString();
	}

	/** @return the run being recorded (filled while {@link #run} trains) */
	public RunRecord record() {
		return record;
	}

	/** @return the plan */
	public TrainingPlan plan() {
		return plan;
	}

	/**
	 * Trains on the calling thread, then records and saves.
	 *
	 * @param listener progress, may be null
	 * @param token    cancels before the next batch, may be null
	 * @return the outcome
	 */
	public Outcome run(TrainingListener listener, CancellationToken token) {
		return run(listener, token, null);
	}

	/** Trains a plan: the engine on this JVM ({@link TrainingPlan#run}) or another executor (e.g. Spark). */
	@FunctionalInterface
	public interface Executor {
		/**
		 * @param plan     the plan
		 * @param listener progress
		 * @param token    cancellation
		 * @return the engine's result
		 */
		TrainingResult train(TrainingPlan plan, TrainingListener listener, CancellationToken token);
	}

	/**
	 * Trains with another executor, then records and saves by the same policy.
	 *
	 * @param listener progress, may be null
	 * @param token    cancels before the next batch, may be null
	 * @param executor trains the plan; null for {@link TrainingPlan#run}
	 * @return the outcome
	 */
	public Outcome run(TrainingListener listener, CancellationToken token, Executor executor) {
		Executor trainer = executor == null ? (p, l, t) -> p.run(l, t) : executor;
		TrainingListener delegate = listener == null ? TrainingListener.NONE : listener;
		long start = System.nanoTime();
		TrainingResult result = null;
		List<PartMetrics> metrics = new ArrayList<>();
		try {
			LossSanity sanity = LossSanity.before(plan.network(), plan.config() == null ? null : plan.config().loss(),
					plan.trainData());
			TrainingResult trained = trainer.train(plan, new Recording(delegate), token);
			result = sanity.apply(finiteOrDiverged(withTestMetrics(trained)));
			record.describe(plan.model(), plan.trainData(), plan.testData());
			record.finish(result);
			if (result.status() != TrainingStatus.DIVERGED && SaveRule.refusal(result.status(), plan.model()) == null) {
				metrics.add(PartMetrics.of("train", plan.model(), plan.trainData(), plan.outputs()));
				if (plan.validationData() != null) {
					metrics.add(PartMetrics.of("validation", plan.model(), plan.validationData(), plan.outputs()));
				}
				if (plan.testData() != null) {
					metrics.add(PartMetrics.of("test", plan.model(), plan.testData(), plan.outputs()));
				}
			}
		} catch (RuntimeException e) {
			record.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Path saved = null;
		String notSaved = null;
		boolean saveFailed = false;
		if (save != null) {
			String refusal = result == null ? "the training failed" : SaveRule.refusal(result.status(), plan.model());
			if (refusal != null) {
				notSaved = refusal + (Files.exists(save) ? "; " + save + " is left unchanged" : "");
			} else {
				try {
					plan.save(save, provenance(result, metrics));
					saved = save;
					writeOnnx();
				} catch (IOException | RuntimeException e) {
					notSaved = "cannot write " + save + ": " + e.getMessage();
					saveFailed = true;
				}
			}
		}
		if (saved != null) {
			try {
				record.setSavedModel(SavedModel.of(saved)); // so the runs view exports this run's model, not a later one
			} catch (IOException unreadable) {
				// the file was written but cannot be read back: the run records no model file
			}
		}
		Path recordedIn = null;
		String recordError = null;
		if (runsFolder != null) {
			try {
				new RunStore(runsFolder).save(record);
				recordedIn = runsFolder.resolve(record.id());
			} catch (IOException | RuntimeException e) {
				recordError = "cannot record the run in " + runsFolder + ": " + e.getMessage();
			}
		}
		return new Outcome(record, result, saved, notSaved, saveFailed, recordedIn, recordError, seconds,
				List.copyOf(metrics), checkpoint, checkpointError);
	}

	/**
	 * Sets what writes the ONNX file of a {@code save "x.onnx"}; without one such a save writes the model file only
	 * and {@link #onnxError()} says why.
	 *
	 * @param writer the export
	 * @return this session
	 */
	public TrainingSession onnxWriter(OnnxWriter writer) {
		this.onnxWriter = writer;
		return this;
	}

	/** @return the ONNX file a {@code save "x.onnx"} asks for, or null */
	public Path onnxFile() {
		return onnx;
	}

	/** @return the line saying what ONNX file was written after the model file, or null */
	public String onnxWritten() {
		return onnxWritten;
	}

	/** @return why an ONNX file that was asked for was not written, or null */
	public String onnxError() {
		return onnxError;
	}

	private void writeOnnx() {
		if (onnx == null) {
			return;
		}
		if (onnxWriter == null) {
			onnxError = "ONNX file " + onnx + " not written: no ONNX export here (nnet train and the IDE write it);"
					+ " the model is in " + save;
			return;
		}
		try {
			onnxWritten = onnxWriter.write(save, onnx);
		} catch (Exception e) {
			onnxError = "cannot export " + onnx + ": " + e.getMessage();
		}
	}

	/**
	 * A run that ends with a non-finite parameter diverged, whatever the engine's stop rule said (CONVERGED needs a
	 * usable model): it gets the DIVERGED status, message and hint.
	 */
	private TrainingResult finiteOrDiverged(TrainingResult r) {
		if (r.status() == TrainingStatus.DIVERGED || r.status() == TrainingStatus.CANCELLED) {
			return r;
		}
		String refusal = SaveRule.refusal(r.status(), plan.model());
		if (refusal == null) {
			return r;
		}
		String layer = refusal.replaceAll("layer '(.*)' has .*", "$1");
		return new TrainingResult(TrainingStatus.DIVERGED, r.epochs(), r.trainLoss(), r.trainAccuracy(), r.testLoss(),
				r.testAccuracy(), refusal + " after epoch " + r.epochs() + "; hint: lower the learning rate or scale the"
						+ " input features", layer, r.history());
	}

	/**
	 * With a validation split the engine's held-out data are the validation part; the test part is measured once,
	 * after training, and its figures replace the held-out ones in the result.
	 */
	private TrainingResult withTestMetrics(TrainingResult r) {
		if (plan.validationData() == null || plan.network() == null || r.status() == TrainingStatus.DIVERGED) {
			return r;
		}
		Measurement test = Measurement.of(plan.network(), plan.config().loss(), plan.testData());
		return new TrainingResult(r.status(), r.epochs(), r.trainLoss(), r.trainAccuracy(), test.loss(),
				test.accuracy(), r.message(), r.affectedLayer(), r.history());
	}

	/**
	 * @return where checkpoints go: the training's {@code checkpoint} file, else next to the model
	 *         ({@code NAME.checkpoint.json}), else next to the .nnet file ({@code TRAINING.checkpoint.json})
	 */
	public Path checkpointFile() {
		if (plan.checkpointPath() != null) {
			return plan.checkpointPath();
		}
		if (save != null) {
			String name = save.getFileName().toString().replaceFirst("\\.json$", "");
			return save.resolveSibling(name + ".checkpoint.json");
		}
		Path source = plan.sourceFile() == null ? null : Path.of(plan.sourceFile()).toAbsolutePath().getParent();
		String name = plan.trainingName() + ".checkpoint.json";
		return source == null ? Path.of(name) : source.resolve(name);
	}

	/** @return the provenance of a model trained by this session */
	ModelMetadata.Provenance provenance(TrainingResult r, List<PartMetrics> parts) {
		Map<String, Double> metrics = new LinkedHashMap<>();
		metrics.put("train_loss", r.trainLoss());
		metrics.put("train_accuracy", r.trainAccuracy());
		metrics.put("test_loss", r.testLoss());
		metrics.put("test_accuracy", r.testAccuracy());
		for (PartMetrics p : parts) {
			p.addTo(metrics);
		}
		String source = plan.sourceFile() == null ? null : Path.of(plan.sourceFile()).getFileName().toString();
		return new ModelMetadata.Provenance(source, plan.trainingName(), plan.networkName(), plan.dataName(),
				r.epochs(), r.status().name(), metrics);
	}

	/** Adds every epoch to the record, then forwards. */
	private final class Recording implements TrainingListener {
		private final TrainingListener delegate;

		Recording(TrainingListener delegate) {
			this.delegate = delegate;
		}

		@Override
		public void onTrainingBegin(TrainingBegin begin) {
			delegate.onTrainingBegin(begin);
		}

		@Override
		public void onBatchEnd(int epoch, int batch, double loss) {
			delegate.onBatchEnd(epoch, batch, loss);
		}

		@Override
		public void onEpochEnd(EpochEnd e) {
			record.addEpoch(e);
			delegate.onEpochEnd(e);
		}

		@Override
		public void onTrainingEnd(TrainingResult result) {
			delegate.onTrainingEnd(result);
		}

		@Override
		public void onCheckpoint(TrainingState state) {
			Path file = checkpointFile();
			try {
				CheckpointIO.save(file, plan.network(), plan.config().optimizer().name(), state);
				checkpoint = file;
			} catch (IOException | RuntimeException e) {
				checkpointError = "cannot write the checkpoint " + file + ": " + e.getMessage();
			}
			delegate.onCheckpoint(state);
		}
	}

	/** The layers the engine reports statistics of: those with parameters (a perceptron: its one layer). */
	private static java.util.List<String> statisticsLayers(TrainingPlan plan) {
		if (plan.network() == null) {
			return plan.shape().layers().stream().map(LayerShape::name).toList();
		}
		return plan.network().allLayers().stream().filter(l -> !l.parameters().isEmpty())
				.map(dev.nnet.engine.layer.Layer::name).toList();
	}
}

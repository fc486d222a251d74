package dev.nnet.ui.launch;

import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.xtext.EcoreUtil2;

import dev.nnet.engine.train.CancellationToken;
import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.TrainingListener;
import dev.nnet.lang.graph.TrainedWeights;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.RunException;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.TrainingPlan;
import dev.nnet.lang.run.TrainingPlanner;
import dev.nnet.lang.run.TrainingSession;
import dev.nnet.lang.runs.DecisionBoundary;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.runs.RunStatus;
import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.ui.markers.RunMarkers;
import dev.nnet.ui.runs.RunsRegistry;
import dev.nnet.ui.views.NNetModels;

/**
 * Trains one {@code training} of a {@code .nnet} file as an Eclipse job: progress "epoch i/N, loss x" in the
 * Progress view, cancel stops before the next batch; the {@link TrainingSession} trains, records and saves the model
 * by the shared policy (a diverged run never overwrites a model file); the run is stored in the project whatever the
 * outcome, and its diagnostics become markers on the source.
 */
public final class TrainingJob extends Job {

	/** Job family of all training jobs (for {@code IJobManager.join}). */
	public static final Object FAMILY = TrainingJob.class;
	/** Minimum time between live weight / decision boundary snapshots. */
	static final long SNAPSHOT_MILLIS = 150;
	/** Grid cells per side of the decision boundary. */
	static final int BOUNDARY_RESOLUTION = 80;

	private final IFile file;
	private final String trainingName;
	private final RunOverrides overrides;
	private final CancellationToken token = new CancellationToken();
	private volatile RunRecord record;

	/**
	 * @param file         the {@code .nnet} file declaring the training
	 * @param trainingName the training's name
	 * @param overrides    epochs/seed overrides
	 */
	public TrainingJob(IFile file, String trainingName, RunOverrides overrides) {
		super("NNet training " + trainingName);
		this.file = file;
		this.trainingName = trainingName;
		this.overrides = overrides;
		setUser(true);
	}

	/** @return the run being recorded (null before the training started) */
	public RunRecord record() {
		return record;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	@Override
	protected void canceling() {
		token.cancel();
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		monitor.beginTask("Preparing " + trainingName, IProgressMonitor.UNKNOWN);
		Training training;
		TrainingPlan plan;
		try {
			Model model = NNetModels.loadWithProject(file);
			training = EcoreUtil2.typeSelect(model.getElements(), Training.class).stream()
					.filter(t -> trainingName.equals(t.getName())).findFirst().orElse(null);
			if (training == null) {
				return Status.error(file.getFullPath() + ": no training named '" + trainingName + "'");
			}
			plan = new TrainingPlanner(NNetModels.injector().getInstance(ShapeInference.class)).plan(training,
					overrides);
		} catch (RunException e) {
			return Status.error(e.getMessage(), e);
		} catch (Exception e) {
			return Status.error(file.getFullPath() + ": cannot load the training: " + e.getMessage(), e);
		}
		String source = file.getProjectRelativePath().toString();
		// the registry persists the record (same RunStore folder) and tells the views: no runs folder for the session
		TrainingSession session = new TrainingSession(plan, plan.modelPath(), null, source)
				.onnxWriter((model, onnx) -> dev.nnet.onnx.Onnx.export(dev.nnet.onnx.ModelAdapter.fromModelFile(model),
						onnx));
		RunRecord run = session.record();
		record = run;
		RunsRegistry registry = RunsRegistry.get();
		String markerKey = RunMarkers.key(file, trainingName);
		try {
			RunMarkers.clear(file.getProject(), markerKey);
		} catch (Exception e) {
			// stale markers are cosmetic
		}
		registry.add(file.getProject(), run);
		monitor.beginTask("Training " + plan.trainingName(), Math.max(1, plan.maxEpochs()));
		Progress progress = new Progress(plan, run, monitor, registry, RunsRegistry.networkKey(source, plan.networkName()));
		TrainingSession.Outcome outcome = session.run(progress, token);
		try {
			progress.snapshot();
			registry.putSampler(run, (fx, fy) -> DecisionBoundary.sample(plan.model(), plan.trainData(),
					plan.testData(), fx, fy, BOUNDARY_RESOLUTION));
		} catch (RuntimeException e) {
			// a diverged model has no drawable weights; the views keep the last snapshot
		}
		if (outcome.notSaved() != null) {
			ILog.of(getClass()).warn(plan.trainingName() + ": model not saved: " + outcome.notSaved());
		}
		if (session.onnxError() != null) {
			ILog.of(getClass()).warn(plan.trainingName() + ": " + session.onnxError());
		}
		try {
			registry.save(file.getProject(), run);
			RunMarkers.update(markerKey, training, plan.shape(), run);
			file.getProject().refreshLocal(org.eclipse.core.resources.IResource.DEPTH_INFINITE, null);
		} catch (Exception e) {
			return Status.error("Could not save run " + run.id() + ": " + e.getMessage(), e);
		}
		monitor.done();
		return run.status() == RunStatus.CANCELLED ? Status.CANCEL_STATUS
				: run.status() == RunStatus.FAILED ? Status.error(run.message()) : Status.OK_STATUS;
	}

	/** Forwards engine events to the record, the progress monitor and (throttled) the views. */
	private final class Progress implements TrainingListener {
		private final TrainingPlan plan;
		private final RunRecord run;
		private final IProgressMonitor monitor;
		private final RunsRegistry registry;
		private final String networkKey;
		private long lastSnapshot;

		Progress(TrainingPlan plan, RunRecord run, IProgressMonitor monitor, RunsRegistry registry, String networkKey) {
			this.plan = plan;
			this.run = run;
			this.monitor = monitor;
			this.registry = registry;
			this.networkKey = networkKey;
		}

		@Override
		public void onBatchEnd(int epoch, int batch, double loss) {
			if (monitor.isCanceled()) {
				token.cancel();
			}
		}

		@Override
		public void onEpochEnd(EpochEnd e) {
			monitor.worked(1);
			monitor.subTask(String.format(Locale.ROOT, "epoch %d/%d, loss %.4g", e.epoch(), plan.maxEpochs(),
					e.trainLoss()));
			if (monitor.isCanceled()) {
				token.cancel();
			}
			registry.epochAdded(run);
			long now = System.currentTimeMillis();
			if (now - lastSnapshot >= SNAPSHOT_MILLIS) {
				lastSnapshot = now;
				snapshot();
			}
		}

		/** Publishes the current weights and decision boundary (on the training thread: no concurrent access). */
		void snapshot() {
			var model = plan.model();
			registry.putWeights(networkKey, TrainedWeights.of(model));
			int[] f = registry.boundaryFeatures();
			DecisionBoundary b = DecisionBoundary.sample(model, plan.trainData(), plan.testData(), f[0], f[1],
					BOUNDARY_RESOLUTION);
			if (b == null) { // the chosen features belong to another network: its first two
				b = DecisionBoundary.sample(model, plan.trainData(), plan.testData(), 0, 1, BOUNDARY_RESOLUTION);
			}
			if (b != null) {
				registry.putBoundary(run, b);
			}
		}
	}
}

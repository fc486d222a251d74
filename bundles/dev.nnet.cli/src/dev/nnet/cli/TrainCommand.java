package dev.nnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.ecore.EObject;

import dev.nnet.engine.train.CancellationToken;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingStatus;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.PartMetrics;
import dev.nnet.lang.run.RunException;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.TrainingPlan;
import dev.nnet.lang.run.TrainingPlanner;
import dev.nnet.lang.run.TrainingSession;
import dev.nnet.onnx.ModelAdapter;
import dev.nnet.onnx.Onnx;

/**
 * {@code nnet train FILE ...}: validates (errors: exit 1, nothing runs), plans the training with the overrides, trains
 * with a live progress line on a terminal or JSON Lines with {@code --json}, saves, prints a summary. Ctrl-C cancels
 * before the next batch, saves what was asked with the partial state and exits 130.
 */
final class TrainCommand {

	private final PrintStream out;
	private final PrintStream err;
	private String spark;
	private int partitions;
	private Exception sparkFailure;

	TrainCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(String[] args) {
		Arguments a = new Arguments(args,
				Set.of("--training", "--epochs", "--seed", "--init-from", "--save", "--save-initial", "--runs",
						"--resume", "--spark", "--partitions"),
				Set.of("--json"));
		if (a.positional.size() != 1) {
			throw new UsageException("train needs exactly one .nnet file");
		}
		Integer epochs = a.integer("--epochs");
		if (epochs != null && epochs < 0) {
			throw new UsageException("--epochs must not be negative");
		}
		RunOverrides overrides = new RunOverrides(epochs, a.longValue("--seed"),
				a.get("--init-from") == null ? null : Path.of(a.get("--init-from")),
				a.get("--resume") == null ? null : Path.of(a.get("--resume")));
		boolean json = a.has("--json");
		spark = a.get("--spark");
		partitions = a.integer("--partitions") == null ? 0 : a.integer("--partitions");
		if (partitions < 0 || (partitions > 0 && spark == null)) {
			throw new UsageException("--partitions needs a positive number and --spark");
		}
		try {
			Workspace w = new Workspace(a.positional);
			if (w.validate(err) > 0) {
				err.println("nnet: " + a.positional.get(0) + " has errors; nothing was trained");
				return Main.ERRORS;
			}
			Training training = find(w, a.get("--training"));
			TrainingPlan plan = Workspace.injector().getInstance(TrainingPlanner.class).plan(training, overrides);
			if (a.get("--save-initial") != null) {
				plan.save(Path.of(a.get("--save-initial")));
			}
			Path nnet = Path.of(a.positional.get(0));
			Path runs = a.get("--runs") != null ? Path.of(a.get("--runs")) : TrainingSession.projectRunsFolder(nnet);
			TrainingSession session = new TrainingSession(plan,
					a.get("--save") != null ? Path.of(a.get("--save")) : plan.modelPath(), runs,
					TrainingSession.sourceName(nnet, runs))
					.onnxWriter((model, onnx) -> Onnx.export(ModelAdapter.fromModelFile(model), onnx));
			return train(session, json);
		} catch (RunException e) {
			err.println(e.getMessage());
			return Main.ERRORS;
		} catch (IOException e) {
			err.println("nnet: " + e.getMessage());
			return Main.USAGE;
		}
	}

	private int train(TrainingSession session, boolean json) {
		TrainingPlan plan = session.plan();
		CancellationToken token = new CancellationToken();
		CountDownLatch finished = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			token.cancel();
			try {
				finished.await(30, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "nnet-cancel");
		boolean hooked = registerHook(hook);
		try {
			if (!json) {
				out.println("training " + plan.trainingName() + ": " + plan.networkName() + " ("
						+ plan.shape().totalParams() + " parameters) on " + plan.dataName() + " ("
						+ plan.trainData().rows() + " samples"
						+ (plan.validationData() == null ? "" : ", " + plan.validationData().rows() + " for validation")
						+ (plan.testData() == null ? "" : ", " + plan.testData().rows() + " for testing")
						+ "), up to " + plan.maxEpochs() + " epochs");
			}
			ProgressPrinter progress = new ProgressPrinter(out, plan.maxEpochs(), json, System.console() != null);
			TrainingSession.Outcome outcome = spark == null ? session.run(progress, token)
					: session.run(progress, token, (p, l, t) -> sparkTrain(p, spark, partitions, l, t));
			progress.finish();
			TrainingResult result = outcome.result();
			if (result == null && sparkFailure != null) {
				err.println("nnet: " + sparkFailure.getMessage()); // Spark refused the master or gave up: exit 2
				return Main.USAGE;
			}
			if (result == null) {
				err.println(plan.sourceFile() + ": training " + plan.trainingName() + " failed: " + outcome.record().message());
				return Main.ERRORS;
			}
			boolean classes = plan.outputs() == null || plan.outputs().classes();
			if (json) {
				out.println(ProgressPrinter.summaryJson(result, outcome.seconds(), outcome.saved(), outcome.notSaved(),
						outcome.metrics()));
			} else {
				if (result.status() != TrainingStatus.DIVERGED && result.status() != TrainingStatus.CANCELLED) {
					out.println(result.message());
				}
				for (PartMetrics m : outcome.metrics()) {
					out.println(m.line());
				}
				out.println(summary(result, outcome.seconds(), outcome.saved(), classes));
				if (session.onnxWritten() != null) {
					out.println(session.onnxWritten());
				}
				if (outcome.recordedIn() != null) {
					out.println("run recorded in " + outcome.recordedIn());
				}
			}
			out.flush();
			if (outcome.notSaved() != null) {
				err.println("nnet: model not saved: " + outcome.notSaved());
			}
			if (outcome.checkpoint() != null && result.status() == TrainingStatus.CANCELLED) {
				err.println("nnet: checkpoint saved to " + outcome.checkpoint() + "; continue with --resume "
						+ outcome.checkpoint());
			}
			if (outcome.checkpointError() != null) {
				err.println("nnet: " + outcome.checkpointError());
			}
			if (outcome.recordError() != null) {
				err.println("nnet: " + outcome.recordError());
			}
			if (session.onnxError() != null) {
				err.println("nnet: " + session.onnxError());
			}
			boolean ioFailed = outcome.saveFailed() || session.onnxError() != null;
			return ioFailed && outcome.exitCode() == Main.OK ? Main.USAGE : outcome.exitCode();
		} finally {
			finished.countDown();
			if (hooked) {
				try {
					Runtime.getRuntime().removeShutdownHook(hook);
				} catch (IllegalStateException e) {
					// the JVM is already shutting down (Ctrl-C): the hook is running
				}
			}
		}
	}

	private static boolean registerHook(Thread hook) {
		try {
			Runtime.getRuntime().addShutdownHook(hook);
			return true;
		} catch (IllegalStateException | SecurityException e) {
			return false;
		}
	}

	static String summary(TrainingResult r, double seconds, Path save, boolean classes) {
		String test = !classes ? Double.isNaN(r.testLoss()) ? "" : String.format(Locale.ROOT, ", test loss %.6f", r.testLoss())
				: Double.isNaN(r.testAccuracy()) ? "" : String.format(Locale.ROOT, ", test accuracy %.2f%%",
						100 * r.testAccuracy());
		String train = classes ? String.format(Locale.ROOT, ", train accuracy %.2f%%", 100 * r.trainAccuracy()) : "";
		String message = r.status() == TrainingStatus.DIVERGED || r.status() == TrainingStatus.CANCELLED
				? " (" + r.message() + ")" : "";
		return String.format(Locale.ROOT, "%s after %d epochs in %.2f s: loss %.6f%s%s%s%s", r.status(), r.epochs(),
				seconds, r.trainLoss(), train, test, message, save == null ? "" : "; model saved to " + save);
	}

	private static Training find(Workspace w, String name) throws RunException {
		EObject root = w.resources().get(0).getContents().isEmpty() ? null : w.resources().get(0).getContents().get(0);
		List<Training> trainings = root == null ? List.of()
				: root.eContents().stream().filter(Training.class::isInstance).map(Training.class::cast).toList();
		String file = Workspace.display(w.resources().get(0));
		if (trainings.isEmpty()) {
			throw new RunException(file, 0, "no training in this file");
		}
		if (name == null) {
			return trainings.get(trainings.size() - 1);
		}
		return trainings.stream().filter(t -> name.equals(t.getName())).findFirst()
				.orElseThrow(() -> new RunException(file, 0, "no training named " + name + " (there are: "
						+ String.join(", ", trainings.stream().map(Training::getName).toList()) + ")"));
	}

	/** Trains on Spark; a master Spark refuses or a step it gives up on is kept for a one-line message (exit 2). */
	private dev.nnet.engine.train.TrainingResult sparkTrain(dev.nnet.lang.run.TrainingPlan plan, String master,
			int partitions, dev.nnet.engine.train.TrainingListener listener,
			dev.nnet.engine.train.CancellationToken token) {
		try {
			return SparkHook.train(plan, master, partitions, listener, token);
		} catch (java.io.IOException | UsageException e) {
			sparkFailure = e;
			throw new IllegalStateException(e.getMessage(), e);
		}
	}
}

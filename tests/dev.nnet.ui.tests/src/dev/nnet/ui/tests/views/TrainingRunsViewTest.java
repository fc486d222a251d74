package dev.nnet.ui.tests.views;

import static dev.nnet.ui.tests.views.Workbench.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.cli.Main;
import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.metrics.Metrics;
import dev.nnet.lang.analysis.GradientFlow;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.TrainingPlan;
import dev.nnet.lang.run.TrainingPlanner;
import dev.nnet.lang.runs.DecisionBoundary;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.runs.RunStatus;
import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.ui.runs.RunsRegistry;
import dev.nnet.ui.views.NNetModels;
import dev.nnet.ui.views.boundary.DecisionBoundaryView;
import dev.nnet.ui.views.charts.ChartSeries;
import dev.nnet.ui.views.graph.NetworkGraphView;
import dev.nnet.ui.views.runs.TrainingRunsView;

/**
 * The Training Runs view with runs recorded outside the IDE (the command line's run folders), overlaid runs, a live
 * run, the iris confusion matrix, the deep sigmoid gradient flow; the graph view's layer panel and the decision
 * boundary over a chosen pair of features. Screenshots of each go to {@code nnet.screenshots} (docs/images).
 */
public class TrainingRunsViewTest {

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		Workbench.closeAndDelete(project);
	}

	private static IProject examples(String name) throws Exception {
		return Workbench.exampleProject(name);
	}

	private static ILaunch launch(IFile file, String training, int epochs) throws Exception {
		return Workbench.launch(file, training, epochs);
	}

	private static RunRecord record(ILaunch launch) {
		return Workbench.record(launch);
	}

	private static RunRecord trained(ILaunch launch) {
		waitFor("the launch to terminate", 120_000, launch::isTerminated);
		RunRecord run = record(launch);
		assertTrue(run.status() != RunStatus.FAILED && run.status() != RunStatus.RUNNING, run.message());
		return run;
	}

	private static RunRecord recordOutsideTheIde(IFile file, String trainingName, int epochs) throws Exception {
		return Workbench.recordAsTheCommandLine(file, trainingName, epochs);
	}

	@Test
	public void aRunRecordedOutsideTheIdeAppearsAndTwoRunsOverlay() throws Exception {
		project = examples("runs-cli");
		RunRecord a = recordOutsideTheIde(project.getFile("iris.nnet"), "irisRun", 200);
		RunRecord b = recordOutsideTheIde(project.getFile("deep-sigmoid.nnet"), "deepSigmoidRun", 30);
		RunsRegistry.get().reload();
		TrainingRunsView view = (TrainingRunsView) Workbench.page().showView(TrainingRunsView.ID);
		waitFor("both stored runs in the table", 5_000, () -> view.shownRuns().stream().map(RunRecord::id).toList()
				.containsAll(List.of(a.id(), b.id())));
		RunRecord iris = view.shownRuns().stream().filter(r -> r.id().equals(a.id())).findFirst().orElseThrow();
		RunRecord deep = view.shownRuns().stream().filter(r -> r.id().equals(b.id())).findFirst().orElseThrow();
		assertTrue(iris != a, "read from the run folder");

		view.select(List.of(iris));
		int n = iris.epochs().size();
		assertTrue(n >= 10, n + " epochs (the training stops at 98% accuracy)");
		int last = n - 1;
		List<ChartSeries> loss = view.charts().get(0).series();
		assertEquals(List.of("train", "test"), loss.stream().map(ChartSeries::label).toList(), "validation curve");
		assertEquals(n, loss.get(0).x().length);
		assertEquals(iris.lastEpoch().trainLoss(), loss.get(0).y()[last], 1e-12, "the record's numbers, unsmoothed");
		List<ChartSeries> updates = view.charts().get(3).series();
		assertEquals(2, updates.size(), "update ratio per layer");
		assertEquals(iris.lastEpoch().layers().get(0).updateRatio(), updates.get(0).y()[last], 1e-12);
		assertEquals(iris.lastEpoch().layers().get(0).activationMean(),
				view.charts().get(4).series().get(0).y()[last], 1e-12);
		assertEquals(iris.lastEpoch().layers().get(0).activationStd(), view.charts().get(5).series().get(0).y()[last],
				1e-12);
		assertEquals(n, view.histograms().get(0).histograms().size(), "one weight histogram per epoch");
		assertEquals(64, view.histograms().get(0).histograms().get(last).total(), "4x16 weights of layer hidden");
		assertArrayEquals(a.confusion().counts(), view.confusion().matrix().counts());
		view.setSmoothing(0.9);
		double smoothed = view.charts().get(0).series().get(0).y()[last];
		assertTrue(smoothed > iris.lastEpoch().trainLoss(), "a falling loss smoothed lags above: " + smoothed);
		view.setSmoothing(0);
		shoot(view, "Curves", "runs-curves.png");
		shoot(view, "Layers", "runs-layers.png");
		shoot(view, "Histograms", "runs-histograms.png");
		shoot(view, "Confusion Matrix", "runs-confusion.png");

		view.select(List.of(iris, deep));
		List<String> labels = view.charts().get(0).series().stream().map(ChartSeries::label).toList();
		assertTrue(labels.stream().anyMatch(l -> l.startsWith("irisRun ") && l.endsWith(" train"))
				&& labels.stream().anyMatch(l -> l.startsWith("deepSigmoidRun ") && l.endsWith(" test")), labels
						.toString());
		assertEquals(4, labels.size(), "train and test of each run, each in its run's color");
		assertTrue(view.charts().get(0).series().get(0).rgb() != view.charts().get(0).series().get(2).rgb());
		assertEquals(2 + 7, view.charts().get(3).series().size(), "the layers of both runs");
		shoot(view, "Curves", "runs-overlay.png");
	}

	@Test
	public void aRunOfTheNnetTrainCommandAppearsInTheView() throws Exception {
		project = examples("runs-cli-process");
		Path plugins = Workbench.examples().getParent().resolve("releng/dev.nnet.cli/target/repository/plugins");
		assertTrue(Files.isDirectory(plugins), "the reactor builds the command line's jars before this test: " + plugins);
		Path nnet = project.getLocation().toFile().toPath().resolve("iris.nnet");
		String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process p = new ProcessBuilder(javaBin, "-cp", plugins + File.separator + "*", "dev.nnet.cli.Main", "train",
				nnet.toString(), "--epochs", "40").redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
		assertEquals(0, p.exitValue(), out);
		Matcher recorded = Pattern.compile("run recorded in (.+)").matcher(out);
		assertTrue(recorded.find(), out);
		Path folder = Path.of(recorded.group(1).trim());
		assertEquals(project.getLocation().toFile().toPath().resolve(".nnet-runs"), folder.getParent(), out);
		String id = folder.getFileName().toString();

		RunsRegistry.get().reload();
		TrainingRunsView view = (TrainingRunsView) Workbench.page().showView(TrainingRunsView.ID);
		waitFor("the command line's run in the table", 5_000,
				() -> view.shownRuns().stream().anyMatch(r -> r.id().equals(id)));
		RunRecord run = view.shownRuns().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
		assertEquals("iris.nnet", run.source());
		assertEquals("irisRun", run.training());
		view.select(List.of(run));
		assertEquals(run.epochs().size(), view.charts().get(0).series().get(0).x().length);
		assertTrue(out.contains("after " + run.epochs().size() + " epochs"), out);
		assertArrayEquals(evaluateOnTheTestRows(project, "data/iris.csv", 0.2, 7, "iris-model.json"),
				view.confusion().matrix().counts(), "the model nnet train saved, evaluated by nnet evaluate");
	}

	@Test
	public void aLiveRunIsDrawnWhileItTrains() throws Exception {
		project = examples("runs-live");
		TrainingRunsView view = (TrainingRunsView) Workbench.page().showView(TrainingRunsView.ID);
		ILaunch launch = launch(project.getFile("deep-sigmoid.nnet"), "deepSigmoidRun", 100_000);
		waitFor("the run to start", 30_000, () -> record(launch) != null && record(launch).epochs().size() >= 3);
		RunRecord run = record(launch);
		waitFor("the live run in the table", 5_000, () -> view.shownRuns().contains(run));
		view.select(List.of(run));
		int first = view.charts().get(0).series().get(0).x().length;
		waitFor("more epochs drawn without reselecting", 30_000, () -> {
			List<ChartSeries> s = view.charts().get(0).series();
			return !s.isEmpty() && s.get(0).x().length >= first + 5;
		});
		assertEquals(RunStatus.RUNNING, run.status());
		launch.terminate();
		waitFor("the cancelled launch", 20_000, launch::isTerminated);
		assertEquals(RunStatus.CANCELLED, run.status());
	}

	@Test
	public void irisConfusionMatrixIsTheEnginesAndDeepSigmoidGradientFlowShowsBoth() throws Exception {
		project = examples("runs-iris");
		IFile irisFile = project.getFile("iris.nnet");
		RunRecord iris = trained(launch(irisFile, "irisRun", 80));
		assertNotNull(iris.confusion(), "a classification run has a confusion matrix");
		// the engine's count, from the model file the run saved and the test split the planner makes
		Model model = NNetModels.loadWithProject(irisFile);
		Training training = model.getElements().stream().filter(Training.class::isInstance).map(Training.class::cast)
				.findFirst().orElseThrow();
		TrainingPlan plan = new TrainingPlanner(NNetModels.injector().getInstance(ShapeInference.class)).plan(training,
				new RunOverrides(0, null, null));
		Network saved = ModelIO.load(project.getLocation().toFile().toPath().resolve("iris-model.json"));
		int[][] engine = Metrics.confusionMatrix(Metrics.predictClasses(saved, plan.testData()),
				plan.testData().classes(), 3);
		assertArrayEquals(engine, iris.confusion().counts());
		assertEquals("test", iris.confusion().data());
		int[][] evaluate = evaluateOnTheTestRows(project, "data/iris.csv", 0.2, 7, "iris-model.json");
		TrainingRunsView view = (TrainingRunsView) Workbench.page().showView(TrainingRunsView.ID);
		waitFor("the iris run in the table", 5_000, () -> view.shownRuns().contains(iris));
		view.select(List.of(iris));
		assertArrayEquals(engine, view.confusion().matrix().counts(), "the view draws the record's matrix");
		assertArrayEquals(evaluate, view.confusion().matrix().counts(), "nnet evaluate's matrix");
		assertEquals(30, view.confusion().matrix().total());

		DecisionBoundaryView boundary = (DecisionBoundaryView) Workbench.page().showView(DecisionBoundaryView.ID);
		waitFor("the iris boundary", 5_000, () -> boundary.getRun() == iris);
		DecisionBoundary b = boundary.getBoundary();
		assertEquals(2, b.heldAtMeans(), "4 inputs: 2 drawn, 2 at their means");
		assertEquals(30, b.testPoints().length, "the test split is drawn apart");
		assertEquals(List.of("sepal_length", "sepal_width"), List.of(b.xName(), b.yName()));
		boundary.showFeatures(2, 3);
		waitFor("the boundary over the petal features", 10_000,
				() -> boundary.getBoundary() != null && boundary.getBoundary().fx() == 2);
		assertEquals("petal_width", boundary.getBoundary().yName());
		Workbench.screenshot("boundary-iris.png", boundary);

		IFile deepFile = project.getFile("deep-sigmoid.nnet");
		RunRecord deep = trained(launch(deepFile, "deepSigmoidRun", 0));
		waitFor("the deep sigmoid run in the table", 5_000, () -> view.shownRuns().contains(deep));
		view.select(List.of(deep));
		List<ChartSeries> flow = view.charts().get(6).series();
		assertEquals(List.of("measured (epoch 30)", "activation-derivative bound (weights not counted)"), flow.stream().map(ChartSeries::label).toList());
		assertEquals(7, flow.get(0).x().length, "one point per layer");
		assertEquals(Math.pow(0.25, 6), flow.get(1).y()[0], 1e-15);
		assertEquals(GradientFlow.measured(deep.lastEpoch())[0], flow.get(0).y()[0], 0);
		assertTrue(flow.get(0).y()[0] < GradientFlow.vanishingThreshold(4), "measured " + flow.get(0).y()[0]);
		assertTrue(deep.diagnostics().stream().anyMatch(d -> d.code().equals("vanishingGradient")
				&& "h1".equals(d.layer())), deep.diagnostics().toString());
		shoot(view, "Gradient Flow", "runs-gradient-flow.png");

		IDE.openEditor(Workbench.page(), deepFile);
		NetworkGraphView graph = (NetworkGraphView) Workbench.page().showView(NetworkGraphView.ID);
		waitFor("the deep sigmoid graph", 10_000, () -> graph.getGraph() != null
				&& graph.getGraph().name().equals("DeepSigmoidNet"));
		graph.hoverLayer(1);
		List<ChartSeries> curve = graph.activationChart().series();
		assertEquals(2, curve.size(), "f and f'");
		double maxDerivative = 0;
		for (double d : curve.get(1).y()) {
			maxDerivative = Math.max(maxDerivative, d);
		}
		assertEquals(0.25, maxDerivative, 1e-12, "sigmoid' peaks at 1/4");
		String text = graph.gradientFlowText();
		assertTrue(text.contains("static bound (validator): 0.000244") && text.contains("measured (deepSigmoidRun"),
				text);
		Workbench.screenshot("graph-layer.png", graph);
	}

	/**
	 * Runs {@code nnet evaluate MODEL CSV --json} (the command line's own entry point, in-process) on the raw rows of
	 * the test part of a {@code split test P seed S}: the rows the engine's seeded split puts there, written as a CSV.
	 *
	 * @return its confusion matrix
	 */
	private static int[][] evaluateOnTheTestRows(IProject p, String csv, double testFraction, long seed, String model)
			throws Exception {
		Path dir = p.getLocation().toFile().toPath();
		List<String> lines = Files.readAllLines(dir.resolve(csv));
		int rows = lines.size() - 1;
		double[][] index = new double[rows][1];
		for (int r = 0; r < rows; r++) {
			index[r][0] = r;
		}
		DataSet test = DataSet.of(index, new double[rows][1]).split(1 - testFraction, seed).test();
		StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
		for (int r = 0; r < test.rows(); r++) {
			out.append(lines.get(1 + (int) test.feature(r, 0))).append('\n');
		}
		Path testCsv = dir.resolve("test-rows.csv");
		Files.writeString(testCsv, out);
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Main.run(new String[] { "evaluate", dir.resolve(model).toString(), testCsv.toString(), "--json" },
				new PrintStream(json, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		String shown = json.toString(StandardCharsets.UTF_8);
		assertEquals(Main.OK, code, err.toString(StandardCharsets.UTF_8));
		assertTrue(shown.contains("\"samples\":" + test.rows() + ","), shown);
		Matcher m = Pattern.compile("\"confusion\":\\[(.*)\\]\\}").matcher(shown);
		assertTrue(m.find(), shown);
		String[] matrixRows = m.group(1).replace("],[", "|").replace("[", "").replace("]", "").split("\\|");
		int[][] counts = new int[matrixRows.length][];
		for (int r = 0; r < counts.length; r++) {
			counts[r] = Arrays.stream(matrixRows[r].split(",")).mapToInt(Integer::parseInt).toArray();
		}
		return counts;
	}

	private static void shoot(TrainingRunsView view, String tab, String file) throws Exception {
		view.showTab(tab);
		Workbench.screenshot(file, view);
	}
}

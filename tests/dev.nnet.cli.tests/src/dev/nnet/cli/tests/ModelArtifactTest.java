package dev.nnet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.data.LabelOrder;
import dev.nnet.engine.data.TargetEncoding;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.runs.RunStatus;
import dev.nnet.lang.runs.RunStore;

/**
 * A trained model is a complete artifact: {@code predict} on raw rows gives the answers training measured (scaling,
 * column names, class names travel in the model file), a diverged run never overwrites a model, runs are recorded.
 */
public class ModelArtifactTest {

	@TempDir
	Path dir;

	private Path write(String name, String text) throws Exception {
		Path p = dir.resolve(name);
		Files.writeString(p, text);
		return p;
	}

	private static double jsonNumber(String line, String field) {
		return Double.parseDouble(line.replaceAll(".*\"" + field + "\":([-0-9.E]+).*", "$1"));
	}

	private static String last(Cli c) {
		List<String> lines = c.out().lines().toList();
		return lines.get(lines.size() - 1);
	}

	@Test
	public void irisPredictOnTheTestRowsReachesTheTestAccuracyOfTraining() throws Exception {
		Path model = dir.resolve("iris.json");
		Cli t = Cli.run("train", Cli.example("iris.nnet"), "--json", "--save", model.toString());
		assertEquals(0, t.code(), t.toString());
		double testAccuracy = jsonNumber(last(t), "test_accuracy");
		// the test rows of "split test 20% seed 7", raw, with the columns in another order than in training
		DataSet all = CsvLoader.file(Path.of(Cli.example("data/iris.csv"))).label("label")
				.classification(LabelOrder.SORTED, TargetEncoding.ONE_HOT).load();
		DataSet test = all.split(1 - 20 / 100.0, 7).test();
		StringBuilder csv = new StringBuilder("label,petal_width,petal_length,sepal_width,sepal_length\n");
		for (int r = 0; r < test.rows(); r++) {
			csv.append(all.classNames().get(test.classOf(r)));
			for (int c = 3; c >= 0; c--) {
				csv.append(',').append(test.feature(r, c));
			}
			csv.append('\n');
		}
		Cli p = Cli.run("predict", model.toString(), write("test-rows.csv", csv.toString()).toString());
		assertEquals(0, p.code(), p.toString());
		List<String> predicted = p.out().lines().toList();
		assertEquals(test.rows(), predicted.size(), p.toString());
		int correct = 0;
		for (int r = 0; r < test.rows(); r++) {
			correct += predicted.get(r).equals(all.classNames().get(test.classOf(r))) ? 1 : 0;
		}
		assertEquals(testAccuracy, (double) correct / test.rows(), p.toString());
		assertTrue(testAccuracy > 0.9, t.toString());

		// evaluate reads the label column named in the model file and reports the same accuracy
		Cli e = Cli.run("evaluate", model.toString(), dir.resolve("test-rows.csv").toString());
		assertEquals(0, e.code(), e.toString());
		assertTrue(e.out().startsWith(String.format(Locale.ROOT, "accuracy %.4f (30 samples)", testAccuracy)), e.toString());
		assertTrue(e.out().contains("confusion matrix (rows: actual, columns: predicted)"), e.toString());
		assertTrue(e.out().contains("macro avg"), e.toString());
		Cli ej = Cli.run("evaluate", model.toString(), dir.resolve("test-rows.csv").toString(), "--json");
		assertEquals(testAccuracy, jsonNumber(ej.out(), "accuracy"), ej.toString());
		assertTrue(ej.out().contains("\"confusion\":[["), ej.toString());
		Cli unknown = Cli.run("evaluate", model.toString(), write("bad-label.csv",
				"sepal_length,sepal_width,petal_length,petal_width,label\n5,3,1,0.2,setosa\n").toString());
		assertEquals(2, unknown.code(), unknown.toString());
		assertTrue(unknown.err().contains("bad-label.csv:2: label 'setosa' in column 'label' is not a class of the model"),
				unknown.toString());

		Cli missing = Cli.run("predict", model.toString(), write("short.csv", "sepal_length,sepal_width,petal_length\n1,2,3\n")
				.toString());
		assertEquals(2, missing.code(), missing.toString());
		assertTrue(missing.err().contains("short.csv:1: column 'petal_width' of the model is not in the header"),
				missing.toString());
	}

	@Test
	public void standardizedRegressionPredictMseEqualsTheTrainingTestMse() throws Exception {
		StringBuilder csv = new StringBuilder("size,temperature,y\n");
		for (int i = 0; i < 80; i++) {
			double size = 50 + (i * 37 % 80) * 12.5;
			double temperature = -5 + (i * 13 % 20) * 0.5;
			csv.append(size).append(',').append(temperature).append(',')
					.append(String.format(Locale.ROOT, "%.4f", 0.003 * size + 0.5 * temperature + 0.01 * (i % 7)))
					.append('\n');
		}
		write("r.csv", csv.toString());
		Path nnet = write("r.nnet", """
				data r from "r.csv" { target "y" standardize split test 25% seed 3 }
				network R {
				  input 2
				  dense h 8 tanh
				  dense out 1
				  loss mse
				}
				training fit {
				  network R
				  data r
				  optimizer adam learningRate 0.01
				  batch 16
				  epochs 150
				  seed 1
				  save "r-model.json"
				}
				""");
		Cli t = Cli.run("train", nnet.toString(), "--json");
		assertEquals(0, t.code(), t.toString());
		double testMse = jsonNumber(last(t), "test_loss");
		DataSet all = CsvLoader.file(dir.resolve("r.csv")).label("y").regression().load();
		DataSet test = all.split(1 - 25 / 100.0, 3).test();
		StringBuilder rows = new StringBuilder("temperature,size\n");
		for (int r = 0; r < test.rows(); r++) {
			rows.append(test.feature(r, 1)).append(',').append(test.feature(r, 0)).append('\n');
		}
		Cli p = Cli.run("predict", dir.resolve("r-model.json").toString(), write("rows.csv", rows.toString()).toString(),
				"--json");
		assertEquals(0, p.code(), p.toString());
		List<String> lines = p.out().lines().toList();
		double sum = 0;
		for (int r = 0; r < test.rows(); r++) {
			double d = jsonNumber(lines.get(r), "y") - (float) test.target(r, 0);
			sum += d * d;
		}
		double mse = sum / test.rows();
		assertEquals(String.format(Locale.ROOT, "%.6f", testMse), String.format(Locale.ROOT, "%.6f", mse), p.toString());
		assertTrue(testMse < 0.5, t.toString());
		// evaluate needs the target column: the model file names it ("y")
		StringBuilder labelled = new StringBuilder("size,temperature,y\n");
		for (int r = 0; r < test.rows(); r++) {
			labelled.append(test.feature(r, 0)).append(',').append(test.feature(r, 1)).append(',')
					.append(test.target(r, 0)).append('\n');
		}
		Cli e = Cli.run("evaluate", dir.resolve("r-model.json").toString(), write("labelled.csv", labelled.toString())
				.toString(), "--json");
		assertEquals(0, e.code(), e.toString());
		assertTrue(e.out().startsWith("{\"kind\":\"regression\",\"samples\":20,"), e.toString());
		assertEquals(testMse, jsonNumber(e.out(), "mse"), 1e-4 * testMse, e.toString());
		assertEquals(Math.sqrt(jsonNumber(e.out(), "mse")), jsonNumber(e.out(), "rmse"), 1e-12, e.toString());
	}

	@Test
	public void stringLabelsComeBackAsNames() throws Exception {
		StringBuilder csv = new StringBuilder("w,h,animal\n");
		String[] names = { "cat", "dog", "fish" };
		for (int i = 0; i < 60; i++) {
			int k = i % 3;
			csv.append(k * 10 + i % 5).append(',').append(100 - k * 30 + i % 4).append(',').append(names[k]).append('\n');
		}
		write("animals.csv", csv.toString());
		Path nnet = write("animals.nnet", """
				data a from "animals.csv" { label "animal" minmax }
				network A {
				  input 2
				  dense h 8 tanh
				  dense out 3 softmax
				  loss cross_entropy
				}
				training fit {
				  network A
				  data a
				  optimizer adam learningRate 0.05
				  epochs 200
				  seed 2
				  save "a.json"
				}
				""");
		assertEquals(0, Cli.run("train", nnet.toString()).code());
		Path rows = write("rows.csv", "w,h\n0,100\n11,70\n22,41\n");
		Cli p = Cli.run("predict", dir.resolve("a.json").toString(), rows.toString());
		assertEquals(List.of("cat", "dog", "fish"), p.out().lines().toList(), p.toString());
		Cli probabilities = Cli.run("predict", dir.resolve("a.json").toString(), rows.toString(), "--probabilities");
		List<String> lines = probabilities.out().lines().toList();
		assertEquals("class,cat,dog,fish", lines.get(0), probabilities.toString());
		assertTrue(lines.get(1).matches("cat,[0-9.e-]+,[0-9.e-]+,[0-9.e-]+"), probabilities.toString());
		Cli json = Cli.run("predict", dir.resolve("a.json").toString(), rows.toString(), "--json");
		assertTrue(json.out().startsWith("{\"line\":2,\"class\":\"cat\"}"), json.toString());
	}

	@Test
	public void aDivergedRunExitsThreeWithTheHintAndLeavesTheModelFileUntouched() throws Exception {
		Path nnet = write("diverge.nnet", "data d {\n  samples {\n    (1, 2) -> 3\n    (2, 1) -> 30\n    (4, 4) -> 80\n  }\n}\n"
				+ "network N {\n  input 2\n  dense h 8 relu\n  dense out 1\n  loss mse\n}\n"
				+ "training t {\n  network N\n  data d\n  optimizer sgd learningRate 1000\n  batch full\n  epochs 50\n"
				+ "  save \"kept.json\"\n}\n");
		Path kept = write("kept.json", "{\"an\": \"older model\"}\n");
		for (String[] extra : List.of(new String[0], new String[] { "--json" },
				new String[] { "--save", kept.toString() },
				new String[] { "--save-initial", dir.resolve("initial.json").toString() })) {
			String[] args = new String[2 + extra.length];
			args[0] = "train";
			args[1] = nnet.toString();
			System.arraycopy(extra, 0, args, 2, extra.length);
			Cli c = Cli.run(args);
			assertEquals(3, c.code(), c.toString());
			assertTrue(c.out().contains("hint: lower the learning rate"), c.toString());
			assertTrue(c.err().contains("model not saved: the training diverged"), c.toString());
			assertFalse((c.out() + c.err()).contains("Exception"), c.toString());
			assertEquals("{\"an\": \"older model\"}\n", Files.readString(kept));
		}
		assertTrue(Files.readString(dir.resolve("initial.json")).contains("\"version\": 2"));
	}

	@Test
	public void runsAreRecordedWhereTheIdeReadsThem() throws Exception {
		Path runs = dir.resolve("runs");
		Cli c = Cli.run("train", Cli.example("xor.nnet"), "--runs", runs.toString());
		assertEquals(0, c.code(), c.toString());
		assertTrue(c.out().contains("run recorded in " + runs), c.toString());
		List<RunRecord> recorded = new RunStore(runs).list();
		assertEquals(1, recorded.size());
		assertEquals(RunStatus.CONVERGED, recorded.get(0).status());
		assertEquals("xorRun", recorded.get(0).training());
		assertFalse(recorded.get(0).epochs().isEmpty());
		// in an Eclipse project, the project's .nnet-runs folder is used
		Path project = dir.resolve("project");
		Files.createDirectories(project.resolve("nets"));
		Files.writeString(project.resolve(".project"), "<projectDescription/>");
		Files.copy(Path.of(Cli.example("xor.nnet")), project.resolve("nets/xor.nnet"));
		Cli p = Cli.run("train", project.resolve("nets/xor.nnet").toString(), "--save", dir.resolve("x.json").toString());
		assertEquals(0, p.code(), p.toString());
		List<RunRecord> inProject = new RunStore(project.resolve(".nnet-runs")).list();
		assertEquals(1, inProject.size(), p.toString());
		assertEquals("nets/xor.nnet", inProject.get(0).source());
	}

	@Test
	public void resumeFromACheckpointEqualsOneUninterruptedRun() throws Exception {
		String text = """
				data iris from "%s" { label "label" standardize split test 20%% seed 7 }
				network IrisNet {
				  input 4
				  dense hidden 8 relu
				  dense species 3 softmax
				  loss cross_entropy
				}
				training run {
				  network IrisNet
				  data iris
				  optimizer momentum learningRate 0.05 mu 0.9
				  schedule step size 4 gamma 0.8
				  batch 16
				  shuffle on
				  epochs 20
				  seed 4
				  checkpoint every 10 epochs "run.checkpoint.json"
				}
				""".formatted(Path.of(Cli.example("data/iris.csv")).toAbsolutePath().toString().replace("\\\\", "/"));
		Path nnet = write("resume.nnet", text);
		Path whole = dir.resolve("whole.json");
		assertEquals(0, Cli.run("train", nnet.toString(), "--save", whole.toString()).code());
		Path half = dir.resolve("half.json");
		assertEquals(0, Cli.run("train", nnet.toString(), "--epochs", "10", "--save", half.toString()).code());
		Path checkpoint = dir.resolve("run.checkpoint.json");
		assertTrue(Files.readString(checkpoint).contains("\"format\": \"nnet-checkpoint\""));
		Path resumed = dir.resolve("resumed.json");
		Cli r = Cli.run("train", nnet.toString(), "--resume", checkpoint.toString(), "--save", resumed.toString());
		assertEquals(0, r.code(), r.toString());
		assertEquals(weights(whole), weights(resumed), r.toString());
		// a warm start is not a resume
		Path warm = dir.resolve("warm.json");
		assertEquals(0, Cli.run("train", nnet.toString(), "--epochs", "10", "--init-from", half.toString(), "--save",
				warm.toString()).code());
		assertFalse(weights(whole).equals(weights(warm)));

		Files.writeString(checkpoint, Files.readString(checkpoint).replace("\"batch\": 0", "\"batch\": \"x\""));
		Cli bad = Cli.run("train", nnet.toString(), "--resume", checkpoint.toString());
		assertEquals(1, bad.code(), bad.toString());
		assertTrue(bad.err().matches("(?s).*resume\\.nnet:\\d+: cannot resume: .*run\\.checkpoint\\.json:\\d+:\\d+: checkpoint: "
				+ "field \"batch\" must be number, found the string \"x\".*"), bad.toString());
		assertFalse(bad.err().contains("Exception"), bad.toString());
	}

	private static String weights(Path model) throws Exception {
		return dev.nnet.engine.io.ModelIO.toJson(dev.nnet.engine.io.ModelIO.load(model));
	}
}

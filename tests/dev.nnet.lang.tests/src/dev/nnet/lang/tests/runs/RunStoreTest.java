package dev.nnet.lang.tests.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.optim.Sgd;
import dev.nnet.engine.train.CancellationToken;
import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.Trainer;
import dev.nnet.engine.train.TrainingConfig;
import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.lang.runs.EpochsCsv;
import dev.nnet.lang.runs.RunDiagnostic;
import dev.nnet.lang.runs.RunFolderCache;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.runs.RunStatus;
import dev.nnet.lang.runs.RunStore;

/** Records real engine runs, stores and reloads them, and checks the derived diagnostics. */
public class RunStoreTest {

	private static final DataSet XOR = DataSet.of(new double[][] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } },
			new double[][] { { 0 }, { 1 }, { 1 }, { 0 } });

	private static RunRecord train(String name, double learningRate, int epochs, double targetAccuracy) {
		boolean bounded = learningRate < 10;
		Network net = NetworkSpec.builder(2).dense("hidden", 4, bounded ? Activations.tanh() : Activations.relu())
				.dense("out", 1, bounded ? Activations.sigmoid() : Activations.identity()).build().build(dev.nnet.engine.matrix.Precision.FLOAT64, 42);
		Instant started = Instant.now();
		RunRecord run = new RunRecord(RunStore.newId(started, name), "xor.nnet", "XorNet", name, "xor", started, epochs,
				List.of("hidden", "out"));
		TrainingConfig.Builder config = TrainingConfig.builder(Losses.meanSquaredError())
				.optimizer(new Sgd(learningRate)).maxEpochs(epochs).seed(42);
		if (targetAccuracy > 0) {
			config.targetAccuracy(targetAccuracy);
		}
		TrainingResult result = new Trainer(net, config.build()).train(XOR, null, new TrainingListener() {
			@Override
			public void onEpochEnd(EpochEnd event) {
				run.addEpoch(event);
			}
		}, new CancellationToken());
		run.finish(result);
		return run;
	}

	@Test
	public void aRunSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
		RunRecord run = train("xorRun", 0.5, 5000, 1.0);
		assertEquals(RunStatus.CONVERGED, run.status(), run.message());
		RunStore store = new RunStore(dir.resolve(RunStore.FOLDER));
		store.save(run);
		assertTrue(Files.isRegularFile(dir.resolve(".nnet-runs").resolve(run.id()).resolve("run.json")));

		List<RunRecord> loaded = new RunStore(dir.resolve(RunStore.FOLDER)).list();
		assertEquals(1, loaded.size());
		RunRecord back = loaded.get(0);
		assertEquals(run.id(), back.id());
		assertEquals(RunStatus.CONVERGED, back.status());
		assertEquals(List.of("hidden", "out"), back.layerNames());
		assertEquals(run.started(), back.started());
		assertEquals(run.epochs().size(), back.epochs().size());
		EpochEnd a = run.lastEpoch();
		EpochEnd b = back.lastEpoch();
		assertEquals(a.trainLoss(), b.trainLoss(), Math.abs(a.trainLoss()) * 1e-8);
		assertEquals(a.layers().get(0).gradientNorm(), b.layers().get(0).gradientNorm(),
				Math.abs(a.layers().get(0).gradientNorm()) * 1e-8);
		assertTrue(Double.isNaN(b.testLoss()), "no test data: NaN survives");

		store.delete(run.id());
		assertTrue(store.list().isEmpty());
	}

	@Test
	public void theCacheReadsARunFolderAgainOnlyWhenItChanged(@TempDir Path dir) throws Exception {
		RunStore store = new RunStore(dir);
		RunRecord a = train("a", 0.5, 3, 0);
		RunRecord b = train("b", 0.5, 4, 0);
		store.save(a);
		store.save(b);
		RunFolderCache cache = new RunFolderCache(dir);
		assertEquals(List.of(a.id(), b.id()), cache.list().stream().map(RunRecord::id).toList());
		assertEquals(2, cache.reads());
		assertEquals(2, cache.list().size());
		assertEquals(2, cache.reads(), "nothing changed: nothing read");

		Path csv = dir.resolve(b.id()).resolve("epochs.csv");
		Files.writeString(csv, Files.readString(csv).lines().limit(2).collect(java.util.stream.Collectors.joining("\n"))
				+ "\n");
		List<RunRecord> changed = cache.list();
		assertEquals(3, cache.reads(), "only the changed run folder is read again");
		assertEquals(1, changed.stream().filter(r -> r.id().equals(b.id())).findFirst().orElseThrow().epochs().size());

		store.delete(a.id());
		assertEquals(List.of(b.id()), cache.list().stream().map(RunRecord::id).toList());
		Path broken = Files.createDirectories(dir.resolve("20000101-000000-000-broken"));
		Files.writeString(broken.resolve("run.json"), "{ \"id\": ", StandardCharsets.UTF_8);
		assertEquals(1, cache.list().size(), "an unreadable folder is skipped");
		assertEquals(1, cache.list().size());
		assertEquals(4, cache.reads(), "and not read again until it changes");
	}

	@Test
	public void aBrokenRunFolderIsSkippedAndNamed(@TempDir Path dir) throws Exception {
		RunStore store = new RunStore(dir);
		store.save(train("short", 0.5, 3, 0));
		Path broken = Files.createDirectories(dir.resolve("20000101-000000-000-broken"));
		Files.writeString(broken.resolve("run.json"), "{ \"id\": ", StandardCharsets.UTF_8);
		assertEquals(1, store.list().size());
		assertEquals(1, store.problems().size());
		assertTrue(store.problems().get(0).contains("broken"), store.problems().toString());
	}

	@Test
	public void aRunFileThatIsAFifoIsSkippedWithoutBlocking(@TempDir Path dir) throws Exception {
		RunStore store = new RunStore(dir);
		store.save(train("short", 0.5, 3, 0));
		Path odd = Files.createDirectories(dir.resolve("20000101-000000-000-fifo"));
		Process mkfifo = new ProcessBuilder("mkfifo", odd.resolve("run.json").toString()).start();
		assertEquals(0, mkfifo.waitFor());
		assertEquals(1, store.list().size());
		assertTrue(store.problems().get(0).contains("not a regular file"), store.problems().toString());
	}

	@Test
	public void aHugeLearningRateDivergesAndIsDiagnosed() {
		RunRecord run = train("diverging", 1e12, 200, 0);
		assertEquals(RunStatus.DIVERGED, run.status(), run.message());
		RunDiagnostic d = run.diagnostics().stream().filter(x -> x.code().equals("diverged")).findFirst().orElseThrow();
		assertTrue(d.message().contains("Lower the learning rate"), d.message());
	}

	@Test
	public void aMissedTargetIsReportedOnTheTraining() {
		RunRecord run = train("tooShort", 0.5, 3, 1.0);
		assertEquals(RunStatus.NOT_CONVERGED, run.status());
		RunDiagnostic d = run.diagnostics().stream().filter(x -> x.code().equals("notConverged")).findFirst()
				.orElseThrow();
		assertEquals(null, d.layer());
		assertTrue(d.message().startsWith("Not converged after 3 epochs"), d.message());
	}

	@Test
	public void exportHasOneRowPerEpochOfEveryRun() throws Exception {
		RunRecord a = train("a", 0.5, 4, 0);
		RunRecord b = train("b", 0.1, 6, 0);
		StringBuilder csv = new StringBuilder();
		EpochsCsv.export(List.of(a, b), csv);
		String[] lines = csv.toString().split("\n");
		assertEquals(1 + 4 + 6, lines.length);
		assertEquals("run,network,training,status,epoch,learningRate,trainLoss,trainAccuracy,testLoss,testAccuracy,"
				+ "gradientNorm:hidden,gradientNorm:out", lines[0]);
		assertTrue(lines[5].startsWith(b.id() + ",XorNet,b,COMPLETED,1,"), lines[5]);
		assertFalse(lines[1].contains(",,"));
	}
}

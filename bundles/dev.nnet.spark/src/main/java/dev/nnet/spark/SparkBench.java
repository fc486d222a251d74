package dev.nnet.spark;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.spark.api.java.JavaSparkContext;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.CsvLoader;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.data.MinMaxScaler;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.optim.Sgd;
import dev.nnet.engine.train.Trainer;
import dev.nnet.engine.train.TrainingConfig;
import dev.nnet.engine.train.TrainingListener;

/**
 * The bench of docs/spark.md ({@code bench/run.sh --spark}): seconds per step of the single-JVM trainer (1 and 2
 * threads) and of the Spark one on {@code local[1]} (1 worker) and {@code local[2]} (2 workers, one partition each),
 * for Digits with full batches and mini-batches of 32 and for a larger synthetic full-batch problem. Prints one JSON line
 * per measurement: {@code sec_per_step}, {@code samples_per_s}, and for Spark {@code overhead_ms_per_step} (its time
 * per step minus the single-JVM 1-thread time). Not a test.
 */
public final class SparkBench {

	private SparkBench() {
	}

	/** @param args {@code --data DIR} (examples/data) */
	public static void main(String[] args) throws Exception {
		Path data = Path.of(args.length > 1 && args[0].equals("--data") ? args[1] : "examples/data");
		DataSet raw = CsvLoader.file(data.resolve("digits.csv")).label("label").load();
		DataSet digits = MinMaxScaler.fit(raw).apply(raw);
		NetworkSpec digitsNet = NetworkSpec.builder(64).dense(128, Activations.relu()).dense(64, Activations.relu())
				.dense(10, Activations.softmax()).build();
		NetworkSpec wide = NetworkSpec.builder(256).dense(256, Activations.relu()).dense(10, Activations.softmax())
				.build();
		DataSet synthetic = synthetic(8192, 256, 10);
		run("digits_full", digitsNet, digits, TrainingConfig.FULL_BATCH, 10);
		run("digits_batch32", digitsNet, digits, 32, 2);
		run("synthetic_8192x256_full", wide, synthetic, TrainingConfig.FULL_BATCH, 4);
	}

	private static void run(String workload, NetworkSpec spec, DataSet data, int batch, int epochs) {
		double local1 = 0;
		for (int threads = 1; threads <= 2; threads++) {
			time(spec, data, batch, 1, threads, null, 0); // warm-up: JIT
			long steps = epochsSteps(data, batch, epochs);
			double s = time(spec, data, batch, epochs, threads, null, 0) / steps;
			if (threads == 1) {
				local1 = s;
			}
			emit(workload, spec, "single-jvm", threads, 0, s, samples(data, batch, epochs) / (s * steps), Double.NaN);
		}
		for (int workers = 1; workers <= 2; workers++) {
			JavaSparkContext spark = SparkTraining.start("local[" + workers + "]", "bench");
			try {
				time(spec, data, batch, 1, 1, spark, workers); // warm-up: JIT, broadcast machinery
				long steps = epochsSteps(data, batch, epochs);
				double s = time(spec, data, batch, epochs, 1, spark, workers) / steps;
				emit(workload, spec, "spark local[" + workers + "]", 1, workers, s,
						samples(data, batch, epochs) / (s * steps), 1000 * (s - local1));
			} finally {
				spark.stop();
			}
		}
	}

	private static double time(NetworkSpec spec, DataSet data, int batch, int epochs, int threads,
			JavaSparkContext spark, int partitions) {
		Network network = spec.build(Precision.FLOAT64, 11);
		TrainingConfig config = TrainingConfig.builder(Losses.softmaxCrossEntropy()).optimizer(new Sgd(0.05))
				.batchSize(batch).maxEpochs(epochs).seed(11).threads(threads).build();
		long start = System.nanoTime();
		if (spark == null) {
			new Trainer(network, config).train(data);
		} else {
			try (SparkGradients g = new SparkGradients(spark, network, data, partitions, FaultInjection.NONE)) {
				new Trainer(network, config, g).train(data, null, TrainingListener.NONE,
						new dev.nnet.engine.train.CancellationToken());
			}
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static long epochsSteps(DataSet data, int batch, int epochs) {
		int size = batch == TrainingConfig.FULL_BATCH ? data.rows() : batch;
		return (long) epochs * ((data.rows() + size - 1) / size);
	}

	private static double samples(DataSet data, int batch, int epochs) {
		return (double) epochs * data.rows();
	}

	private static DataSet synthetic(int rows, int features, int classes) {
		SeededRandom random = new SeededRandom(5);
		double[][] x = new double[rows][features];
		int[] y = new int[rows];
		for (int r = 0; r < rows; r++) {
			y[r] = random.nextInt(classes);
			for (int c = 0; c < features; c++) {
				x[r][c] = random.nextGaussian() + (c % classes == y[r] ? 1 : 0);
			}
		}
		return DataSet.ofClasses(x, y, classes);
	}

	private static void emit(String workload, NetworkSpec spec, String system, int threads, int workers,
			double secondsPerStep, double samplesPerSecond, double overheadMs) {
		System.out.println(String.format(Locale.ROOT,
				"{\"system\":\"%s\",\"workload\":\"%s\",\"parameters\":%d,\"threads\":%d,\"workers\":%d,"
						+ "\"sec_per_step\":%.6f,\"samples_per_s\":%.1f,\"overhead_ms_per_step\":%s,"
						+ "\"bytes_per_step\":%d,\"load\":\"%s\"}",
				system, workload, spec.build(Precision.FLOAT64, 0).parameterCount(), threads, workers, secondsPerStep,
				samplesPerSecond, Double.isNaN(overheadMs) ? "null" : String.format(Locale.ROOT, "%.3f", overheadMs),
				workers == 0 ? 0L : 2L * spec.build(Precision.FLOAT64, 0).parameterCount() * 8 * workers, load()));
	}

	private static String load() {
		try {
			return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		} catch (java.io.IOException e) {
			return "?";
		}
	}
}

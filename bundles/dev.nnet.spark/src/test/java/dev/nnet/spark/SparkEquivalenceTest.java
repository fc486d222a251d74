package dev.nnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.lang.run.TrainingPlan;

/**
 * The contract of docs/spark.md on {@code local[2]}: trained on Spark with 2 and 4 partitions, Iris and Digits end with
 * the single-JVM run's weights (float64, within 1e-9), for SGD and Adam, full batches and mini-batches; a task that
 * fails once is retried by Spark ({@code local[2,2]}: two attempts per task) and the weights are the same.
 */
class SparkEquivalenceTest {
	private static final double TOLERANCE = 1e-9;
	private static JavaSparkContext spark;

	@TempDir
	static Path dir;

	@BeforeAll
	static void start() {
		spark = new JavaSparkContext(new SparkConf().setMaster("local[2,2]").setAppName("nnet tests")
				.set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
				.set("spark.driver.bindAddress", "127.0.0.1"));
	}

	@AfterAll
	static void stop() {
		spark.stop();
	}

	private static void assertSame(String name, String csv, String source, int partitions, FaultInjection fault)
			throws Exception {
		Path file = Plans.write(dir, name, csv, source);
		TrainingPlan local = Plans.plan(file);
		TrainingPlan distributed = Plans.plan(file);
		double[] initial = Plans.weights(local.network());
		TrainingResult expected = local.run(TrainingListener.NONE, null);
		TrainingResult actual = SparkTraining.run(spark, distributed, partitions, TrainingListener.NONE, null, fault);
		double[] w = Plans.weights(local.network());
		double[] v = Plans.weights(distributed.network());
		assertTrue(Plans.maxDifference(initial, w) > 1e-3, name + ": the training changed the weights");
		double difference = Plans.maxDifference(w, v);
		assertTrue(difference <= TOLERANCE, name + " on " + partitions + " partitions: weights differ by " + difference);
		assertEquals(expected.status(), actual.status(), name);
		assertEquals(expected.epochs(), actual.epochs(), name);
		assertEquals(expected.trainLoss(), actual.trainLoss(), 1e-9, name);
		assertEquals(expected.history().size(), actual.history().size(), name);
	}

	@Test
	void irisSgdFullBatch() throws Exception {
		String source = Plans.iris("sgd learningRate 0.5", "full", 40);
		assertSame("irisSgdFull", "iris.csv", source, 2, FaultInjection.NONE);
		assertSame("irisSgdFull", "iris.csv", source, 4, FaultInjection.NONE);
	}

	@Test
	void irisAdamMiniBatch() throws Exception {
		String source = Plans.iris("adam learningRate 0.01", "16", 4);
		assertSame("irisAdamMini", "iris.csv", source, 2, FaultInjection.NONE);
		assertSame("irisAdamMini", "iris.csv", source, 4, FaultInjection.NONE);
	}

	@Test
	void digitsSgdMiniBatch() throws Exception {
		String source = Plans.digits("momentum learningRate 0.05 mu 0.9", "128", 3);
		assertSame("digitsSgdMini", "digits.csv", source, 2, FaultInjection.NONE);
		assertSame("digitsSgdMini", "digits.csv", source, 4, FaultInjection.NONE);
	}

	@Test
	void digitsAdamFullBatch() throws Exception {
		String source = Plans.digits("adam learningRate 0.01", "full", 20);
		assertSame("digitsAdamFull", "digits.csv", source, 2, FaultInjection.NONE);
		assertSame("digitsAdamFull", "digits.csv", source, 4, FaultInjection.NONE);
	}

	@Test
	void aTaskThatFailsOnceIsRetriedAndTheWeightsAreTheSame() throws Exception {
		int before = FaultInjection.injected();
		assertSame("irisRetry", "iris.csv", Plans.iris("adam learningRate 0.01", "32", 5), 4,
				FaultInjection.failOnce(7, 1));
		assertEquals(before + 1, FaultInjection.injected(), "the injected failure happened once");
	}
}

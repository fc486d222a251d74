package dev.nnet.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import dev.nnet.engine.train.CancellationToken;
import dev.nnet.engine.train.Trainer;
import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.lang.run.TrainingPlan;

/**
 * Runs a planned training with its batch gradients computed on Spark ({@link SparkGradients}); everything else, the
 * sample order, the optimizer step, the per-epoch measurements, stop rules and listener calls, is the single-JVM
 * {@link Trainer}'s. With the same plan the weights equal the single-JVM run's up to the order of floating-point
 * summation (docs/spark.md). The command line calls {@link #run} reflectively, so that Spark's jars are loaded only by
 * {@code ./nnet train --spark}.
 */
public final class SparkTraining {

	private SparkTraining() {
	}

	/**
	 * Trains on a Spark context made for this call and stopped afterwards.
	 *
	 * @param plan       the plan (a network training; a perceptron is refused)
	 * @param master     Spark master URL, e.g. {@code local[2]} or {@code spark://host:7077}; null or empty: the
	 *                   one the context is configured with (spark-submit's {@code --master})
	 * @param partitions number of partitions, 0 for Spark's default parallelism
	 * @param listener   progress
	 * @param token      cancellation, checked before every step
	 * @return the result
	 * @throws IllegalArgumentException for a perceptron, a layer other than dense, a bad master URL or a Spark context
	 *         that cannot start
	 */
	public static TrainingResult run(TrainingPlan plan, String master, int partitions, TrainingListener listener,
			CancellationToken token) {
		if (plan.network() == null) {
			throw new IllegalArgumentException("training " + plan.trainingName() + " trains a perceptron; --spark"
					+ " trains networks only");
		}
		for (dev.nnet.engine.layer.Layer layer : plan.network().allLayers()) {
			if (!(layer instanceof dev.nnet.engine.DenseLayer)) {
				// batch statistics and dropout masks are per batch: shards of a batch would not give the same model
				throw new IllegalArgumentException("layer '" + layer.name() + "' is a " + layer.type()
						+ " layer; --spark trains networks of dense layers only (the same model as one JVM)");
			}
		}
		if (plan.maxEpochs() == 0) {
			return plan.run(listener, token);
		}
		JavaSparkContext spark = start(master, plan.trainingName());
		try {
			return run(spark, plan, partitions, listener, token, FaultInjection.NONE);
		} finally {
			spark.stop();
		}
	}

	static TrainingResult run(JavaSparkContext spark, TrainingPlan plan, int partitions, TrainingListener listener,
			CancellationToken token, FaultInjection fault) {
		int p = partitions > 0 ? partitions : spark.defaultParallelism();
		int shards = Math.max(1, Math.min(p, plan.trainData().rows()));
		try (SparkGradients gradients = new SparkGradients(spark, plan.network(), plan.trainData(), shards, fault)) {
			return new Trainer(plan.network(), plan.config(), gradients).train(plan.trainData(), plan.testData(),
					listener == null ? TrainingListener.NONE : listener,
					token == null ? new CancellationToken() : token);
		}
	}

	/**
	 * @param master  the master URL, or null/empty for the configured one
	 * @param appName the application name
	 * @return a started context
	 * @throws IllegalArgumentException with Spark's reason when the URL is bad or the context cannot start
	 */
	static JavaSparkContext start(String master, String appName) {
		SparkConf conf = new SparkConf().setAppName("nnet " + appName).setIfMissing("spark.ui.enabled", "false");
		if (master != null && !master.isBlank()) {
			conf.setMaster(master);
		} else if (!conf.contains("spark.master")) {
			throw new IllegalArgumentException("no Spark master: give one (e.g. local[2]) or run through spark-submit");
		}
		if (conf.get("spark.master").startsWith("local")) {
			// a local try talks to itself only: no lookup of the machine's name, nothing bound beyond loopback
			conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
		}
		try {
			return new JavaSparkContext(conf);
		} catch (Exception e) { // SparkException is checked in Java but thrown undeclared by Scala
			String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			throw new IllegalArgumentException("cannot start Spark with master '" + conf.get("spark.master") + "': "
					+ reason, e);
		}
	}
}

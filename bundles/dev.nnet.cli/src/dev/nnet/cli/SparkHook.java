package dev.nnet.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import dev.nnet.engine.train.CancellationToken;
import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.lang.run.TrainingPlan;

/**
 * {@code nnet train --spark MASTER}: hands the planned training to {@code dev.nnet.spark.SparkTraining} (module
 * bundles/dev.nnet.spark, docs/spark.md), looked up by name so that a plain {@code ./nnet train} never loads Spark.
 * The {@code nnet} script puts that module and Spark on the classpath when {@code --spark} is given.
 */
final class SparkHook {
	private static final String RUNNER = "dev.nnet.spark.SparkTraining";

	private SparkHook() {
	}

	/**
	 * @throws UsageException when the Spark runner is not on the classpath or Spark refuses the master or the plan
	 */
	static TrainingResult train(TrainingPlan plan, String master, int partitions, TrainingListener listener,
			CancellationToken token) {
		Method run;
		try {
			run = Class.forName(RUNNER).getMethod("run", TrainingPlan.class, String.class, int.class,
					TrainingListener.class, CancellationToken.class);
		} catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
			throw new UsageException("--spark needs the Spark runner (bundles/dev.nnet.spark) on the classpath;"
					+ " ./nnet adds it, see docs/spark.md");
		}
		try {
			return (TrainingResult) run.invoke(null, plan, master, partitions, listener, token);
		} catch (InvocationTargetException e) {
			if (e.getCause() instanceof IllegalArgumentException bad) {
				throw new UsageException("--spark " + master + ": " + bad.getMessage());
			}
			if (e.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(e.getCause());
		} catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}
}

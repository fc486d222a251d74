package dev.nnet.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.train.BatchGradients;
import dev.nnet.engine.train.EpochPlan;

/**
 * The batch gradients of a training computed by a Spark cluster, one job per step: the driver broadcasts the flat
 * parameters (and, once per epoch, the sample order), every partition sums the gradients of the batch samples it holds
 * ({@link PartitionGradients}), {@code treeAggregate} adds the partitions' vectors, and the driver divides by the batch
 * size and leaves the result in the network's gradients, where the engine's optimizer finds it. The training data are
 * split into contiguous shards, one per partition, broadcast once (every executor keeps them; a task carries only its
 * partition number, the broadcast references and the batch's position, a few hundred bytes).
 */
final class SparkGradients implements BatchGradients, AutoCloseable {
	private final JavaSparkContext spark;
	private final JavaRDD<Integer> partitionIndices;
	private final Broadcast<Shard[]> shards;
	private final Broadcast<String> model;
	private final int partitions;
	private final FaultInjection fault;
	private final double[] parameters;
	private Broadcast<int[]> order;
	private int orderEpoch = -1;
	private long steps;

	/**
	 * @param spark      the context
	 * @param network    the network as it starts (its structure is broadcast once)
	 * @param data       the training data
	 * @param partitions the number of partitions (shards)
	 * @param fault      failure injection for tests, {@link FaultInjection#NONE} otherwise
	 */
	SparkGradients(JavaSparkContext spark, Network network, DataSet data, int partitions, FaultInjection fault) {
		this.spark = spark;
		this.partitions = partitions;
		this.fault = fault;
		this.parameters = new double[FlatParameters.size(network)];
		this.model = spark.broadcast(ModelIO.toJson(network));
		this.shards = spark.broadcast(Shard.split(data, partitions));
		List<Integer> indices = new ArrayList<>();
		for (int i = 0; i < partitions; i++) {
			indices.add(i);
		}
		this.partitionIndices = spark.parallelize(indices, partitions);
	}

	/** @return the number of steps (Spark jobs) run */
	long steps() {
		return steps;
	}

	/** @return the number of partitions */
	int partitions() {
		return partitions;
	}

	@Override
	public double compute(Network network, Loss loss, DataSet data, EpochPlan plan, int batch, Matrix x, Matrix t) {
		if (orderEpoch != plan.epoch()) {
			if (order != null) {
				order.destroy();
			}
			order = spark.broadcast(plan.order().clone());
			orderEpoch = plan.epoch();
		}
		steps++;
		FlatParameters.read(network, parameters);
		Broadcast<double[]> current = spark.broadcast(parameters);
		int n = parameters.length;
		double[] sums;
		try {
			sums = partitionIndices.mapPartitions(new PartitionGradients(model, shards, loss.name(), current, order,
					plan.batchStart(batch), plan.batchRows(batch), fault.atStep(steps)))
					.treeAggregate(new double[n + 2], SparkGradients::add, SparkGradients::add);
		} finally {
			current.destroy();
		}
		int rows = plan.batchRows(batch);
		if (sums[n + 1] != rows) {
			throw new IllegalStateException("the partitions held " + (long) sums[n + 1] + " of the batch's " + rows
					+ " samples");
		}
		FlatParameters.writeGradients(sums, 1.0 / rows, network);
		double value = sums[n] / rows;
		if (!Double.isFinite(value) || !finite(sums)) {
			// diverged: recompute the batch here so that the engine's diagnosis sees its activations
			return LOCAL.compute(network, loss, data, plan, batch, x, t);
		}
		return value;
	}

	private static boolean finite(double[] values) {
		for (double v : values) {
			if (!Double.isFinite(v)) {
				return false;
			}
		}
		return true;
	}

	private static double[] add(double[] into, double[] other) {
		for (int i = 0; i < into.length; i++) {
			into[i] += other[i];
		}
		return into;
	}

	@Override
	public void close() {
		if (order != null) {
			order.destroy();
		}
		model.destroy();
		shards.destroy();
	}
}

package dev.nnet.spark;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

import dev.nnet.engine.Network;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Matrix;

/**
 * One step's work of a partition, run on an executor: sets the broadcast parameters into the executor thread's copy of
 * the network, picks the batch samples that the partition's {@link Shard} (broadcast once per training) holds and computes their gradient with the
 * engine. Emits one vector: the gradient <em>sums</em> over those samples (the engine's mean times their count), then
 * the loss sum and the sample count, so that the driver can add the vectors of all partitions and divide by the batch
 * size as the engine's loss does.
 */
final class PartitionGradients implements FlatMapFunction<Iterator<Integer>, double[]> {
	private static final long serialVersionUID = 1L;
	private static final ThreadLocal<Cached> NETWORKS = new ThreadLocal<>();

	private final Broadcast<String> model;
	private final Broadcast<Shard[]> shards;
	private final String lossName;
	private final Broadcast<double[]> parameters;
	private final Broadcast<int[]> order;
	private final int start;
	private final int rows;
	private final FaultInjection fault;

	PartitionGradients(Broadcast<String> model, Broadcast<Shard[]> shards, String lossName, Broadcast<double[]> parameters,
			Broadcast<int[]> order, int start, int rows, FaultInjection fault) {
		this.model = model;
		this.shards = shards;
		this.lossName = lossName;
		this.parameters = parameters;
		this.order = order;
		this.start = start;
		this.rows = rows;
		this.fault = fault;
	}

	/** The network of this executor thread for one training (rebuilt when another training comes). */
	private record Cached(long modelId, Network network) {
	}

	@Override
	public Iterator<double[]> call(Iterator<Integer> indices) throws ModelFormatException {
		fault.maybeFail(TaskContext.get());
		Network network = network();
		FlatParameters.write(parameters.value(), network);
		Loss loss = Losses.byName(lossName);
		int n = FlatParameters.size(network);
		double[] sums = new double[n + 2];
		int[] o = order.value();
		while (indices.hasNext()) {
			Shard shard = shards.value()[indices.next()];
			int[] positions = shard.positionsIn(o, start, rows);
			if (positions.length == 0) {
				continue;
			}
			Matrix x = Matrix.zeros(network.precision(), positions.length, shard.featureCount());
			Matrix t = Matrix.zeros(network.precision(), positions.length, shard.targetCount());
			shard.copy(o, positions, x, t);
			double value = network.computeGradients(x, t, loss);
			FlatParameters.addGradients(network, positions.length, sums);
			sums[n] += value * positions.length;
			sums[n + 1] += positions.length;
		}
		List<double[]> result = Collections.singletonList(sums);
		return result.iterator();
	}

	private Network network() throws ModelFormatException {
		Cached cached = NETWORKS.get();
		if (cached == null || cached.modelId() != model.id()) {
			cached = new Cached(model.id(), ModelIO.fromJson(model.value(), "broadcast model", null));
			NETWORKS.set(cached);
		}
		return cached.network();
	}
}

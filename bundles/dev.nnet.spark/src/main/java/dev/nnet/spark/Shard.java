package dev.nnet.spark;

import java.io.Serializable;

import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.matrix.Matrix;

/**
 * The samples {@code [from, to)} of the training data (by their row number in the single-JVM data set), held by one
 * Spark partition: features and targets row-major, as {@link DataSet} keeps them.
 */
final class Shard implements Serializable {
	private static final long serialVersionUID = 1L;

	final int from;
	final int to;
	private final int featureCount;
	private final int targetCount;
	private final double[] features;
	private final double[] targets;

	private Shard(int from, int to, int featureCount, int targetCount, double[] features, double[] targets) {
		this.from = from;
		this.to = to;
		this.featureCount = featureCount;
		this.targetCount = targetCount;
		this.features = features;
		this.targets = targets;
	}

	/**
	 * @param data  the training data
	 * @param count the number of shards, at least 1
	 * @return contiguous shards covering every row once, sizes differing by at most one
	 */
	static Shard[] split(DataSet data, int count) {
		int rows = data.rows();
		int fc = data.featureCount();
		int tc = data.targetCount();
		Shard[] shards = new Shard[count];
		for (int s = 0; s < count; s++) {
			int from = (int) ((long) rows * s / count);
			int to = (int) ((long) rows * (s + 1) / count);
			double[] f = new double[(to - from) * fc];
			double[] t = new double[(to - from) * tc];
			for (int r = from; r < to; r++) {
				for (int c = 0; c < fc; c++) {
					f[(r - from) * fc + c] = data.feature(r, c);
				}
				for (int c = 0; c < tc; c++) {
					t[(r - from) * tc + c] = data.target(r, c);
				}
			}
			shards[s] = new Shard(from, to, fc, tc, f, t);
		}
		return shards;
	}

	/**
	 * Picks this shard's samples out of a batch, in batch order.
	 *
	 * @param order the epoch's sample order
	 * @param start the batch's first position in {@code order}
	 * @param rows  the batch size
	 * @return the positions (in {@code order}) of the batch samples that this shard holds
	 */
	int[] positionsIn(int[] order, int start, int rows) {
		int count = 0;
		for (int p = start; p < start + rows; p++) {
			if (order[p] >= from && order[p] < to) {
				count++;
			}
		}
		int[] positions = new int[count];
		int i = 0;
		for (int p = start; p < start + rows; p++) {
			if (order[p] >= from && order[p] < to) {
				positions[i++] = p;
			}
		}
		return positions;
	}

	/** Copies the samples {@code order[positions[i]]} into row {@code i} of {@code x} and {@code t}. */
	void copy(int[] order, int[] positions, Matrix x, Matrix t) {
		for (int i = 0; i < positions.length; i++) {
			int r = order[positions[i]] - from;
			for (int c = 0; c < featureCount; c++) {
				x.set(i * featureCount + c, features[r * featureCount + c]);
			}
			for (int c = 0; c < targetCount; c++) {
				t.set(i * targetCount + c, targets[r * targetCount + c]);
			}
		}
	}

	int featureCount() {
		return featureCount;
	}

	int targetCount() {
		return targetCount;
	}
}

package dev.nnet.lang.data;

import java.util.List;

/**
 * What the validator knows about a data set without training on it.
 *
 * @param features    number of feature columns, -1 when unknown
 * @param targets     number of target columns (1 for a CSV label or target), -1 when unknown
 * @param classes     number of distinct labels when the targets are single whole numbers (or a CSV
 *                    {@code label} column), -1 when unknown or not a classification target
 * @param samples     number of samples, -1 when unknown
 * @param points      the inline samples' feature vectors (empty for CSV)
 * @param labels      the inline samples' first target (empty for CSV)
 * @param csvLabel    true when a CSV names a {@code label} column (classification)
 */
public record DataInfo(int features, int targets, int classes, int samples, List<double[]> points,
		List<Double> labels, boolean csvLabel) {

	/** Nothing is known. */
	public static final DataInfo UNKNOWN = new DataInfo(-1, -1, -1, -1, List.of(), List.of(), false);

	/** @return true for inline samples */
	public boolean isInline() {
		return !points.isEmpty();
	}
}

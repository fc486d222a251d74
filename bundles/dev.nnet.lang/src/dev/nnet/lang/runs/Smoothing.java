package dev.nnet.lang.runs;

/**
 * Exponential smoothing of a curve as TensorBoard does it: {@code s_i = w s_{i-1} + (1 - w) y_i}, divided by
 * {@code 1 - w^k} (k finite values so far) so that the start is not pulled towards 0. Non-finite values stay gaps and
 * do not enter the average. The views call it; they compute nothing themselves.
 */
public final class Smoothing {

	private Smoothing() {
	}

	/**
	 * @param y      the values
	 * @param weight the smoothing weight in [0, 1): 0 returns a copy
	 * @return the smoothed values, same length
	 */
	public static double[] exponential(double[] y, double weight) {
		double w = Math.max(0, Math.min(0.999, weight));
		double[] out = new double[y.length];
		double last = 0;
		int k = 0;
		for (int i = 0; i < y.length; i++) {
			if (!Double.isFinite(y[i])) {
				out[i] = y[i];
				continue;
			}
			last = w * last + (1 - w) * y[i];
			k++;
			double debias = 1 - Math.pow(w, k);
			out[i] = debias == 0 ? y[i] : last / debias;
		}
		return out;
	}

	/**
	 * Smoothing in log space, for curves drawn on a log axis (gradient norms, update ratios).
	 *
	 * @param y      positive values (others are gaps)
	 * @param weight the smoothing weight
	 * @return the smoothed values
	 */
	public static double[] exponentialLog(double[] y, double weight) {
		double[] logs = new double[y.length];
		for (int i = 0; i < y.length; i++) {
			logs[i] = y[i] > 0 ? Math.log10(y[i]) : Double.NaN;
		}
		double[] s = exponential(logs, weight);
		for (int i = 0; i < s.length; i++) {
			s[i] = Double.isFinite(s[i]) ? Math.pow(10, s[i]) : y[i];
		}
		return s;
	}
}

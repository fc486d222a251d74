package dev.nnet.lang.analysis;

/**
 * Gordan's alternative in floating point: for rows {@code a_i}, either some {@code z} has {@code a_i·z > 0} for
 * every i, or some {@code λ >= 0}, {@code Σλ = 1} has {@code Σ λ_i a_i = 0}. Phase 1 of the simplex method on the
 * second system ({@code n+1} equations, one column per row {@code a_i}); at the optimum either {@code λ} (feasible)
 * or the simplex multipliers (which give {@code z}) are the candidate answer. Nothing here is trusted:
 * {@link ExactCertificates} confirms the candidate in exact arithmetic.
 */
final class FloatGordan {
	private static final double EPS = 1e-11;
	/**
	 * Relative size of the right-hand side's perturbation against degenerate pivots (without it the 500 x 50 case
	 * of bench/separability takes 25 times as many pivots). It can hide a margin of that order: then
	 * {@link LinearSeparability} asks again without it.
	 */
	static final double PERTURBATION = 1e-7;

	/** The candidate: exactly one of {@code lambda} and {@code z} is set; both null when undecided. */
	record Candidate(double[] lambda, double[] z) {
	}

	private FloatGordan() {
	}

	/**
	 * @param perturbation relative perturbation of the right-hand side ({@link #PERTURBATION} or 0)
	 */
	static Candidate solve(double[][] a, Budget budget, double perturbation) {
		int m = a.length;
		int n = a[0].length;
		if (!budget.spend(3L * m * n)) { // scaling and the tableau
			return new Candidate(null, null);
		}
		double[] scale = new double[n];
		for (int k = 0; k < n; k++) {
			double max = 0;
			for (double[] row : a) {
				max = Math.max(max, Math.abs(row[k]));
			}
			scale[k] = max == 0 ? 1 : Math.scalb(1.0, -Math.getExponent(max));
		}
		int rows = n + 1;
		int cols = m + rows; // lambda columns, then artificials
		int rhs = cols; // perturbed right-hand side: the pivoting follows it, so degenerate pivots are rare
		int exact = cols + 1; // the true right-hand side, carried along for the answer
		double[][] t = new double[rows][cols + 2];
		for (int j = 0; j < m; j++) {
			for (int k = 0; k < n; k++) {
				t[k][j] = a[j][k] * scale[k];
			}
			t[n][j] = 1;
		}
		int[] basis = new int[rows];
		for (int r = 0; r < rows; r++) {
			t[r][m + r] = 1;
			basis[r] = m + r;
			t[r][rhs] = (r == n ? 1 : 0) + perturbation * (1 + (r * 0.6180339887498949) % 1);
		}
		t[n][exact] = 1;
		double[] cost = new double[cols + 2];
		for (int j = 0; j < m; j++) {
			double s = 0;
			for (int r = 0; r < rows; r++) {
				s -= t[r][j];
			}
			cost[j] = s;
		}
		for (int r = 0; r < rows; r++) {
			cost[rhs] -= t[r][rhs];
		}
		cost[exact] = -1;
		int maxIterations = 50 * (rows + m);
		int stall = 0;
		double lastObjective = Double.POSITIVE_INFINITY;
		long pivotCost = (long) (rows + 1) * (cols + 2) + cols + rows; // pricing, ratio test, elimination
		for (int iteration = 0; iteration < maxIterations; iteration++) {
			if (!budget.spend(pivotCost)) {
				return new Candidate(null, null);
			}
			if (iteration % 25 == 24 && budget.spend((long) m * n)) {
				double[] z = multipliers(cost, m, n, scale);
				if (looksSeparating(a, z)) {
					return new Candidate(null, z);
				}
			}
			boolean bland = stall > 30;
			int enter = -1;
			double most = -EPS;
			for (int j = 0; j < cols; j++) {
				if (cost[j] < most) {
					enter = j;
					if (bland) {
						break;
					}
					most = cost[j];
				}
			}
			if (enter < 0) {
				break;
			}
			int leave = -1;
			double best = Double.POSITIVE_INFINITY;
			for (int r = 0; r < rows; r++) {
				double p = t[r][enter];
				if (p > EPS) {
					double ratio = t[r][rhs] / p;
					if (ratio < best - 1e-12 || (ratio <= best + 1e-12 && leave >= 0
							&& (bland ? basis[r] < basis[leave] : p > t[leave][enter]))) {
						best = ratio;
						leave = r;
					}
				}
			}
			if (leave < 0) {
				return new Candidate(null, null); // cannot happen in phase 1; undecided
			}
			pivot(t, cost, leave, enter);
			basis[leave] = enter;
			double objective = -cost[rhs];
			stall = objective < lastObjective - 1e-12 ? 0 : stall + 1;
			lastObjective = Math.min(lastObjective, objective);
		}
		double objective = -cost[exact];
		if (objective < 1e-9) {
			double[] lambda = new double[m];
			for (int r = 0; r < rows; r++) {
				if (basis[r] < m) {
					lambda[basis[r]] = Math.max(0, t[r][exact]);
				}
			}
			return new Candidate(lambda, null);
		}
		return new Candidate(null, multipliers(cost, m, n, scale));
	}

	/** @return z = -y on the feature rows, unscaled, from the multipliers y_r = 1 - cost[artificial r] */
	private static double[] multipliers(double[] cost, int m, int n, double[] scale) {
		double[] z = new double[n];
		for (int k = 0; k < n; k++) {
			z[k] = -(1 - cost[m + k]) * scale[k];
		}
		return z;
	}

	/** @return true when every {@code a_i·z} is clearly positive in floating point (confirmed exactly later) */
	static boolean looksSeparating(double[][] a, double[] z) {
		double norm = 0;
		for (double v : z) {
			norm = Math.max(norm, Math.abs(v));
		}
		if (!(norm > 0) || !Double.isFinite(norm)) {
			return false;
		}
		for (double[] row : a) {
			double s = 0;
			double mag = 0;
			for (int k = 0; k < z.length; k++) {
				s += row[k] * z[k];
				mag += Math.abs(row[k] * z[k]);
			}
			if (!(s > 1e-9 * mag)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A cheap first try for a separator: the minimum-norm (ridge) least-squares solution of {@code A z = 1}, found
	 * through the smaller of the two normal-equation systems.
	 *
	 * @return z, or null when the system could not be solved or its cost does not fit the budget
	 */
	static double[] leastSquares(double[][] a, Budget budget) {
		int m = a.length;
		int n = a[0].length;
		long small = Math.min(m, n);
		long large = Math.max(m, n);
		long cost = small * small * large / 2 + small * small * small / 3 + 2 * large * small;
		if (!budget.affords(cost)) {
			return null; // only a first try: the simplex gets what is left
		}
		budget.spend(cost);
		if (m <= n) {
			double[][] g = new double[m][m];
			for (int i = 0; i < m; i++) {
				for (int j = 0; j <= i; j++) {
					double s = 0;
					for (int k = 0; k < n; k++) {
						s += a[i][k] * a[j][k];
					}
					g[i][j] = s;
					g[j][i] = s;
				}
			}
			double[] u = new double[m];
			java.util.Arrays.fill(u, 1);
			if (!cholesky(g, u)) {
				return null;
			}
			double[] z = new double[n];
			for (int i = 0; i < m; i++) {
				for (int k = 0; k < n; k++) {
					z[k] += a[i][k] * u[i];
				}
			}
			return z;
		}
		double[][] g = new double[n][n];
		double[] rhs = new double[n];
		for (double[] row : a) {
			for (int i = 0; i < n; i++) {
				rhs[i] += row[i];
				for (int j = 0; j <= i; j++) {
					g[i][j] += row[i] * row[j];
				}
			}
		}
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < i; j++) {
				g[j][i] = g[i][j];
			}
		}
		return cholesky(g, rhs) ? rhs : null;
	}

	/** Solves {@code (G + ridge I) x = b} in place of b; false when G is not positive definite. */
	private static boolean cholesky(double[][] g, double[] b) {
		int n = g.length;
		double trace = 0;
		for (int i = 0; i < n; i++) {
			trace += g[i][i];
		}
		double ridge = 1e-10 * (trace / n + 1e-300);
		for (int i = 0; i < n; i++) {
			g[i][i] += ridge;
		}
		for (int j = 0; j < n; j++) {
			double d = g[j][j];
			for (int k = 0; k < j; k++) {
				d -= g[j][k] * g[j][k];
			}
			if (!(d > 0)) {
				return false;
			}
			d = Math.sqrt(d);
			g[j][j] = d;
			for (int i = j + 1; i < n; i++) {
				double s = g[i][j];
				for (int k = 0; k < j; k++) {
					s -= g[i][k] * g[j][k];
				}
				g[i][j] = s / d;
			}
		}
		for (int i = 0; i < n; i++) {
			double s = b[i];
			for (int k = 0; k < i; k++) {
				s -= g[i][k] * b[k];
			}
			b[i] = s / g[i][i];
		}
		for (int i = n - 1; i >= 0; i--) {
			double s = b[i];
			for (int k = i + 1; k < n; k++) {
				s -= g[k][i] * b[k];
			}
			b[i] = s / g[i][i];
		}
		return true;
	}

	private static void pivot(double[][] t, double[] cost, int row, int col) {
		double[] pr = t[row];
		double p = pr[col];
		int width = pr.length;
		for (int j = 0; j < width; j++) {
			pr[j] /= p;
		}
		pr[col] = 1;
		for (double[] r : t) {
			if (r != pr) {
				eliminate(r, pr, col, width);
			}
		}
		eliminate(cost, pr, col, width);
	}

	private static void eliminate(double[] r, double[] pr, int col, int width) {
		double f = r[col];
		if (f == 0) {
			return;
		}
		for (int j = 0; j < width; j++) {
			r[j] -= f * pr[j];
		}
		r[col] = 0;
	}
}

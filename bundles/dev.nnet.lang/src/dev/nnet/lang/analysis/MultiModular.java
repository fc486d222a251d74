package dev.nnet.lang.analysis;

import java.math.BigInteger;

/**
 * The exact step of {@link FarkasCertificate}: the cofactor vector {@code det(Q) Q^-1 e_k} of
 * {@code Q = [M_R; 1 ... 1]}, by Gaussian elimination modulo enough 31-bit primes to pass twice Hadamard's bound,
 * recombined by the Chinese remainder theorem ({@link Modular#recombine}). (Dixon's p-adic lifting was tried in
 * its place: fewer modular products, but its rational reconstruction in BigInteger made it slower at k = 52.)
 */
final class MultiModular {
	/** Unlucky primes (Q singular modulo them) skipped before giving up. */
	private static final int SPARE_PRIMES = 4;

	private MultiModular() {
	}

	/**
	 * @param e    the support's integer matrix (rows: variables, columns: support points)
	 * @param rows k-1 rows of e independent modulo {@code Modular.prime(0)}
	 * @param bits bound on log2 of every cofactor of Q
	 * @return the cofactors, or null when the budget runs out or too many primes are unlucky
	 */
	static BigInteger[] cofactors(BigInteger[][] e, int[] rows, double bits, Budget budget) {
		int n = e.length;
		int k = e[0].length;
		double count = Math.ceil((bits + 2) / Modular.BITS_PER_PRIME);
		long perPrime = Budget.MOD_PRODUCT * ((long) n * k + (long) k * k * k / 3 + 2L * k * k);
		if (count + SPARE_PRIMES > Modular.MAX_PRIMES || !budget.affords(perPrime * (long) count)) {
			budget.spend(Long.MAX_VALUE); // refused: marks the budget used up without doing the work
			return null;
		}
		int primes = (int) count;
		Modular[] moduli = new Modular[primes];
		long[][] residues = new long[k][primes];
		int used = 0;
		for (int i = 0; used < primes; i++) {
			if (i >= primes + SPARE_PRIMES || !budget.spend(perPrime)) {
				return null;
			}
			Modular m = new Modular(Modular.prime(i));
			long[] v = cofactors(FarkasCertificate.reduce(e, m), rows, m);
			if (v == null) {
				continue; // Q singular modulo this prime
			}
			moduli[used] = m;
			for (int j = 0; j < k; j++) {
				residues[j][used] = v[j];
			}
			used++;
		}
		if (!budget.spend(Budget.MOD_PRODUCT * ((long) k * primes * primes + 64L * primes * primes)
				+ (long) k * primes * Budget.bigProduct(primes * 31, 31))) {
			return null;
		}
		long[][] inverses = Modular.inverses(moduli);
		BigInteger product = BigInteger.ONE;
		for (Modular m : moduli) {
			product = product.multiply(BigInteger.valueOf(m.p));
		}
		BigInteger[] v = new BigInteger[k];
		for (int j = 0; j < k; j++) {
			v[j] = Modular.recombine(moduli, residues[j], inverses, product);
		}
		return v;
	}

	/** row[j] = row[j] + f pr[j] modulo p from column `from` on: the hot loop, {@link Modular#reduce} inlined */
	static void axpy(long[] row, long[] pr, long f, int from, long p, long barrett) {
		for (int j = from; j < row.length; j++) {
			long x = row[j] + f * pr[j];
			long r = x - Math.multiplyHigh(x, barrett) * p;
			row[j] = r >= p ? r - p : r;
		}
	}

	/** @return det(Q) Q^-1 e_k modulo m for Q = [r_rows; 1 ... 1], or null when Q is singular modulo m */
	private static long[] cofactors(long[][] r, int[] rows, Modular m) {
		int k = rows.length + 1;
		long[][] q = new long[k][];
		for (int i = 0; i < rows.length; i++) {
			q[i] = java.util.Arrays.copyOf(r[rows[i]], k + 1);
		}
		q[k - 1] = new long[k + 1];
		java.util.Arrays.fill(q[k - 1], 1);
		long det = 1;
		for (int col = 0; col < k; col++) {
			int piv = col;
			while (piv < k && q[piv][col] == 0) {
				piv++;
			}
			if (piv == k) {
				return null;
			}
			if (piv != col) {
				long[] t = q[piv];
				q[piv] = q[col];
				q[col] = t;
				det = m.p - det;
			}
			long[] pr = q[col];
			det = m.mul(det, pr[col]);
			long inv = m.inverse(pr[col]);
			for (int j = col; j <= k; j++) {
				pr[j] = m.mul(pr[j], inv);
			}
			for (int i = col + 1; i < k; i++) {
				long f = q[i][col];
				if (f != 0) {
					axpy(q[i], pr, m.p - f, col, m.p, m.barrett);
				}
			}
		}
		long[] x = new long[k];
		for (int i = k - 1; i >= 0; i--) {
			long s = q[i][k];
			for (int j = i + 1; j < k; j++) {
				s = m.reduce(s + (m.p - q[i][j]) * x[j]);
			}
			x[i] = s;
		}
		for (int i = 0; i < k; i++) {
			x[i] = m.mul(x[i], det);
		}
		return x;
	}

}

package dev.nnet.lang.analysis;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Arithmetic modulo primes between 2^30 and 2^31 for {@link FarkasCertificate}: products of two residues fit in a
 * long, and a product is reduced by Barrett's method (one high multiply, no division). The primes are the largest
 * below 2^31, found once by a deterministic Miller-Rabin test (bases 2, 3, 5, 7 decide every number below
 * 3.2e9). Recombination by Garner's form of the Chinese remainder theorem.
 */
final class Modular {
	/** Bits every prime contributes at least: the first {@link #MAX_PRIMES} primes below 2^31 are above 2^30.9. */
	static final double BITS_PER_PRIME = 30.9;
	/** Most primes handed out (far more than any budget pays for). */
	static final int MAX_PRIMES = 1_000_000;

	private static long[] primes = new long[0];

	final long p;
	final long barrett;

	Modular(long p) {
		this.p = p;
		this.barrett = Long.divideUnsigned(-1L, p); // floor((2^64 - 1) / p), below 2^34
	}

	/** @return x mod p for 0 <= x < 2^63 */
	long reduce(long x) {
		long r = x - Math.multiplyHigh(x, barrett) * p; // in [0, 1.5 p)
		return r >= p ? r - p : r;
	}

	long mul(long x, long y) {
		return reduce(x * y);
	}

	/** @return x^-1 mod p for x not 0 mod p */
	long inverse(long x) {
		long result = 1;
		long base = x;
		for (long e = p - 2; e > 0; e >>= 1) {
			if ((e & 1) != 0) {
				result = mul(result, base);
			}
			base = mul(base, base);
		}
		return result;
	}

	/** @return v mod p in [0, p) */
	long of(BigInteger v) {
		return v.bitLength() < 63 ? Math.floorMod(v.longValue(), p) : v.mod(BigInteger.valueOf(p)).longValue();
	}

	/** @return the i-th prime below 2^31, counted down from the largest */
	static synchronized long prime(int i) {
		if (i >= MAX_PRIMES) {
			throw new IllegalArgumentException("prime " + i + " of at most " + MAX_PRIMES);
		}
		if (i >= primes.length) {
			long[] more = Arrays.copyOf(primes, Math.min(MAX_PRIMES, Math.max(i + 1, 2 * primes.length)));
			long c = primes.length == 0 ? (1L << 31) - 1 : primes[primes.length - 1] - 2;
			for (int j = primes.length; j < more.length; j++, c -= 2) {
				while (!isPrime(c)) {
					c -= 2;
				}
				more[j] = c;
			}
			primes = more;
		}
		return primes[i];
	}

	private static boolean isPrime(long n) {
		Modular m = new Modular(n);
		long d = n - 1;
		int s = Long.numberOfTrailingZeros(d);
		d >>= s;
		for (long base : new long[] {2, 3, 5, 7}) {
			long x = m.power(base, d);
			if (x == 1 || x == n - 1) {
				continue;
			}
			boolean composite = true;
			for (int r = 1; r < s && composite; r++) {
				x = m.mul(x, x);
				composite = x != n - 1;
			}
			if (composite) {
				return false;
			}
		}
		return true;
	}

	private long power(long base, long e) {
		long result = 1;
		for (long b = base % p; e > 0; e >>= 1) {
			if ((e & 1) != 0) {
				result = mul(result, b);
			}
			b = mul(b, b);
		}
		return result;
	}

	/**
	 * Garner's recombination: the integer of least absolute value with the given residues.
	 *
	 * @param moduli   distinct primes
	 * @param residues residues[i] modulo moduli[i]
	 * @param inverses inverses[i][l] = moduli[l]^-1 mod moduli[i], for l < i ({@link #inverses})
	 * @param product  the product of the moduli
	 */
	static BigInteger recombine(Modular[] moduli, long[] residues, long[][] inverses, BigInteger product) {
		int t = moduli.length;
		long[] digits = new long[t];
		for (int i = 0; i < t; i++) {
			Modular m = moduli[i];
			long u = residues[i];
			for (int l = 0; l < i; l++) {
				long c = digits[l] % m.p;
				u = m.mul(u >= c ? u - c : u - c + m.p, inverses[i][l]);
			}
			digits[i] = u;
		}
		BigInteger v = BigInteger.valueOf(digits[t - 1]);
		for (int i = t - 2; i >= 0; i--) {
			v = v.multiply(BigInteger.valueOf(moduli[i].p)).add(BigInteger.valueOf(digits[i]));
		}
		return v.shiftLeft(1).compareTo(product) > 0 ? v.subtract(product) : v;
	}

	/** @return the table of {@link #recombine}'s inverses */
	static long[][] inverses(Modular[] moduli) {
		long[][] inv = new long[moduli.length][];
		for (int i = 0; i < moduli.length; i++) {
			inv[i] = new long[i];
			for (int l = 0; l < i; l++) {
				inv[i][l] = moduli[i].inverse(moduli[l].p % moduli[i].p);
			}
		}
		return inv;
	}
}

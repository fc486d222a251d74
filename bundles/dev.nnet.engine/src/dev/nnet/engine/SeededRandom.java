package dev.nnet.engine;

/**
 * The engine's one random number generator: xoshiro256** seeded through splitmix64.
 * Same seed, same sequence, on every JVM and platform (no dependence on {@code java.util.Random}
 * implementation details or thread scheduling). Not thread-safe: use one instance per thread.
 */
public final class SeededRandom {
    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private double spareGaussian;
    private boolean hasSpare;

    /**
     * @param seed any 64-bit seed
     */
    public SeededRandom(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = mix(x);
    }

    /**
     * A generator for an independent, named sub-stream of a seed (e.g. "weights of layer 2", "shuffling").
     *
     * @param seed the master seed
     * @param stream the sub-stream number
     * @return a new generator
     */
    public static SeededRandom forStream(long seed, long stream) {
        return new SeededRandom(mix(seed ^ mix(stream + 0x632BE59BD9B4E019L)));
    }

    /**
     * @return the generator's complete state (for checkpoints): four state words, the spare Gaussian's bits and
     *         whether it is set
     */
    public long[] state() {
        return new long[] { s0, s1, s2, s3, Double.doubleToRawLongBits(spareGaussian), hasSpare ? 1 : 0 };
    }

    /**
     * Continues exactly where the generator that returned {@code state} stood.
     *
     * @param state a value of {@link #state()}
     */
    public void restore(long[] state) {
        if (state.length != 6 || (state[0] | state[1] | state[2] | state[3]) == 0) {
            throw new IllegalArgumentException("not a generator state: expected 6 numbers, not all state words 0");
        }
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
        spareGaussian = Double.longBitsToDouble(state[4]);
        hasSpare = state[5] != 0;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return the next 64 random bits */
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** @return a uniform double in [0, 1) with 53 random bits */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * @param bound exclusive upper bound, positive
     * @return a uniform int in [0, bound), unbiased
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long limit = (1L << 31) - ((1L << 31) % bound);
        while (true) {
            long r = nextLong() >>> 33;
            if (r < limit) {
                return (int) (r % bound);
            }
        }
    }

    /** @return a standard normal sample (Marsaglia polar method) */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * f;
        hasSpare = true;
        return u * f;
    }

    /**
     * Fisher-Yates shuffle in place.
     *
     * @param values the array to permute
     */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}

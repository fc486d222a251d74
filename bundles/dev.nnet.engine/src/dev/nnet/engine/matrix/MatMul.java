package dev.nnet.engine.matrix;

/**
 * Matrix products for one precision, without materialising transposes. All shapes are checked;
 * the output is overwritten. Work is split over output rows (deterministic for any thread count).
 */
public abstract class MatMul {
    /** Below this many multiply-adds, products run in the calling thread. */
    static final long PARALLEL_THRESHOLD = 1L << 19;
    /** From this many multiply-adds on, products use the cache-blocked, register-tiled kernels. */
    static final long BLOCKED_THRESHOLD = 1L << 12;

    /** Below this inner dimension, A·Bᵀ on the plain path transposes B and runs A·B. */
    static final int SHORT_DOT = 8;

    /** Largest B (elements) that the small A·Bᵀ path copies transposed rather than running dot products. */
    static final long SMALL_TRANSPOSE = 1L << 16;

    final ParallelFor parallel;

    MatMul(ParallelFor parallel) {
        this.parallel = parallel;
    }

    /**
     * @param precision the precision of the operands
     * @param parallel the worker threads to use
     * @return the kernels for that precision
     */
    public static MatMul create(Precision precision, ParallelFor parallel) {
        return precision == Precision.FLOAT32 ? new FloatMatMul(parallel) : new DoubleMatMul(parallel);
    }

    /**
     * {@code c = a · b} with a (m×k), b (k×n), c (m×n).
     *
     * @param a left operand
     * @param b right operand
     * @param c output
     */
    public abstract void multiplyAB(Matrix a, Matrix b, Matrix c);

    /**
     * {@code c = a · bᵀ} with a (m×k), b (n×k), c (m×n).
     *
     * @param a left operand
     * @param b right operand (transposed)
     * @param c output
     */
    public abstract void multiplyABt(Matrix a, Matrix b, Matrix c);

    /**
     * {@code c = aᵀ · b} with a (k×m), b (k×n), c (m×n).
     *
     * @param a left operand (transposed)
     * @param b right operand
     * @param c output
     */
    public abstract void multiplyAtB(Matrix a, Matrix b, Matrix c);

    /**
     * @return true if a product of this shape (m×k times k×n) is worth the packing of the blocked kernel; tiny
     *         products (XOR, Iris) run the plain loops instead
     */
    static boolean blocked(int m, int n, int k) {
        return (long) m * n * k >= BLOCKED_THRESHOLD && m >= FloatKernel.MR / 2 && n >= 8;
    }

    /** @return true if the product is big enough to pay for handing work to the other threads */
    static boolean threaded(int m, int n, int k) {
        return (long) m * n * k >= PARALLEL_THRESHOLD;
    }

    static void check(boolean ok, String op, Matrix a, Matrix b, Matrix c) {
        if (!ok) {
            throw new IllegalArgumentException(op + ": incompatible shapes " + a + ", " + b + " -> " + c);
        }
    }
}

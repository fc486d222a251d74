package dev.nnet.engine.matrix;

/**
 * The innermost step of {@link FloatGemm}: one {@code MR × nr()} tile of C from a packed micro-panel of A
 * ({@code kc} steps of {@code MR} values) and of B ({@code kc} steps of {@code nr()} values). Every output
 * element is accumulated over p in order, starting from 0 or its old value. The Vector API kernel uses fused
 * multiply-adds, the scalar one a multiply and an add, so the two agree within rounding; each is deterministic
 * (IEEE operations only, identical in interpreted and compiled code) and independent of the thread split.
 */
abstract class FloatKernel {
    /** Rows of a tile (12: with AVX-512, 24 accumulators of the 32 vector registers). */
    static final int MR = 12;

    /** @return columns of a tile (width of a packed B panel) */
    abstract int nr();

    /**
     * @param ap packed A, {@code MR} values per step
     * @param ao offset of the micro-panel in {@code ap}
     * @param bp packed B, {@code nr()} values per step
     * @param bo offset of the micro-panel in {@code bp}
     * @param kc number of steps
     * @param c output
     * @param co offset of the tile's top-left element in {@code c}
     * @param ldc row stride of {@code c}
     * @param accumulate true to add to the old tile, false to overwrite it
     */
    abstract void tile(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, boolean accumulate);

    /**
     * The first {@code MR / 2} rows of {@link #tile} (same packed layout, A step {@code MR}): the row remainder of
     * a product whose m is not a multiple of {@code MR} (a batch of 64 is 5 full tiles and 4 rows) costs half a tile.
     */
    abstract void halfTile(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc,
            boolean accumulate);

    /**
     * Small product without packing, {@code C = A·B} with {@code A(i,p) = a[i*rsA + p*csA]}, B row-major
     * {@code k × n}, C row-major {@code m × n}: each row of C accumulated over p in order from 0.
     *
     * @return false if this kernel has no small-product path (the caller then runs its plain loops)
     */
    boolean small(float[] a, int rsA, int csA, float[] b, float[] c, int m, int n, int k) {
        return false;
    }
    // @float-only:begin (float32 packs with vector transposes and gathers; float64 keeps the plain loops)
    /**
     * Packs one full panel of {@code nr()} columns of a B read across its storage ({@code csB != 1}):
     * {@code packed[dst + p*nr() + jj] = b[src + p*rsB + jj*csB]} for p in [0, kc), jj in [0, nr()), where
     * {@code idx[jj] = jj*csB}. Plain copies, so every kernel packs the same values. {@code scratch}: 256 floats of the
     * calling thread.
     *
     * @return false if this kernel has no such path (the caller then runs its plain loops)
     */
    boolean packStrided(float[] b, int src, int rsB, int csB, int[] idx, int kc, float[] packed, int dst,
            float[] scratch) {
        return false;
    }

    /**
     * Packs a micro-panel of a row-major A ({@code csA == 1}): {@code packed[dst + p*MR + r] = a[src + r*rsA + p]}
     * for r below {@code rows} and 0 for the other r up to MR, p in [0, kc). {@code scratch}: as for
     * {@link #packStrided}.
     *
     * @return false if this kernel has no such path (the caller then runs its plain loops)
     */
    boolean packRows(float[] a, int src, int rsA, int rows, int kc, float[] packed, int dst, float[] scratch) {
        return false;
    }

    /**
     * Packs a micro-panel of an A stored by columns ({@code rsA == 1}, {@code Aᵀ·B}'s A):
     * {@code packed[dst + p*MR + r] = a[src + p*csA + r]} for r below {@code rows}, 0 for the other r up to MR.
     *
     * @return false if this kernel has no such path (the caller then runs its plain loops)
     */
    boolean packColumns(float[] a, int src, int csA, int rows, int kc, float[] packed, int dst) {
        return false;
    }

    /**
     * One row of {@code c = a·Bᵀ} with B row-major {@code n × k}, B read through gathers: {@code c[j] = Σ_p a[p]·b[j*k+p]}
     * accumulated over p in order from 0, the same operations as {@link #small} on a transposed copy of B without
     * making that copy (the batch-1 forward of a dense layer, where the copy cost as much as the product).
     *
     * @return false if this kernel has no such path (the caller then transposes)
     */
    boolean rowTimesTransposed(float[] a, float[] b, float[] c, int n, int k) {
        return false;
    }

    // @float-only:end

    /** @return true for the Vector API kernel */
    boolean usesVectors() {
        return false;
    }

    /** The fastest kernel this JVM can run: the Vector API one when jdk.incubator.vector is present, else scalar. */
    static FloatKernel best() {
        if (VectorSupport.enabled()) {
            try {
                return (FloatKernel) Class.forName("dev.nnet.engine.matrix.FloatVectorKernel").getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                VectorSupport.unavailable(e);
            }
        }
        return new FloatScalarKernel();
    }
}

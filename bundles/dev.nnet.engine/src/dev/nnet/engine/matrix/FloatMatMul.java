package dev.nnet.engine.matrix;

/** {@link MatMul} kernels on {@code float[]} storage (float32). */
final class FloatMatMul extends MatMul {
    private final ProductAB productAB = new ProductAB();
    private final ProductABt productABt = new ProductABt();
    private final ProductAtB productAtB = new ProductAtB();

    private float[] transposed = new float[0];
    private final FloatKernel kernel = FloatKernel.best();
    private final FloatGemm gemm = new FloatGemm(kernel);

    FloatMatMul(ParallelFor parallel) {
        super(parallel);
    }

    private static float[] data(Matrix m) {
        return ((FloatMatrix) m).data();
    }

    @Override
    public void multiplyAB(Matrix a, Matrix b, Matrix c) {
        check(a.cols() == b.rows() && c.rows() == a.rows() && c.cols() == b.cols(), "A·B", a, b, c);
        if (blocked(a.rows(), b.cols(), a.cols())) {
            gemm.multiply(parallel, threaded(a.rows(), b.cols(), a.cols()), data(a), a.cols(), 1, data(b), b.cols(), 1,
                    data(c), a.rows(), b.cols(), a.cols());
            return;
        }
        if (!threaded(a.rows(), b.cols(), a.cols())
                && kernel.small(data(a), a.cols(), 1, data(b), data(c), a.rows(), b.cols(), a.cols())) {
            return;
        }
        ProductAB p = productAB;
        p.set(data(a), data(b), data(c), a.cols(), b.cols());
        parallel.run(p, a.rows(), (long) a.rows() * a.cols() * b.cols() >= PARALLEL_THRESHOLD);
    }

    @Override
    public void multiplyABt(Matrix a, Matrix b, Matrix c) {
        check(a.cols() == b.cols() && c.rows() == a.rows() && c.cols() == b.rows(), "A·Bt", a, b, c);
        if (blocked(a.rows(), b.rows(), a.cols())) {
            gemm.multiply(parallel, threaded(a.rows(), b.rows(), a.cols()), data(a), a.cols(), 1, data(b), 1, b.cols(),
                    data(c), a.rows(), b.rows(), a.cols());
            return;
        }
        if ((a.cols() < SHORT_DOT || kernel.usesVectors()) && (long) a.cols() * b.rows() <= SMALL_TRANSPOSE) {
            // short dot products: transpose the small B once and run the vectorisable A·B loop instead
            int k = a.cols();
            int n = b.rows();
            if (a.rows() == 1 && kernel.rowTimesTransposed(data(a), data(b), data(c), n, k)) { // @float-only
                return; // @float-only
            } // @float-only
            if (transposed.length < k * n) {
                transposed = new float[k * n];
            }
            float[] bv = data(b);
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    transposed[p * n + j] = bv[j * k + p];
                }
            }
            if (!threaded(a.rows(), n, k) && kernel.small(data(a), k, 1, transposed, data(c), a.rows(), n, k)) {
                return;
            }
            ProductAB q = productAB;
            q.set(data(a), transposed, data(c), k, n);
            parallel.run(q, a.rows(), threaded(a.rows(), n, k));
            return;
        }
        ProductABt p = productABt;
        p.set(data(a), data(b), data(c), a.cols(), b.rows());
        parallel.run(p, a.rows(), (long) a.rows() * a.cols() * b.rows() >= PARALLEL_THRESHOLD);
    }

    @Override
    public void multiplyAtB(Matrix a, Matrix b, Matrix c) {
        check(a.rows() == b.rows() && c.rows() == a.cols() && c.cols() == b.cols(), "At·B", a, b, c);
        if (blocked(a.cols(), b.cols(), a.rows())) {
            gemm.multiply(parallel, threaded(a.cols(), b.cols(), a.rows()), data(a), 1, a.cols(), data(b), b.cols(), 1,
                    data(c), a.cols(), b.cols(), a.rows());
            return;
        }
        if (!threaded(a.cols(), b.cols(), a.rows())
                && kernel.small(data(a), 1, a.cols(), data(b), data(c), a.cols(), b.cols(), a.rows())) {
            return;
        }
        ProductAtB p = productAtB;
        p.set(data(a), data(b), data(c), a.rows(), a.cols(), b.cols());
        parallel.run(p, a.cols(), (long) a.rows() * a.cols() * b.cols() >= PARALLEL_THRESHOLD);
    }

    /** Operands of one product; set before each run, read by the workers. */
    private abstract static class Operands implements ParallelFor.RangeTask {
        float[] a;
        float[] b;
        float[] c;
        int k;
        int m;
        int n;

        final void set(float[] a, float[] b, float[] c, int k, int n) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.k = k;
            this.n = n;
        }

        final void set(float[] a, float[] b, float[] c, int k, int m, int n) {
            set(a, b, c, k, n);
            this.m = m;
        }
    }

    /** c[i][j] = sum_p a[i][p] b[p][j], i-p-j loop order. */
    private static final class ProductAB extends Operands {
        @Override
        public void run(int from, int to) {
            final float[] a = this.a;
            final float[] b = this.b;
            final float[] c = this.c;
            final int k = this.k;
            final int n = this.n;
            for (int i = from; i < to; i++) {
                final int ci = i * n;
                final int ai = i * k;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = 0;
                }
                for (int p = 0; p < k; p++) {
                    final float aip = a[ai + p];
                    final int bp = p * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += aip * b[bp + j];
                    }
                }
            }
        }
    }

    /** c[i][j] = sum_p a[i][p] b[j][p]: contiguous dot products. */
    private static final class ProductABt extends Operands {
        @Override
        public void run(int from, int to) {
            final float[] a = this.a;
            final float[] b = this.b;
            final float[] c = this.c;
            final int k = this.k;
            final int n = this.n;
            for (int i = from; i < to; i++) {
                final int ai = i * k;
                final int ci = i * n;
                for (int j = 0; j < n; j++) {
                    final int bj = j * k;
                    float sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += a[ai + p] * b[bj + p];
                    }
                    c[ci + j] = sum;
                }
            }
        }
    }

    /** c[i][j] = sum_p a[p][i] b[p][j] with a (k×m): rows of c split across threads. */
    private static final class ProductAtB extends Operands {
        @Override
        public void run(int from, int to) {
            final float[] a = this.a;
            final float[] b = this.b;
            final float[] c = this.c;
            final int k = this.k;
            final int m = this.m;
            final int n = this.n;
            for (int i = from; i < to; i++) {
                final int ci = i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = 0;
                }
                for (int p = 0; p < k; p++) {
                    final float api = a[p * m + i];
                    if (api == 0) {
                        continue;
                    }
                    final int bp = p * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += api * b[bp + j];
                    }
                }
            }
        }
    }
}

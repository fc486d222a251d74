// Generated from FloatGemm.java by releng/scripts/GenerateDoubleKernels.java: edit that file and run the script; a test fails when this file differs from what it writes.
package dev.nnet.engine.matrix;

/**
 * Cache-blocked, register-tiled {@code C = A·B} on {@code double[]} where A and B are read through strides, so
 * {@code A·Bᵀ} and {@code Aᵀ·B} need no transposed copy: {@code A(i,p) = a[i*rsA + p*csA]},
 * {@code B(p,j) = b[p*rsB + j*csB]}, C is row-major {@code m × n}. Blocks of {@code KC} steps of B are packed into
 * panels of {@link DoubleKernel#nr()} columns, blocks of {@code MC} rows of A into micro-panels of
 * {@link DoubleKernel#MR} rows; a remainder of at most MR/2 rows runs the half tile, other edge tiles go through a
 * small buffer. KC is large (1024: a B panel of 128 KiB and an A block of 384 KiB share a 1 MiB L2) because every
 * KC block beyond the first reloads and stores all of C, which does not fit in L2 at n = 1024: with KC = 256 that
 * traffic held SGEMM n = 1024 to 82% (1 thread) and 78% (2 threads) of the FMA peak on Zen 4, with 1024 to 92% and
 * 88-91% (bench/run.sh W5 with fma_peak512 in the same run); the tile loop keeps up with B and A coming from L2.
 * Threads split the column panels: each thread packs its own part of B and every element of C is computed by the
 * same FMA sequence whatever the thread count, so results are bit-identical for 1 and 2 threads.
 */
final class DoubleGemm implements ParallelFor.RangeTask {
    static final int KC = 1024;
    static final int MC = 96;
    private static final int MR = DoubleKernel.MR;
    /**
     * Elements between packed B panels beyond their {@code nr*kc}: one 64-byte line, so that the panels do not start
     * at multiples of 4 KiB and the row-by-row packing does not write to one cache set.
     */
    private static final int PAD = 16;

    private final DoubleKernel kernel;
    private final int nr;
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);
    private double[] a;
    private double[] b;
    private double[] c;
    private int rsA;
    private int csA;
    private int rsB;
    private int csB;
    private int m;
    private int n;
    private int k;

    DoubleGemm(DoubleKernel kernel) {
        this.kernel = kernel;
        this.nr = kernel.nr();
    }

    /** Packing buffers of one thread, grown on demand and then reused. */
    private static final class Buffers {
        double[] packedA = new double[0];
        double[] packedB = new double[0];
        double[] tile = new double[0];
    }

    /** Computes {@code c = A·B} (m×n) with the strides described in the class comment. */
    void multiply(ParallelFor parallel, boolean useThreads, double[] a, int rsA, int csA, double[] b, int rsB, int csB,
            double[] c, int m, int n, int k) {
        this.a = a;
        this.rsA = rsA;
        this.csA = csA;
        this.b = b;
        this.rsB = rsB;
        this.csB = csB;
        this.c = c;
        this.m = m;
        this.n = n;
        this.k = k;
        if (k == 0) {
            java.util.Arrays.fill(c, 0, m * n, 0d);
            return;
        }
        parallel.run(this, (n + nr - 1) / nr, useThreads);
    }

    /** Computes the columns of panels {@code [from, to)}. */
    @Override
    public void run(int from, int to) {
        Buffers w = buffers.get();
        final int j0 = from * nr;
        final int j1 = Math.min(n, to * nr);
        final int panels = to - from;
        if (w.packedB.length < panels * (nr * KC + PAD)) {
            w.packedB = new double[panels * (nr * KC + PAD)];
        }
        if (w.packedA.length < MC * KC) {
            w.packedA = new double[MC * KC];
            w.tile = new double[MR * nr];
        }
        for (int pc = 0; pc < k; pc += KC) {
            final int kc = Math.min(KC, k - pc);
            packB(w, pc, kc, j0, j1, panels);
            for (int ic = 0; ic < m; ic += MC) {
                final int mc = Math.min(MC, m - ic);
                packA(w, ic, mc, pc, kc);
                for (int jp = 0; jp < panels; jp++) {
                    final int j = j0 + jp * nr;
                    final int cols = Math.min(nr, j1 - j);
                    final int bo = jp * (nr * kc + PAD);
                    for (int ir = 0; ir < mc; ir += MR) {
                        final int rows = Math.min(MR, mc - ir);
                        final int co = (ic + ir) * n + j;
                        if (rows == MR && cols == nr) {
                            kernel.tile(w.packedA, ir * kc, w.packedB, bo, kc, c, co, n, pc > 0);
                        } else if (rows == MR / 2 && cols == nr) {
                            kernel.halfTile(w.packedA, ir * kc, w.packedB, bo, kc, c, co, n, pc > 0);
                        } else {
                            edgeTile(w, ir * kc, bo, kc, co, rows, cols, pc > 0);
                        }
                    }
                }
            }
        }
    }

    private void edgeTile(Buffers w, int ao, int bo, int kc, int co, int rows, int cols, boolean accumulate) {
        final double[] t = w.tile;
        if (accumulate) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, co + r * n, t, r * nr, cols);
            }
        }
        if (rows <= MR / 2) {
            kernel.halfTile(w.packedA, ao, w.packedB, bo, kc, t, 0, nr, accumulate);
        } else {
            kernel.tile(w.packedA, ao, w.packedB, bo, kc, t, 0, nr, accumulate);
        }
        for (int r = 0; r < rows; r++) {
            System.arraycopy(t, r * nr, c, co + r * n, cols);
        }
    }

    /** Packs B(pc..pc+kc, j0..j1) into panels of nr columns: {@code packed[panel][p][jj]}, zero-padded. */
    private void packB(Buffers w, int pc, int kc, int j0, int j1, int panels) {
        final double[] packed = w.packedB;
        final double[] b = this.b;
        if (csB == 1) {
            // row by row: each row of B is read once, in storage order (the hardware prefetcher follows it)
            for (int p = 0; p < kc; p++) {
                final int row = (pc + p) * rsB;
                for (int jp = 0; jp < panels; jp++) {
                    final int j = j0 + jp * nr;
                    final int cols = Math.min(nr, j1 - j);
                    final int dst = jp * (nr * kc + PAD) + p * nr;
                    System.arraycopy(b, row + j, packed, dst, cols);
                    for (int jj = cols; jj < nr; jj++) {
                        packed[dst + jj] = 0;
                    }
                }
            }
            return;
        }
        for (int jp = 0; jp < panels; jp++) {
            final int j = j0 + jp * nr;
            final int cols = Math.min(nr, j1 - j);
            final int base = jp * (nr * kc + PAD);
            {
                for (int jj = 0; jj < nr; jj++) {
                    if (jj < cols) {
                        final int src = (j + jj) * csB + pc * rsB;
                        for (int p = 0; p < kc; p++) {
                            packed[base + p * nr + jj] = b[src + p * rsB];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            packed[base + p * nr + jj] = 0;
                        }
                    }
                }
            }
        }
    }

    /** Packs A(ic..ic+mc, pc..pc+kc) into micro-panels of MR rows: {@code packed[panel][p][r]}, zero-padded. */
    private void packA(Buffers w, int ic, int mc, int pc, int kc) {
        final double[] packed = w.packedA;
        final double[] a = this.a;
        for (int ir = 0; ir < mc; ir += MR) {
            final int rows = Math.min(MR, mc - ir);
            final int base = ir * kc;
            if (csA == 1) {
                for (int r = 0; r < MR; r++) {
                    if (r < rows) {
                        final int src = (ic + ir + r) * rsA + pc;
                        for (int p = 0; p < kc; p++) {
                            packed[base + p * MR + r] = a[src + p];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            packed[base + p * MR + r] = 0;
                        }
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    final int src = (pc + p) * csA + (ic + ir) * rsA;
                    final int dst = base + p * MR;
                    for (int r = 0; r < MR; r++) {
                        packed[dst + r] = r < rows ? a[src + r * rsA] : 0;
                    }
                }
            }
        }
    }
}

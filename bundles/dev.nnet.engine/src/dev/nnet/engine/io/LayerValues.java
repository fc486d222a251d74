package dev.nnet.engine.io;

import dev.nnet.engine.matrix.Matrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The values of one parameter or state array of a layer as read from a model file, one entry per row: either the
 * numbers (small arrays) or where a layer's weights or bias are in the file ({@link DeferredNumbers}), read only
 * once the network exists, straight into its matrices and in file order.
 */
final class LayerValues {
    private final double[][] rows;
    private final DeferredNumbers[] deferred;
    private final String[] where;

    LayerValues(int rows) {
        this.rows = new double[rows][];
        this.deferred = new DeferredNumbers[rows];
        this.where = new String[rows];
    }

    /** @return one row of numbers */
    static LayerValues of(double[] row) {
        LayerValues v = new LayerValues(1);
        v.rows[0] = row;
        return v;
    }

    void set(int row, double[] values) {
        rows[row] = values;
    }

    void defer(int row, DeferredNumbers numbers, String what) {
        deferred[row] = numbers;
        where[row] = what;
    }

    /** @return the numbers of a row (null when deferred) */
    double[] row(int row) {
        return rows[row];
    }

    /** Rows to read into matrices once they exist. */
    static final class Pending {
        private record Read(DeferredNumbers numbers, Matrix target, int at, String where) {
        }

        private final List<Read> reads = new ArrayList<>();

        /** Sets the rows held and records the deferred ones of {@code values} for {@code target}. */
        void assign(LayerValues values, Matrix target) {
            for (int r = 0; r < values.rows.length; r++) {
                if (values.deferred[r] != null) {
                    reads.add(new Read(values.deferred[r], target, r * target.cols(), values.where[r]));
                } else {
                    for (int c = 0; c < values.rows[r].length; c++) {
                        target.set(r, c, values.rows[r][c]);
                    }
                }
            }
        }

        /** Reads every deferred row, in file order. */
        void readAll(ByteInput in) throws ModelFormatException {
            reads.sort(Comparator.comparingLong(r -> r.numbers.offset()));
            for (Read r : reads) {
                r.numbers.readInto(in, r.target, r.at, r.where);
            }
        }
    }
}

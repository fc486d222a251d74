package dev.nnet.engine.io;

import dev.nnet.engine.matrix.DoubleMatrix;
import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.AbstractList;

/**
 * A row of a layer's weights, its bias or a row of an optimizer's state in a checkpoint as the parser met it: only where it starts and how many numbers it holds
 * (their grammar checked). Once the network is built, {@link #readInto} reads the numbers a second time, straight
 * into the layer's matrix: no text, no boxed value and no intermediate array per number. The items themselves are
 * not available ({@link #get} throws): the model reader reads such an array only through {@link #readInto}.
 */
final class DeferredNumbers extends AbstractList<JsonValue> {
    private final long offset;
    private final int line;
    private final long lineStart;
    private final int size;

    private DeferredNumbers(long offset, int line, long lineStart, int size) {
        this.offset = offset;
        this.line = line;
        this.lineStart = lineStart;
        this.size = size;
    }

    /**
     * @param in  positioned at the array's first number
     * @param end reads what follows an item
     * @return the array, the input after its closing ']'
     * @throws ModelFormatException for a malformed number or an item that is not a number, located
     */
    static DeferredNumbers scan(ByteInput in, JsonParser.ItemEnd end) throws ModelFormatException {
        long offset = in.offset();
        int line = in.line();
        long lineStart = in.lineStart();
        int n = 0;
        do {
            int c = in.peek();
            if (c != '-' && (c < '0' || c > '9')) {
                throw c < 0 ? in.endOfFile("a number") : in.error("expected a number: the weights and biases of a"
                        + " layer and the rows of an optimizer's state hold only numbers");
            }
            in.scanNumber();
            n++;
        } while (!end.atEnd());
        return new DeferredNumbers(offset, line, lineStart, n);
    }

    long offset() {
        return offset;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public JsonValue get(int index) {
        throw new UnsupportedOperationException("the numbers of a layer's weights are read with readInto");
    }

    /**
     * Reads the numbers again from the same input into {@code target} from element {@code at} on, parsed exactly
     * like {@link Float#parseFloat} or {@link Double#parseDouble} in the target's precision.
     *
     * @throws ModelFormatException for a number out of the precision's range, or when the file changed since it
     *         was parsed
     */
    void readInto(ByteInput in, Matrix target, int at, String where) throws ModelFormatException {
        read(in, target instanceof FloatMatrix ? ((FloatMatrix) target).data() : null,
                target instanceof DoubleMatrix ? ((DoubleMatrix) target).data() : null, at, target.precision(), where);
    }

    /**
     * Reads the numbers again from the same input as doubles (an optimizer's state in a checkpoint).
     *
     * @return them, parsed exactly like {@link Double#parseDouble}
     */
    double[] readDoubles(ByteInput in, String where) throws ModelFormatException {
        double[] out = new double[size];
        read(in, null, out, 0, Precision.FLOAT64, where);
        return out;
    }

    private void read(ByteInput in, float[] floats, double[] doubles, int at, Precision precision, String where)
            throws ModelFormatException {
        in.seek(offset, line, lineStart);
        for (int i = 0; i < size; i++) {
            int c = in.peek();
            if (c != '-' && (c < '0' || c > '9')) {
                throw changed(in);
            }
            int l = in.line();
            int col = in.column();
            in.scanNumber();
            double v;
            if (floats != null) {
                float f = JsonDecimal.toFloat(in.number, in.numberLength);
                floats[at + i] = f;
                v = f;
            } else {
                v = JsonDecimal.toDouble(in.number, in.numberLength);
                doubles[at + i] = v;
            }
            if (!Double.isFinite(v)) {
                throw new ModelFormatException(in.file(), l, col, where + ": number " + in.numberText()
                        + " is out of range for " + precision.fileName());
            }
            in.skipWhitespace();
            if (in.read() != (i + 1 < size ? ',' : ']')) {
                throw changed(in);
            }
            in.skipWhitespace();
        }
    }

    private static ModelFormatException changed(ByteInput in) {
        return in.error("the file changed while it was being read");
    }
}

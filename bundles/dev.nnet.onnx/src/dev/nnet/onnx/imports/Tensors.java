package dev.nnet.onnx.imports;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads the values of float and double ONNX tensors (typed fields or little-endian raw data), bounded in size. */
final class Tensors {
    /** Largest tensor imported (elements). */
    static final long MAX_ELEMENTS = 64L << 20;

    private Tensors() {
    }

    /**
     * @param t a tensor
     * @return its element count
     * @throws IllegalArgumentException for negative or too many elements
     */
    static int size(TensorProto t) {
        long n = 1;
        for (long d : t.getDimsList()) {
            if (d < 0 || d > MAX_ELEMENTS) {
                throw new IllegalArgumentException("tensor '" + t.getName() + "' has dimension " + d);
            }
            n *= d;
            if (n > MAX_ELEMENTS) {
                throw new IllegalArgumentException("tensor '" + t.getName() + "' has more than " + MAX_ELEMENTS + " elements");
            }
        }
        return (int) n;
    }

    /**
     * @param t a FLOAT or DOUBLE tensor
     * @return its values in row-major order
     * @throws IllegalArgumentException for another element type, external data or a length mismatch
     */
    static double[] values(TensorProto t) {
        double[] v = read(t);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("tensor '" + t.getName() + "' has the non-finite value " + v[i]
                        + " at index " + i);
            }
        }
        return v;
    }

    /**
     * @param t an INT64 tensor
     * @return its values
     * @throws IllegalArgumentException for another element type or a length mismatch
     */
    static long[] longs(TensorProto t) {
        int n = size(t);
        if (t.getDataType() != TensorProto.DataType.INT64_VALUE) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' has element type "
                    + TensorProto.DataType.forNumber(t.getDataType()) + ", expected INT64");
        }
        long[] v = new long[n];
        if (!t.getRawData().isEmpty()) {
            if (t.getRawData().size() != (long) n * 8) {
                throw new IllegalArgumentException("tensor '" + t.getName() + "' has " + t.getRawData().size()
                        + " bytes of data for " + n + " elements");
            }
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(v);
            return v;
        }
        if (t.getInt64DataCount() != n) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' has " + t.getInt64DataCount()
                    + " values for " + n + " elements");
        }
        for (int i = 0; i < n; i++) {
            v[i] = t.getInt64Data(i);
        }
        return v;
    }

    private static double[] read(TensorProto t) {
        int n = size(t);
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' is stored in an external file, which NNet"
                    + " does not read (export with the weights inside the model)");
        }
        boolean dbl = t.getDataType() == TensorProto.DataType.DOUBLE_VALUE;
        if (!dbl && t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' has element type "
                    + TensorProto.DataType.forNumber(t.getDataType()) + ", NNet imports FLOAT and DOUBLE");
        }
        if (!t.getRawData().isEmpty()) {
            int width = dbl ? 8 : 4;
            if (t.getRawData().size() != (long) n * width) {
                throw new IllegalArgumentException("tensor '" + t.getName() + "' has " + t.getRawData().size()
                        + " bytes of data for " + n + " elements");
            }
            double[] v = new double[n];
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                v[i] = dbl ? b.getDouble() : b.getFloat();
            }
            return v;
        }
        int count = dbl ? t.getDoubleDataCount() : t.getFloatDataCount();
        if (count != n) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' has " + count + " values for " + n
                    + " elements");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = dbl ? t.getDoubleData(i) : t.getFloatData(i);
        }
        return v;
    }
}

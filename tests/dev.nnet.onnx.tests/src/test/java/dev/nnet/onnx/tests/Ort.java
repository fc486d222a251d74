package dev.nnet.onnx.tests;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.Map;

/** Runs an ONNX model in ONNX Runtime for Java on a batch of feature vectors. */
final class Ort {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private Ort() {
    }

    /**
     * @param model the ONNX file's bytes
     * @param input the graph input's name
     * @param x one row per sample
     * @param dbl feed DOUBLE (float64 models) instead of FLOAT
     * @return every output by name: float[][] or double[][] tensors as double[][], long[] and String[] as they are
     */
    static Map<String, Object> run(byte[] model, String input, double[][] x, boolean dbl) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = ENV.createSession(model, options);
                OnnxTensor tensor = dbl ? OnnxTensor.createTensor(ENV, x) : OnnxTensor.createTensor(ENV, toFloat(x));
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            return outputs(result);
        }
    }

    /** @return every output by name: float[][] as double[][], the others as ONNX Runtime gives them */
    private static Map<String, Object> outputs(OrtSession.Result result) throws OrtException {
        Map<String, Object> out = new HashMap<>();
        for (Map.Entry<String, OnnxValue> e : result) {
            Object v = e.getValue().getValue();
            out.put(e.getKey(), v instanceof float[][] f ? toDouble(f) : v);
        }
        return out;
    }

    /**
     * @param model the ONNX file's bytes
     * @param input the graph input's name
     * @param x one row per sample, each the sample's values in NCHW order
     * @param sample the shape of one sample ({@code C, H, W} for images)
     * @param dbl feed DOUBLE instead of FLOAT
     * @return every output by name, as {@link #run(byte[], String, double[][], boolean)}
     */
    static Map<String, Object> run(byte[] model, String input, double[][] x, long[] sample, boolean dbl)
            throws OrtException {
        long[] shape = new long[sample.length + 1];
        shape[0] = x.length;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        int width = x.length == 0 ? 0 : x[0].length;
        double[] flat = new double[x.length * width];
        for (int r = 0; r < x.length; r++) {
            System.arraycopy(x[r], 0, flat, r * width, width);
        }
        float[] f = new float[flat.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) flat[i];
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = ENV.createSession(model, options);
                OnnxTensor tensor = dbl ? OnnxTensor.createTensor(ENV, java.nio.DoubleBuffer.wrap(flat), shape)
                        : OnnxTensor.createTensor(ENV, java.nio.FloatBuffer.wrap(f), shape);
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            return outputs(result);
        }
    }

    static float[][] toFloat(double[][] x) {
        float[][] f = new float[x.length][];
        for (int r = 0; r < x.length; r++) {
            f[r] = new float[x[r].length];
            for (int c = 0; c < x[r].length; c++) {
                f[r][c] = (float) x[r][c];
            }
        }
        return f;
    }

    static double[][] toDouble(float[][] f) {
        double[][] d = new double[f.length][];
        for (int r = 0; r < f.length; r++) {
            d[r] = new double[f[r].length];
            for (int c = 0; c < f[r].length; c++) {
                d[r][c] = f[r][c];
            }
        }
        return d;
    }

    /** @return the largest absolute difference; fails on a shape mismatch */
    static double maxDiff(double[][] a, double[][] b) {
        if (a.length != b.length) {
            throw new AssertionError(a.length + " rows vs " + b.length);
        }
        double max = 0;
        for (int r = 0; r < a.length; r++) {
            if (a[r].length != b[r].length) {
                throw new AssertionError("row " + r + ": " + a[r].length + " columns vs " + b[r].length);
            }
            for (int c = 0; c < a[r].length; c++) {
                double d = Math.abs(a[r][c] - b[r][c]);
                if (!(d <= max)) {
                    max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                }
            }
        }
        return max;
    }
}

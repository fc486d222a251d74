import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * W8 peer: ONNX Runtime for Java on a model exported by {@code nnet export}. Same protocol as NNet's InferenceBench:
 * warm-up, throughput at batch 256 over at least 1 s, latency at batch 1 (median and 99th percentile of 20,000
 * calls); each call creates its input tensor from a reused direct buffer (ORT wraps a direct buffer without copying
 * it; a heap buffer is copied on every call) and closes its result, reading the output through its buffer rather than
 * as a {@code float[][]} of one array per row: the usual ORT loop, without copies NNet's side does not make either.
 * Usage: {@code java -cp onnxruntime.jar:. OrtBench MODEL.onnx NAME INPUTS [THREADS]}; one JSON line per batch size.
 */
public final class OrtBench {
    public static void main(String[] args) throws Exception {
        String name = args[1];
        int inputs = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        try (OrtSession session = env.createSession(args[0], options)) {
            String input = session.getInputNames().iterator().next();
            SplittableRandom random = new SplittableRandom(1);
            float[] bigData = new float[256 * inputs];
            for (int i = 0; i < bigData.length; i++) {
                bigData[i] = (float) random.nextDouble();
            }
            FloatBuffer big = direct(bigData);
            FloatBuffer one = direct(Arrays.copyOf(bigData, inputs));
            long[] bigShape = {256, inputs};
            long[] oneShape = {1, inputs};
            double sink = 0;
            for (int i = 0; i < 3000; i++) {
                sink += run(env, session, input, big, bigShape) + run(env, session, input, one, oneShape);
            }
            long calls = 0;
            long t0 = System.nanoTime();
            long t;
            do {
                for (int i = 0; i < 100; i++) {
                    sink += run(env, session, input, big, bigShape);
                }
                calls += 100;
                t = System.nanoTime();
            } while (t - t0 < 1_000_000_000L);
            double throughput = 256.0 * calls / ((t - t0) / 1e9);
            long[] lat = new long[20_000];
            for (int i = 0; i < lat.length; i++) {
                long s = System.nanoTime();
                sink += run(env, session, input, one, oneShape);
                lat[i] = System.nanoTime() - s;
            }
            Arrays.sort(lat);
            String version = env.getVersion();
            System.out.printf("{\"system\": \"onnxruntime-java\", \"version\": \"%s\", \"workload\": \"W8_%s_b256\", "
                    + "\"dtype\": \"float32\", \"threads\": %d, \"seconds\": %.9f, \"samples_per_s\": %.1f, "
                    + "\"checksum\": %s}%n", version, name, threads, 256 / throughput, throughput, sink);
            System.out.printf("{\"system\": \"onnxruntime-java\", \"version\": \"%s\", \"workload\": \"W8_%s_b1\", "
                    + "\"dtype\": \"float32\", \"threads\": %d, \"seconds\": %.9f, \"samples_per_s\": %.1f, "
                    + "\"latency_us_median\": %.3f, \"latency_us_p99\": %.3f}%n", version, name, threads,
                    lat[lat.length / 2] / 1e9, 1e9 / lat[lat.length / 2], lat[lat.length / 2] / 1e3,
                    lat[lat.length * 99 / 100] / 1e3);
        }
    }

    private static FloatBuffer direct(float[] data) {
        FloatBuffer b = ByteBuffer.allocateDirect(data.length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        b.put(data).rewind();
        return b;
    }

    private static double run(OrtEnvironment env, OrtSession session, String input, FloatBuffer data, long[] shape)
            throws Exception {
        data.rewind();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, data, shape);
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            return ((OnnxTensor) result.get(0)).getFloatBuffer().get(0);
        }
    }
}

package dev.nnet.bench;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.io.TrainedModel;
import dev.nnet.engine.matrix.Precision;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading a large model file: {@code generate FILE [INPUTS HIDDEN [float32|float64]]} saves a 2-layer MLP
 * (INPUTS-HIDDEN-HIDDEN/2-10, 2048-4096 float32 by default: 16.8 M parameters, about 225 MB of JSON); {@code load FILE} reads it with
 * {@link ModelIO#loadModel} (what {@code nnet predict} does) and prints one JSON line with the time, the peak
 * resident set size (VmHWM) and the size of the weights in memory; {@code floor INPUTS HIDDEN} builds the same
 * network without reading a file and prints its peak resident set size (the network's own weights and gradients).
 */
public final class ModelBench {
    private ModelBench() {
    }

    private static Network network(int inputs, int hidden, Precision precision) {
        return NetworkSpec.builder(inputs).dense("h1", hidden, Activations.relu())
                .dense("h2", hidden / 2, Activations.relu()).dense("out", 10, Activations.softmax()).build()
                .build(precision, 42);
    }

    public static void main(String[] args) throws Exception {
        Path file = args[0].equals("floor") ? null : Path.of(args[1]);
        if (args[0].equals("generate")) {
            int inputs = args.length > 2 ? Integer.parseInt(args[2]) : 2048;
            int hidden = args.length > 3 ? Integer.parseInt(args[3]) : 4096;
            Precision precision = args.length > 4 ? Precision.fromFileName(args[4]) : Precision.FLOAT32;
            ModelIO.save(network(inputs, hidden, precision), file);
            return;
        }
        if (args[0].equals("floor")) {
            // the same network built without reading anything: its own footprint (weights and gradients)
            Network n = network(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Precision.FLOAT32);
            Bench.emit("model_floor", n.precision().fileName(), 1, 0, 0, null, null, null, "parameters",
                    n.parameterCount(), "peak_rss_mb", CsvBench.vmHwmKb() / 1e3);
            return;
        }
        long t0 = System.nanoTime();
        TrainedModel model = ModelIO.loadModel(file);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long rssKb = CsvBench.vmHwmKb();
        Network n = model.network();
        int bytesPerValue = n.precision() == Precision.FLOAT32 ? 4 : 8;
        Bench.emit("model_read", n.precision().fileName(), 1, seconds, seconds, null, null, null, "parameters",
                n.parameterCount(), "file_mb", Files.size(file) / 1e6, "weights_mb",
                (double) n.parameterCount() * bytesPerValue / 1e6, "peak_rss_mb", rssKb / 1e3);
    }
}

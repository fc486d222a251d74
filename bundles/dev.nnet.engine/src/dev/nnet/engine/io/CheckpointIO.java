package dev.nnet.engine.io;

import dev.nnet.engine.Network;
import dev.nnet.engine.optim.Optimizer;
import dev.nnet.engine.train.TrainingState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes training checkpoints: UTF-8 JSON, format {@value #FORMAT} version 1 (docs/model-format.md): the
 * model (weights, as a model file), the optimizer's name, step count and buffers, the epoch and batch to continue
 * at, the shuffling stream's state and sample order, and the early-stopping counters. Numbers round-trip exactly,
 * so a resumed training is bit-identical to an uninterrupted one. Saving is atomic like {@link ModelIO#save}.
 */
public final class CheckpointIO {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "nnet-checkpoint";

    /**
     * A loaded checkpoint.
     *
     * @param network the weights
     * @param optimizer the name of the optimizer that wrote the state
     * @param state where the training stands
     */
    public record Checkpoint(Network network, String optimizer, TrainingState state) {
    }

    private CheckpointIO() {
    }

    /**
     * @param network the network, with the weights that belong to {@code state}
     * @param optimizer the optimizer's name
     * @param state the training state
     * @return the checkpoint file content
     */
    public static String toJson(Network network, String optimizer, TrainingState state) {
        JsonOut o = new JsonOut((int) Math.min(Integer.MAX_VALUE - 16, 256 + 36L * network.parameterCount()));
        write(o, network, optimizer, state);
        return o.b.toString();
    }

    private static void write(JsonOut out, Network network, String optimizer, TrainingState state) {
        final StringBuilder b = out.b;
        b.append("{\n  \"format\": \"").append(FORMAT).append("\",\n  \"version\": 1,\n");
        b.append("  \"epoch\": ").append(state.epoch()).append(",\n");
        b.append("  \"in_epoch\": ").append(state.inEpoch()).append(",\n");
        b.append("  \"batch\": ").append(state.batch()).append(",\n");
        b.append("  \"best_held_out_loss\": ").append(Double.isFinite(state.bestHeldOutLoss())
                ? Double.toString(state.bestHeldOutLoss()) : "null").append(",\n");
        b.append("  \"epochs_without_improvement\": ").append(state.epochsWithoutImprovement()).append(",\n");
        b.append("  \"shuffle\": [");
        for (int i = 0; i < state.shuffle().length; i++) {
            b.append(i > 0 ? ", " : "").append(state.shuffle()[i]);
        }
        b.append("],\n  \"order\": [");
        for (int i = 0; i < state.order().length; i++) {
            out.boundary();
            b.append(i > 0 ? ", " : "").append(state.order()[i]);
        }
        Optimizer.State o = state.optimizer();
        b.append("],\n  \"optimizer\": {\"name\": ").append(ModelIO.quote(optimizer)).append(", \"steps\": ")
                .append(o.steps()).append(", \"a\": ");
        buffers(out, o.a());
        b.append(", \"b\": ");
        buffers(out, o.b());
        b.append("},\n  \"model\": ");
        ModelIO.write(out, network, null);
        b.append("\n}\n");
    }

    private static void buffers(JsonOut out, double[][] buffers) {
        final StringBuilder b = out.b;
        if (buffers == null) {
            b.append("null");
            return;
        }
        b.append('[');
        for (int i = 0; i < buffers.length; i++) {
            b.append(i > 0 ? ", " : "").append('[');
            for (int k = 0; k < buffers[i].length; k++) {
                if (!Double.isFinite(buffers[i][k])) {
                    throw new IllegalArgumentException("optimizer state has a non-finite value; it cannot be saved");
                }
                if (k > 0) {
                    b.append(", ");
                    out.boundary();
                }
                b.append(buffers[i][k]);
            }
            b.append(']');
        }
        b.append(']');
    }

    /**
     * Saves atomically (see {@link ModelIO#save}); parent folders are created.
     *
     * @param file the target
     * @param network the weights
     * @param optimizer the optimizer's name
     * @param state the training state
     * @throws IOException when writing fails
     */
    public static void save(Path file, Network network, String optimizer, TrainingState state) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ModelIO.writeAtomically(o -> write(o, network, optimizer, state), file);
    }

    /**
     * @param file a checkpoint file
     * @return its content
     * @throws ModelFormatException naming file, line:column and cause for a missing, corrupt or inconsistent file
     */
    public static Checkpoint load(Path file) throws ModelFormatException {
        return ModelIO.readFile(file, (root, reader) -> new CheckpointReader(reader).read(root));
    }

    /**
     * @param json checkpoint content
     * @param sourceName the name for messages
     * @return the checkpoint
     * @throws ModelFormatException naming line:column and cause
     */
    public static Checkpoint fromJson(String json, String sourceName) throws ModelFormatException {
        return ModelIO.readText(json, sourceName, (root, reader) -> new CheckpointReader(reader).read(root));
    }
}

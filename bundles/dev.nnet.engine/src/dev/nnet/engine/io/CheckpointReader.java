package dev.nnet.engine.io;

import dev.nnet.engine.Network;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.optim.Optimizer;
import dev.nnet.engine.train.TrainingState;

/** Builds a {@link CheckpointIO.Checkpoint} from a parsed document, checking every field (located errors). */
final class CheckpointReader {
    private final ModelReader reader;

    CheckpointReader(ModelReader reader) {
        this.reader = reader;
    }

    CheckpointIO.Checkpoint read(JsonValue root) throws ModelFormatException {
        String where = "checkpoint";
        if (root.kind != JsonValue.Kind.OBJECT) {
            throw reader.error(root, "a checkpoint must be a JSON object, found " + root.describe());
        }
        JsonValue format = reader.field(root, "format", JsonValue.Kind.STRING, where);
        if (!format.text.equals(CheckpointIO.FORMAT)) {
            throw reader.error(format, "not an NNet checkpoint: format is \"" + format.text + "\", expected \""
                    + CheckpointIO.FORMAT + "\"");
        }
        JsonValue version = reader.field(root, "version", JsonValue.Kind.NUMBER, where);
        if (!version.text.equals("1")) {
            throw reader.error(version, "unsupported checkpoint version " + version.text + " (this engine reads 1)");
        }
        reader.onlyFields(root, where, "format", "version", "epoch", "in_epoch", "batch", "best_held_out_loss",
                "epochs_without_improvement", "shuffle", "order", "optimizer", "model");
        Network network = reader.read(reader.field(root, "model", JsonValue.Kind.OBJECT, where), null);
        int epoch = count(root, "epoch", 1, where);
        JsonValue inEpoch = root.fields.get("in_epoch");
        if (inEpoch == null || (inEpoch.kind != JsonValue.Kind.TRUE && inEpoch.kind != JsonValue.Kind.FALSE)) {
            throw reader.error(inEpoch == null ? root : inEpoch, where + ": \"in_epoch\" must be true or false");
        }
        int batch = count(root, "batch", 0, where);
        JsonValue best = root.fields.get("best_held_out_loss");
        double bestLoss = best == null || best.kind == JsonValue.Kind.NULL ? Double.POSITIVE_INFINITY
                : reader.number(best, Precision.FLOAT64, where + ": best_held_out_loss");
        int waited = count(root, "epochs_without_improvement", 0, where);
        JsonValue shuffleValue = reader.field(root, "shuffle", JsonValue.Kind.ARRAY, where);
        if (shuffleValue.items.size() != 6) {
            throw reader.error(shuffleValue, where + ": \"shuffle\" must hold 6 numbers, found " + shuffleValue.items.size());
        }
        long[] shuffle = new long[6];
        for (int i = 0; i < 6; i++) {
            shuffle[i] = longValue(shuffleValue.items.get(i), where + ": shuffle");
        }
        JsonValue orderValue = reader.field(root, "order", JsonValue.Kind.ARRAY, where);
        int[] order = new int[orderValue.items.size()];
        for (int i = 0; i < order.length; i++) {
            long v = longValue(orderValue.items.get(i), where + ": order");
            if (v < 0 || v >= order.length) {
                throw reader.error(orderValue.items.get(i), where + ": order: sample " + v + " is outside [0, "
                        + order.length + ")");
            }
            order[i] = (int) v;
        }
        JsonValue o = reader.field(root, "optimizer", JsonValue.Kind.OBJECT, where);
        String ow = where + ": optimizer";
        reader.onlyFields(o, ow, "name", "steps", "a", "b");
        String name = reader.field(o, "name", JsonValue.Kind.STRING, ow).text;
        int steps = count(o, "steps", 0, ow);
        Optimizer.State state = new Optimizer.State(steps, buffers(o, "a", ow), buffers(o, "b", ow));
        return new CheckpointIO.Checkpoint(network, name,
                new TrainingState(epoch, inEpoch.kind == JsonValue.Kind.TRUE, batch, shuffle, order, state, bestLoss, waited));
    }

    private double[][] buffers(JsonValue o, String name, String where) throws ModelFormatException {
        JsonValue v = o.fields.get(name);
        if (v == null || v.kind == JsonValue.Kind.NULL) {
            return null;
        }
        if (v.kind != JsonValue.Kind.ARRAY) {
            throw reader.error(v, where + ": \"" + name + "\" must be an array or null, found " + v.describe());
        }
        double[][] out = new double[v.items.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonValue row = v.items.get(i);
            if (row.kind != JsonValue.Kind.ARRAY) {
                throw reader.error(row, where + ": \"" + name + "\" item " + (i + 1) + " must be an array");
            }
            if (row.items instanceof DeferredNumbers) {
                out[i] = ((DeferredNumbers) row.items).readDoubles(reader.input(), where + ": " + name);
                continue;
            }
            out[i] = new double[row.items.size()];
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = reader.number(row.items.get(k), Precision.FLOAT64, where + ": " + name);
            }
        }
        return out;
    }

    private int count(JsonValue object, String name, int min, String where) throws ModelFormatException {
        JsonValue v = reader.field(object, name, JsonValue.Kind.NUMBER, where);
        long n = longValue(v, where + ": " + name);
        if (n < min || n > Integer.MAX_VALUE) {
            throw reader.error(v, where + ": \"" + name + "\" must be a whole number >= " + min + ", found " + v.text);
        }
        return (int) n;
    }

    private long longValue(JsonValue v, String where) throws ModelFormatException {
        if (v.kind != JsonValue.Kind.NUMBER) {
            throw reader.error(v, where + ": expected a whole number, found " + v.describe());
        }
        try {
            return Long.parseLong(v.text);
        } catch (NumberFormatException e) {
            throw reader.error(v, where + ": expected a whole number, found " + v.text);
        }
    }
}

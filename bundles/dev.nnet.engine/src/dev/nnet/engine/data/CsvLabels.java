package dev.nnet.engine.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distinct label cells of a CSV in first-seen order, looked up by their UTF-8 bytes (an open-addressing table:
 * no String or boxed key per row); the names are decoded once per distinct label.
 */
final class CsvLabels {
    private byte[][] keys = new byte[16][];
    private int[] ids = new int[16];
    private final List<String> names = new ArrayList<>();

    /**
     * @return the id (first-seen order) of the label {@code b[from, to)}, adding it when new
     */
    int id(byte[] b, int from, int to) {
        int mask = keys.length - 1;
        int slot = hash(b, from, to) & mask;
        while (keys[slot] != null) {
            if (Arrays.equals(keys[slot], 0, keys[slot].length, b, from, to)) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        int id = names.size();
        keys[slot] = Arrays.copyOfRange(b, from, to);
        ids[slot] = id;
        names.add(new String(keys[slot], StandardCharsets.UTF_8));
        if (2 * names.size() > keys.length) {
            grow();
        }
        return id;
    }

    /** @return the id of a label given as text */
    int id(String label) {
        byte[] b = label.getBytes(StandardCharsets.UTF_8);
        return id(b, 0, b.length);
    }

    /** @return the labels in first-seen order (index = id) */
    List<String> names() {
        return names;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldIds = ids;
        keys = new byte[2 * oldKeys.length][];
        ids = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = hash(oldKeys[i], 0, oldKeys[i].length) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                ids[slot] = oldIds[i];
            }
        }
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }
}

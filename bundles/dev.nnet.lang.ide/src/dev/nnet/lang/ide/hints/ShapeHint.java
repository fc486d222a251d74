package dev.nnet.lang.ide.hints;

/**
 * A text shown after a layer or a network's name: its output shape and parameter count.
 *
 * @param offset where the hint goes (the end of the layer, or of the network's name)
 * @param label  e.g. {@code -> 4 · 12 params}
 * @param total  true for the total of a network, false for one layer
 */
public record ShapeHint(int offset, String label, boolean total) {
}

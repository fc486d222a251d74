package dev.nnet.engine.init;

import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.matrix.Matrix;

/** Fills a weight matrix ({@code units} rows × {@code inputs} columns) or bias row with initial values. */
public interface Initializer {
    /** @return a short description, e.g. {@code xavier_uniform} or {@code constant(0.1)} */
    String name();

    /**
     * @param values the matrix to fill
     * @param fanIn number of inputs of the layer
     * @param fanOut number of units of the layer
     * @param random the seeded generator to draw from
     */
    void initialize(Matrix values, int fanIn, int fanOut, SeededRandom random);
}

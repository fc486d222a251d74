package dev.nnet.engine.matrix;

/**
 * Floating point precision of a network's parameters and computations.
 * {@link #FLOAT32} is the default (as in PyTorch); {@link #FLOAT64} is used for gradient checks.
 */
public enum Precision {
    /** 32-bit IEEE floats ({@code float[]} storage). */
    FLOAT32,
    /** 64-bit IEEE doubles ({@code double[]} storage). */
    FLOAT64;

    /** @return the lower-case name used in model files ({@code float32}, {@code float64}) */
    public String fileName() {
        return this == FLOAT32 ? "float32" : "float64";
    }

    /**
     * Parses a name as written by {@link #fileName()}.
     *
     * @param name {@code float32} or {@code float64}
     * @return the precision
     * @throws IllegalArgumentException for any other name
     */
    public static Precision fromFileName(String name) {
        switch (name) {
            case "float32": return FLOAT32;
            case "float64": return FLOAT64;
            default: throw new IllegalArgumentException("unknown precision '" + name + "' (expected float32 or float64)");
        }
    }
}

package dev.nnet.engine.layer;

/** Zero padding of a convolution: none, or enough to keep the spatial size at stride 1 (odd kernels). */
public enum Padding {
    /** No padding. */
    VALID,
    /** {@code (kernel - 1) / 2} zeros on every side. */
    SAME;

    /**
     * @param kernel the kernel size
     * @return the zeros added on each side
     */
    public int pad(int kernel) {
        return this == VALID ? 0 : (kernel - 1) / 2;
    }

    /** @return the name in model files and the language ({@code valid}, {@code same}) */
    public String fileName() {
        return this == VALID ? "valid" : "same";
    }

    /**
     * @param name {@code valid} or {@code same}
     * @return the padding
     * @throws IllegalArgumentException for any other name
     */
    public static Padding fromFileName(String name) {
        switch (name) {
            case "valid": return VALID;
            case "same": return SAME;
            default: throw new IllegalArgumentException("unknown padding \"" + name + "\" (expected \"valid\" or \"same\")");
        }
    }
}

package dev.nnet.engine.layer;

/**
 * The shape of one sample flowing between layers: a vector of {@code n} numbers, or an image of
 * {@code channels × height × width} stored channel-major (NCHW, as PyTorch and ONNX) in one row of a batch.
 *
 * @param channels channels (1 for a vector)
 * @param height height (1 for a vector)
 * @param width width (the length for a vector)
 * @param image true for a C×H×W image, false for a vector
 */
public record Shape(int channels, int height, int width, boolean image) {
    /** Validates the dimensions. */
    public Shape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("shape dimensions must be positive, got " + channels + "x" + height + "x"
                    + width);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + channels + "x" + height + "x" + width + " is too large");
        }
    }

    /**
     * @param n the length, positive
     * @return a vector shape
     */
    public static Shape vector(int n) {
        return new Shape(1, 1, n, false);
    }

    /**
     * @param channels channels
     * @param height height
     * @param width width
     * @return an image shape
     */
    public static Shape image(int channels, int height, int width) {
        return new Shape(channels, height, width, true);
    }

    /** @return the number of values per sample (the columns of a batch) */
    public int size() {
        return channels * height * width;
    }

    /** @return the spatial size {@code height × width} (1 for a vector) */
    public int spatial() {
        return image ? height * width : 1;
    }

    /** @return the number of features that per-feature layers (batch norm) normalise: channels or the length */
    public int features() {
        return image ? channels : width;
    }

    @Override
    public String toString() {
        return image ? channels + "x" + height + "x" + width : Integer.toString(width);
    }
}

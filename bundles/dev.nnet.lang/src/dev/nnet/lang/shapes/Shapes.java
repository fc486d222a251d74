package dev.nnet.lang.shapes;

import dev.nnet.engine.layer.Conv2dSpec;
import dev.nnet.engine.layer.Shape;

/**
 * Null-tolerant helpers on the engine's {@link Shape} (null = unknown) and the one formula of convolution and
 * pooling sizes, floor((in + 2p - k) / s) + 1, that shape inference and the validator share.
 */
public final class Shapes {

	private Shapes() {
	}

	/** @return a vector shape of length {@code n}, null when {@code n} is not positive */
	public static Shape vector(int n) {
		return n > 0 ? Shape.vector(n) : null;
	}

	/** @return an image shape, null when a dimension is not positive or the size overflows */
	public static Shape image(long channels, long height, long width) {
		if (channels <= 0 || height <= 0 || width <= 0 || channels * height * width > Integer.MAX_VALUE) {
			return null;
		}
		return Shape.image((int) channels, (int) height, (int) width);
	}

	/** @return the number of values of a sample, 0 for null */
	public static int size(Shape shape) {
		return shape == null ? 0 : shape.size();
	}

	/** @return true for a C x H x W shape */
	public static boolean isImage(Shape shape) {
		return shape != null && shape.image();
	}

	/**
	 * @param in      the input size along one spatial dimension
	 * @param kernel  the window size
	 * @param stride  the stride (positive)
	 * @param padding the zero padding on each side
	 * @return the output size, floor((in + 2p - k) / s) + 1, or 0 when the window does not fit
	 */
	public static int outputSize(int in, int kernel, int stride, int padding) {
		if (kernel <= 0 || stride <= 0 || in + 2L * padding < kernel) {
			return 0;
		}
		return Conv2dSpec.outputSize(in, kernel, stride, padding);
	}

	/** @return {@code HxW} of an image shape, its length for a vector, "?" for null */
	public static String spatial(Shape shape) {
		if (shape == null) {
			return "?";
		}
		return shape.image() ? shape.height() + "x" + shape.width() : Integer.toString(shape.width());
	}

	/** @return the shape as the language writes it ({@code 8x6x6} or {@code 64}), "?" for null */
	public static String text(Shape shape) {
		return shape == null ? "?" : shape.toString();
	}
}

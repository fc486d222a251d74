package dev.nnet.engine.layer;

import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.Map;

/**
 * Inverted dropout: in training each value is kept with probability {@code 1 - p} and scaled by {@code 1/(1 - p)}
 * (zeroed otherwise), drawing from the layer's own seeded stream; in evaluation and prediction it is the identity.
 */
public final class DropoutLayer extends Layer {
    /** The type name in model files and the language. */
    public static final String TYPE = "dropout";

    private final double p;
    private SeededRandom random;

    /**
     * Buffers with the mask of the last training pass, allocated by the first one; after an evaluation pass (or with
     * {@code p = 0}) the mask is all ones and not kept ({@code masked} false).
     */
    private static final class Buffers extends LayerBuffers {
        private final Precision precision;
        Matrix mask;
        boolean masked;

        Buffers(Precision precision, int rows, int outputs) {
            super(precision, rows, outputs, false);
            this.precision = precision;
        }

        Matrix mask() {
            if (mask == null) {
                mask = Matrix.zeros(precision, y.rows(), y.cols());
            }
            return mask;
        }
    }

    DropoutLayer(String name, Shape shape, double p, long seed) {
        super(name, shape, shape);
        this.p = p;
        this.random = new SeededRandom(seed);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** @return the probability of dropping a value */
    public double probability() {
        return p;
    }

    @Override
    public Map<String, Double> settings() {
        return Map.of("p", p);
    }

    @Override
    public LayerBuffers buffers(Precision precision, int rows) {
        return new Buffers(precision, rows, outputShape().size());
    }

    @Override
    public void forward(Kernels k, Matrix x, LayerBuffers b, boolean training) {
        final Matrix y = b.y;
        final Buffers buf = (Buffers) b;
        final int n = x.size();
        if (!training || p == 0) {
            y.copyFrom(x);
            buf.masked = false;
            return;
        }
        final Matrix mask = buf.mask();
        buf.masked = true;
        final double scale = 1 / (1 - p);
        final SeededRandom r = random;
        for (int i = 0; i < n; i++) {
            final double m = r.nextDouble() < p ? 0 : scale;
            mask.set(i, m);
            y.set(i, x.get(i) * m);
        }
    }

    @Override
    public void backward(Kernels k, Matrix x, LayerBuffers b, Matrix dx) {
        if (dx == null) {
            return;
        }
        final Buffers buf = (Buffers) b;
        final Matrix dy = b.dy();
        final int n = dy.size();
        if (!buf.masked) { // a mask of ones: dy · 1 is dy exactly
            dx.copyFrom(dy);
            return;
        }
        final Matrix mask = buf.mask;
        for (int i = 0; i < n; i++) {
            dx.set(i, dy.get(i) * mask.get(i));
        }
    }

    @Override
    public void reseed(long noiseSeed) {
        random = new SeededRandom(noiseSeed);
    }
}

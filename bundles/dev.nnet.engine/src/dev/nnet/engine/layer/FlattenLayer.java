package dev.nnet.engine.layer;

import dev.nnet.engine.matrix.Matrix;

/** Reinterprets a C×H×W image as a vector of C·H·W values: forward and backward copy the batch unchanged. */
public final class FlattenLayer extends Layer {
    /** The type name in model files and the language. */
    public static final String TYPE = "flatten";

    FlattenLayer(String name, Shape input) {
        super(name, input, Shape.vector(input.size()));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void forward(Kernels k, Matrix x, LayerBuffers b, boolean training) {
        b.y.copyFrom(x);
    }

    @Override
    public void backward(Kernels k, Matrix x, LayerBuffers b, Matrix dx) {
        if (dx != null) {
            dx.copyFrom(b.dy());
        }
    }
}

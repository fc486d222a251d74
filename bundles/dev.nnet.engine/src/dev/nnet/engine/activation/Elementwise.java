package dev.nnet.engine.activation;

import dev.nnet.engine.matrix.FloatMatrix;
import dev.nnet.engine.matrix.Matrix;

/** The parameterless element-wise activations. */
final class Elementwise {
    private Elementwise() {
    }

    static final Activation IDENTITY = new Activation("identity") {
        @Override
        public double value(double z) {
            return z;
        }

        @Override
        public double derivative(double z, double y) {
            return 1;
        }
    };

    static final Activation SIGN = new Activation("sign") {
        @Override
        public boolean isDifferentiable() {
            return false;
        }

        /** sign(0) = +1, as in the perceptron and docs/language.md; NaN stays NaN */
        @Override
        public double value(double z) {
            return z < 0 ? -1 : z >= 0 ? 1 : z;
        }

        @Override
        public double derivative(double z, double y) {
            requireDifferentiable();
            return 0;
        }
    };

    static final Activation SIGMOID = new Activation("sigmoid") {
        @Override
        public double value(double z) {
            return sigmoid(z);
        }

        @Override
        public double derivative(double z, double y) {
            double s = sigmoid(z);
            return s * (1 - s);
        }

        /** {@code dz = dy · y (1 - y)} from the stored output (no second exp). */
        @Override
        public void backward(Matrix z, Matrix y, Matrix dy, Matrix dz) {
            if (y instanceof FloatMatrix && dy instanceof FloatMatrix && dz instanceof FloatMatrix) {
                final float[] yv = ((FloatMatrix) y).data();
                final float[] g = ((FloatMatrix) dy).data();
                final float[] out = ((FloatMatrix) dz).data();
                for (int i = 0; i < yv.length; i++) {
                    out[i] = (float) (g[i] * (yv[i] * (1.0 - yv[i])));
                }
            } else {
                super.backward(z, y, dy, dz);
            }
        }
    };

    static final Activation TANH = new Activation("tanh") {
        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z, double y) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }

        /** Float32 through {@link FloatFunctions#tanh(float[], int, float[], int)}, as the dense layers do. */
        @Override
        public void forward(Matrix z, Matrix y) {
            if (z instanceof FloatMatrix && y instanceof FloatMatrix) {
                FloatFunctions.tanh(((FloatMatrix) z).data(), 0, ((FloatMatrix) y).data(), z.size());
            } else {
                super.forward(z, y);
            }
        }
    };

    static final Activation RELU = new Activation("relu") {
        @Override
        public double value(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        public double derivative(double z, double y) {
            return z > 0 ? 1 : 0;
        }
    };

    static final Activation ABS = new Activation("abs") {
        @Override
        public double value(double z) {
            return Math.abs(z);
        }

        @Override
        public double derivative(double z, double y) {
            return Math.signum(z);
        }
    };

    static final Activation SOFTPLUS = new Activation("softplus") {
        @Override
        public double value(double z) {
            return softplus(z);
        }

        @Override
        public double derivative(double z, double y) {
            return sigmoid(z);
        }
    };

    /**
     * @param z any value
     * @return logistic sigmoid, stable for large |z|
     */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /**
     * @param z any value
     * @return {@code log(1 + e^z)}, stable for large |z|
     */
    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}

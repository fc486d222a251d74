package dev.nnet.engine.init;

import dev.nnet.engine.SeededRandom;
import dev.nnet.engine.matrix.Matrix;

/**
 * Built-in initializers with PyTorch's formulas ({@code torch.nn.init}). Xavier/Glorot uses gain 1;
 * He/Kaiming uses fan-in mode and the ReLU gain {@code sqrt(2)}.
 */
public final class Initializers {
    private Initializers() {
    }

    /** @return all zeros (the default for biases; the perceptron's weights) */
    public static Initializer zeros() {
        return constant(0);
    }

    /**
     * @param value the value
     * @return every element set to {@code value}
     */
    public static Initializer constant(double value) {
        return new Uniform("constant(" + value + ")", value, value) {
            @Override
            public void initialize(Matrix values, int fanIn, int fanOut, SeededRandom random) {
                values.fill(value);
            }
        };
    }

    /**
     * @param low lower bound
     * @param high upper bound
     * @return U(low, high)
     */
    public static Initializer uniform(double low, double high) {
        return new Uniform("uniform(" + low + ", " + high + ")", low, high);
    }

    /**
     * @param mean mean
     * @param std standard deviation
     * @return N(mean, std²)
     */
    public static Initializer normal(double mean, double std) {
        return new Normal("normal(" + mean + ", " + std + ")", mean, std);
    }

    /** @return Glorot uniform: U(-a, a), {@code a = sqrt(6 / (fanIn + fanOut))} */
    public static Initializer xavierUniform() {
        return new Scaled("xavier_uniform", true) {
            @Override
            double scale(int fanIn, int fanOut) {
                return Math.sqrt(6.0 / (fanIn + fanOut));
            }
        };
    }

    /** @return Glorot normal: N(0, std²), {@code std = sqrt(2 / (fanIn + fanOut))} */
    public static Initializer xavierNormal() {
        return new Scaled("xavier_normal", false) {
            @Override
            double scale(int fanIn, int fanOut) {
                return Math.sqrt(2.0 / (fanIn + fanOut));
            }
        };
    }

    /** @return He uniform: U(-a, a), {@code a = sqrt(6 / fanIn)} */
    public static Initializer heUniform() {
        return new Scaled("he_uniform", true) {
            @Override
            double scale(int fanIn, int fanOut) {
                return Math.sqrt(6.0 / fanIn);
            }
        };
    }

    /** @return He normal: N(0, std²), {@code std = sqrt(2 / fanIn)} */
    public static Initializer heNormal() {
        return new Scaled("he_normal", false) {
            @Override
            double scale(int fanIn, int fanOut) {
                return Math.sqrt(2.0 / fanIn);
            }
        };
    }

    private static class Uniform implements Initializer {
        private final String name;
        private final double low;
        private final double high;

        Uniform(String name, double low, double high) {
            if (!(low <= high)) {
                throw new IllegalArgumentException("uniform bounds must satisfy low <= high, got " + low + ", " + high);
            }
            this.name = name;
            this.low = low;
            this.high = high;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void initialize(Matrix values, int fanIn, int fanOut, SeededRandom random) {
            int n = values.size();
            for (int i = 0; i < n; i++) {
                values.set(i, low + (high - low) * random.nextDouble());
            }
        }
    }

    private static class Normal implements Initializer {
        private final String name;
        private final double mean;
        private final double std;

        Normal(String name, double mean, double std) {
            if (!(std >= 0)) {
                throw new IllegalArgumentException("normal std must be >= 0, got " + std);
            }
            this.name = name;
            this.mean = mean;
            this.std = std;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void initialize(Matrix values, int fanIn, int fanOut, SeededRandom random) {
            int n = values.size();
            for (int i = 0; i < n; i++) {
                values.set(i, mean + std * random.nextGaussian());
            }
        }
    }

    private abstract static class Scaled implements Initializer {
        private final String name;
        private final boolean uniform;

        Scaled(String name, boolean uniform) {
            this.name = name;
            this.uniform = uniform;
        }

        abstract double scale(int fanIn, int fanOut);

        @Override
        public String name() {
            return name;
        }

        @Override
        public void initialize(Matrix values, int fanIn, int fanOut, SeededRandom random) {
            double s = scale(fanIn, fanOut);
            int n = values.size();
            for (int i = 0; i < n; i++) {
                values.set(i, uniform ? s * (2 * random.nextDouble() - 1) : s * random.nextGaussian());
            }
        }
    }
}

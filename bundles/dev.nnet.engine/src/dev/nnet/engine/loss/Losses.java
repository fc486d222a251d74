package dev.nnet.engine.loss;

/**
 * The built-in losses. All are means over the batch; the element-wise ones (MSE, BCE, hinge, perceptron)
 * are means over samples and outputs, like PyTorch's {@code MSELoss} and {@code BCEWithLogitsLoss}.
 */
public final class Losses {
    private Losses() {
    }

    /**
     * Softmax cross-entropy, fused and log-sum-exp stable (PyTorch {@code CrossEntropyLoss} on logits):
     * {@code mean_rows sum_j t_j (logsumexp(z) - z_j)}. The output layer must use {@code softmax}
     * (its pre-activations are the logits) or {@code identity}; targets are class probabilities (one-hot).
     * Gradient {@code dL/dz = (softmax(z) sum_j t_j - t) / rows}.
     *
     * @return the loss
     */
    public static Loss softmaxCrossEntropy() {
        return SoftmaxCrossEntropy.INSTANCE;
    }

    /**
     * Binary cross-entropy on the sigmoid output, fused and stable (PyTorch {@code BCEWithLogitsLoss}):
     * {@code max(z,0) - z t + log(1 + e^-|z|)}, mean over samples and outputs; targets in [0, 1].
     * The output layer must use {@code sigmoid} or {@code identity}. One output is correct when
     * {@code (z >= 0) == (t >= 0.5)}.
     *
     * @return the loss
     */
    public static Loss binaryCrossEntropy() {
        return BinaryCrossEntropy.INSTANCE;
    }

    /**
     * Mean squared error {@code (y - t)²}, mean over samples and outputs (PyTorch {@code MSELoss}).
     * One output is counted correct when {@code |y - t| < 0.5}.
     *
     * @return the loss
     */
    public static Loss meanSquaredError() {
        return MSE;
    }

    /**
     * Perceptron loss {@code max(0, -t y)} with targets ±1, mean over samples and outputs; a sample with
     * {@code t y <= 0} counts as misclassified (gradient {@code -t}), as in Rosenblatt's rule.
     * One output is correct when {@code (y > 0) == (t > 0)}.
     *
     * @return the loss
     */
    public static Loss perceptron() {
        return PERCEPTRON;
    }

    /**
     * Hinge loss {@code max(0, 1 - t y)} with targets ±1, mean over samples and outputs.
     * One output is correct when {@code (y > 0) == (t > 0)}.
     *
     * @return the loss
     */
    public static Loss hinge() {
        return HINGE;
    }

    /**
     * @param name {@code cross_entropy} (or {@code softmax_cross_entropy}), {@code binary_cross_entropy},
     *        {@code mse}, {@code perceptron}, {@code hinge}
     * @return the loss
     * @throws IllegalArgumentException for an unknown name
     */
    public static Loss byName(String name) {
        switch (name) {
            case "cross_entropy":
            case "softmax_cross_entropy": return softmaxCrossEntropy();
            case "binary_cross_entropy": return binaryCrossEntropy();
            case "mse": return meanSquaredError();
            case "perceptron": return perceptron();
            case "hinge": return hinge();
            default:
                throw new IllegalArgumentException("unknown loss '" + name
                        + "' (expected cross_entropy, binary_cross_entropy, mse, perceptron or hinge)");
        }
    }

    private static final Loss MSE = new ElementwiseLoss("mse") {
        @Override
        double elementLoss(double y, double t) {
            double d = y - t;
            return d * d;
        }

        @Override
        double elementGradient(double y, double t) {
            return 2 * (y - t);
        }

        @Override
        protected boolean isCorrectSingle(double z, double y, double target) {
            return Math.abs(y - target) < 0.5;
        }
    };

    private static final Loss PERCEPTRON = new ElementwiseLoss("perceptron") {
        @Override
        double elementLoss(double y, double t) {
            return Math.max(0, -t * y);
        }

        @Override
        double elementGradient(double y, double t) {
            return t * y <= 0 ? -t : 0;
        }

        @Override
        protected boolean isCorrectSingle(double z, double y, double target) {
            return (y > 0) == (target > 0);
        }
    };

    private static final Loss HINGE = new ElementwiseLoss("hinge") {
        @Override
        double elementLoss(double y, double t) {
            return Math.max(0, 1 - t * y);
        }

        @Override
        double elementGradient(double y, double t) {
            return t * y < 1 ? -t : 0;
        }

        @Override
        protected boolean isCorrectSingle(double z, double y, double target) {
            return (y > 0) == (target > 0);
        }
    };
}

package dev.nnet.engine.loss;

/**
 * The one table of which loss trains which output layer, and of which weight initializer fits an activation.
 * The language's validator, quick fixes and default loss, the generated code and the engine's losses all ask this
 * class; activations and losses are named as in the DSL ({@code softmax}, {@code cross_entropy}, ...).
 * <p>
 * Rows (loss: the output it is made for):
 * <ul>
 * <li>{@code cross_entropy}: {@code softmax} with at least 2 units (one per class);</li>
 * <li>{@code binary_cross_entropy}: {@code sigmoid} (one unit, or one per independent label);</li>
 * <li>{@code perceptron}: a single layer of one {@code sign} unit;</li>
 * <li>{@code mse}: any differentiable output, softmax only with a warning ({@link Problem#MSE_ON_SOFTMAX});</li>
 * <li>{@code hinge}: any differentiable output.</li>
 * </ul>
 * A network that declares no loss gets the row whose output it has ({@link #defaultLoss}); the perceptron loss is
 * never a default, it must be written. The engine also takes {@code identity} outputs as logits for the two fused
 * losses ({@link #engineProblem}): API users who want the raw scores; the language asks for the activation.
 */
public final class LossRules {

    private LossRules() {
    }

    /** A mismatch between a loss and the output layer it trains, as the language reports it. */
    public enum Problem {
        /** The pair is fine. */
        NONE,
        /** cross_entropy on one sigmoid unit: binary_cross_entropy is meant (an error). */
        CROSS_ENTROPY_WITH_SIGMOID,
        /** cross_entropy on an output that is not softmax (an error). */
        CROSS_ENTROPY_WITHOUT_SOFTMAX,
        /** binary_cross_entropy on an output that is not sigmoid (an error). */
        BINARY_CROSS_ENTROPY_WITHOUT_SIGMOID,
        /** mse through softmax: trains, but slowly when confidently wrong (a warning). */
        MSE_ON_SOFTMAX,
        /** the perceptron loss on more than one layer or a non-sign output (an error). */
        PERCEPTRON_NEEDS_SIGN,
        /** the perceptron loss on a sign layer of more than one unit (an error). */
        PERCEPTRON_ONE_UNIT
    }

    /**
     * @param activation the output layer's activation
     * @param outputs its units
     * @param layers the network's layer count
     * @return the loss made for this output: cross_entropy for softmax, binary_cross_entropy for one sigmoid
     *         unit, perceptron for a single sign layer, mse otherwise
     */
    public static String matchingLoss(String activation, int outputs, int layers) {
        return switch (activation) {
        case "softmax" -> "cross_entropy";
        case "sigmoid" -> outputs == 1 ? "binary_cross_entropy" : "mse";
        case "sign" -> layers == 1 ? "perceptron" : "mse";
        default -> "mse";
        };
    }

    /**
     * @param activation the output layer's activation
     * @param outputs its units
     * @return the loss of a network that declares none: {@link #matchingLoss}, except that the perceptron loss is
     *         never implied (mse instead)
     */
    public static String defaultLoss(String activation, int outputs) {
        String loss = matchingLoss(activation, outputs, 2);
        return loss.equals("perceptron") ? "mse" : loss;
    }

    /**
     * The language's rule for a declared loss.
     *
     * @param loss the declared loss
     * @param activation the output layer's activation
     * @param outputs its units
     * @param layers the network's layer count
     * @return the problem of the pair, {@link Problem#NONE} when it fits
     */
    public static Problem check(String loss, String activation, int outputs, int layers) {
        return switch (loss) {
        case "cross_entropy" -> "sigmoid".equals(activation) && outputs == 1 ? Problem.CROSS_ENTROPY_WITH_SIGMOID
                : "softmax".equals(activation) ? Problem.NONE : Problem.CROSS_ENTROPY_WITHOUT_SOFTMAX;
        case "binary_cross_entropy" -> "sigmoid".equals(activation) ? Problem.NONE
                : Problem.BINARY_CROSS_ENTROPY_WITHOUT_SIGMOID;
        case "mse" -> "softmax".equals(activation) ? Problem.MSE_ON_SOFTMAX : Problem.NONE;
        case "perceptron" -> layers != 1 || !"sign".equals(activation) ? Problem.PERCEPTRON_NEEDS_SIGN
                : outputs != 1 ? Problem.PERCEPTRON_ONE_UNIT : Problem.NONE;
        default -> Problem.NONE;
        };
    }

    /**
     * The engine's rule for its fused losses, which compute on the output's pre-activations: the activation the
     * loss is made for, or {@code identity} (the pre-activations are then the logits); cross_entropy needs two
     * outputs. The element-wise losses (mse, hinge, perceptron) only need a gradient, checked by the loss itself.
     *
     * @param loss the loss
     * @param activation the output layer's activation
     * @param outputs its units
     * @return the message naming the illegal combination, or null when the engine can train it
     */
    public static String engineProblem(String loss, String activation, int outputs) {
        String expected = switch (loss) {
        case "cross_entropy" -> "softmax";
        case "binary_cross_entropy" -> "sigmoid";
        default -> null;
        };
        if (expected == null) {
            return null;
        }
        if (!activation.equals(expected) && !activation.equals("identity")) {
            return "loss '" + loss + "' needs output activation '" + expected + "' (or 'identity' for logits), not '"
                    + activation + "'";
        }
        if (loss.equals("cross_entropy") && outputs < 2) {
            return "loss 'cross_entropy' needs at least 2 output units (one per class), got " + outputs
                    + "; use binary_cross_entropy with one sigmoid output";
        }
        return null;
    }

    /**
     * @param activation an activation
     * @return true for the ReLU family (relu, leaky_relu, elu), whose layers keep their variance with He
     *         initialisation; the others (tanh, sigmoid, identity, ...) with Xavier/Glorot. A layer that names no
     *         initializer gets he_uniform or xavier_uniform ({@code NetworkSpec.defaultWeightInit})
     */
    public static boolean wantsHeInit(String activation) {
        return activation.equals("relu") || activation.equals("leaky_relu") || activation.equals("elu");
    }

    /**
     * @param activation a hidden layer's activation
     * @return the initializer to suggest in place of a symmetric one (zeros, constant): {@code he_normal} for the
     *         ReLU family, {@code xavier_uniform} otherwise
     */
    public static String suggestedWeightInit(String activation) {
        return wantsHeInit(activation) ? "he_normal" : "xavier_uniform";
    }
}

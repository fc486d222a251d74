package dev.nnet.engine.tests.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.loss.LossRules;
import dev.nnet.engine.loss.LossRules.Problem;
import dev.nnet.engine.loss.Losses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The loss/output-activation table that the validator, the quick fixes, the default loss and the engine's losses
 * share: its rows, and that its answers agree with each other over every activation, width and depth.
 */
class LossRulesTest {
    private static final List<String> LOSSES = List.of("cross_entropy", "binary_cross_entropy", "mse", "perceptron",
            "hinge");

    @Test
    void eachOutputHasItsMatchingLoss() {
        assertEquals("cross_entropy", LossRules.matchingLoss("softmax", 3, 2));
        assertEquals("binary_cross_entropy", LossRules.matchingLoss("sigmoid", 1, 2));
        assertEquals("mse", LossRules.matchingLoss("sigmoid", 3, 2), "several sigmoid units: no class rule");
        assertEquals("perceptron", LossRules.matchingLoss("sign", 1, 1));
        assertEquals("mse", LossRules.matchingLoss("sign", 1, 2));
        assertEquals("mse", LossRules.matchingLoss("identity", 1, 2));
        assertEquals("mse", LossRules.matchingLoss("tanh", 4, 3));
    }

    @Test
    void theDefaultLossIsTheMatchingOneButNeverThePerceptron() {
        for (String activation : Activations.NAMES) {
            for (int outputs = 1; outputs <= 3; outputs++) {
                for (int layers = 1; layers <= 3; layers++) {
                    String loss = LossRules.defaultLoss(activation, outputs);
                    assertNotEquals("perceptron", loss);
                    String matching = LossRules.matchingLoss(activation, outputs, layers);
                    assertEquals(matching.equals("perceptron") ? "mse" : matching, loss, activation + " x" + outputs);
                    assertEquals(Problem.NONE, LossRules.check(loss, activation, outputs, layers),
                            "the implied loss " + loss + " must fit its own output " + activation + " x" + outputs);
                }
            }
        }
    }

    @Test
    void theLanguageRejectsTheMismatchedPairs() {
        assertEquals(Problem.CROSS_ENTROPY_WITH_SIGMOID, LossRules.check("cross_entropy", "sigmoid", 1, 2));
        assertEquals(Problem.CROSS_ENTROPY_WITHOUT_SOFTMAX, LossRules.check("cross_entropy", "sigmoid", 3, 2));
        assertEquals(Problem.CROSS_ENTROPY_WITHOUT_SOFTMAX, LossRules.check("cross_entropy", "identity", 3, 2));
        assertEquals(Problem.BINARY_CROSS_ENTROPY_WITHOUT_SIGMOID,
                LossRules.check("binary_cross_entropy", "softmax", 2, 2));
        assertEquals(Problem.NONE, LossRules.check("binary_cross_entropy", "sigmoid", 3, 2), "multi-label");
        assertEquals(Problem.MSE_ON_SOFTMAX, LossRules.check("mse", "softmax", 3, 2));
        assertEquals(Problem.PERCEPTRON_NEEDS_SIGN, LossRules.check("perceptron", "sign", 1, 2));
        assertEquals(Problem.PERCEPTRON_NEEDS_SIGN, LossRules.check("perceptron", "tanh", 1, 1));
        assertEquals(Problem.PERCEPTRON_ONE_UNIT, LossRules.check("perceptron", "sign", 3, 1));
        assertEquals(Problem.NONE, LossRules.check("perceptron", "sign", 1, 1));
        assertEquals(Problem.NONE, LossRules.check("hinge", "tanh", 1, 2));
    }

    @Test
    void whatTheLanguageAcceptsTheEngineTrains() {
        for (String loss : List.of("cross_entropy", "binary_cross_entropy")) {
            for (String activation : Activations.NAMES) {
                for (int outputs = 2; outputs <= 4; outputs++) {
                    if (LossRules.check(loss, activation, outputs, 2) == Problem.NONE) {
                        assertNull(LossRules.engineProblem(loss, activation, outputs), loss + " on " + activation);
                    }
                }
            }
        }
        // the engine alone also takes identity outputs as logits, and refuses one-unit cross_entropy
        assertNull(LossRules.engineProblem("cross_entropy", "identity", 3));
        assertNull(LossRules.engineProblem("binary_cross_entropy", "identity", 1));
        assertTrue(LossRules.engineProblem("cross_entropy", "softmax", 1).contains("at least 2 output units"));
        for (String loss : List.of("mse", "perceptron", "hinge")) {
            assertNull(LossRules.engineProblem(loss, "softmax", 1), loss + ": only needs a gradient");
        }
    }

    @Test
    void theEnginesLossesAskTheTable() {
        for (String name : LOSSES) {
            Loss loss = Losses.byName(name);
            for (String activation : Activations.NAMES) {
                if (!Activations.byName(activation, Map.of()).isDifferentiable()) {
                    continue; // refused by the element-wise losses for want of a gradient, not by the table
                }
                for (int outputs = 1; outputs <= 3; outputs++) {
                    String problem = LossRules.engineProblem(name, activation, outputs);
                    int units = outputs;
                    if (problem == null) {
                        loss.checkCompatible(Activations.byName(activation, Map.of()), units);
                    } else {
                        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                                () -> loss.checkCompatible(Activations.byName(activation, Map.of()), units));
                        assertEquals(problem, e.getMessage());
                    }
                }
            }
        }
    }

    @Test
    void theReluFamilyGetsHeInitTheOthersXavier() {
        for (String activation : Activations.NAMES) {
            boolean he = List.of("relu", "leaky_relu", "elu").contains(activation);
            assertEquals(he, LossRules.wantsHeInit(activation), activation);
            assertEquals(he ? "he_normal" : "xavier_uniform", LossRules.suggestedWeightInit(activation));
            assertEquals(he ? "he_uniform" : "xavier_uniform",
                    NetworkSpec.defaultWeightInit(Activations.byName(activation, Map.of())).name(), activation);
        }
    }
}

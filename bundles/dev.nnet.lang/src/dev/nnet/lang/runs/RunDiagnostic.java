package dev.nnet.lang.runs;

/**
 * Something the engine observed during a run that the user should act on; shown as a warning on the source line
 * of the layer (or the training) that caused it.
 *
 * @param layer   the engine layer name (as in {@code LayerShape.name()}), or null for the training as a whole
 * @param code    a stable identifier: {@code diverged}, {@code vanishingGradient}, {@code explodingGradient},
 *                {@code deadRelu}, {@code notConverged}
 * @param message the numbers and the advice
 */
public record RunDiagnostic(String layer, String code, String message) {
}

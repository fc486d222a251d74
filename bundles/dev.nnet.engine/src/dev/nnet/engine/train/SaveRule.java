package dev.nnet.engine.train;

import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.Network;

/**
 * When a trained model may be written over a model file, and the exit code of a run. A DIVERGED run is never
 * saved (its weights are the broken state, often NaN); neither is a model with a non-finite parameter. A CANCELLED
 * run saves its partial model: the weights are finite and the provenance says CANCELLED. Shared by the command line,
 * the IDE and generated code so that they all apply the same policy.
 */
public final class SaveRule {
    /** Exit code of a finished run. */
    public static final int OK = 0;
    /** Exit code of a DIVERGED run. */
    public static final int DIVERGED = 3;
    /** Exit code of a CANCELLED run (Ctrl-C). */
    public static final int CANCELLED = 130;

    private SaveRule() {
    }

    /**
     * @param status how the training ended
     * @param model the trained model
     * @return null if the model may be saved, else why not (one sentence)
     */
    public static String refusal(TrainingStatus status, Network model) {
        if (status == TrainingStatus.DIVERGED) {
            return "the training diverged";
        }
        for (java.util.List<Parameter> arrays : java.util.List.of(model.parameters(), model.state())) {
            for (Parameter p : arrays) {
                if (!p.value().isFinite()) {
                    return "layer '" + p.layer() + "' has a non-finite parameter";
                }
            }
        }
        return null;
    }

    /**
     * @param status how the training ended
     * @return {@link #OK}, {@link #DIVERGED} or {@link #CANCELLED}
     */
    public static int exitCode(TrainingStatus status) {
        return status == TrainingStatus.DIVERGED ? DIVERGED : status == TrainingStatus.CANCELLED ? CANCELLED : OK;
    }
}

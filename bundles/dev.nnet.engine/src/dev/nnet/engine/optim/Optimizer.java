package dev.nnet.engine.optim;

import dev.nnet.engine.Network;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.matrix.Matrix;
import java.util.List;

/**
 * Updates a network's parameters from the gradients of the last {@link Network#computeGradients} call,
 * with PyTorch's formulas. Parameters are visited in the order of {@link Network#parameters()} (layer 1 weights,
 * layer 1 bias, layer 2 weights, ...);
 * per-parameter state is allocated on the first step and kept until {@link #reset()}.
 * Optional L2 weight decay is PyTorch style: {@code g += weightDecay * p} before the update (on all parameters).
 */
public abstract class Optimizer {
    private final String name;
    private double learningRate;
    private final double weightDecay;
    private int steps;
    private double[][] stateA;
    private double[][] stateB;

    /**
     * @param name the name (e.g. {@code adam})
     * @param learningRate initial learning rate, positive
     * @param weightDecay L2 coefficient, zero or positive
     */
    protected Optimizer(String name, double learningRate, double weightDecay) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException(name + ": learning rate must be a positive number, got " + learningRate);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException(name + ": weight decay must be >= 0, got " + weightDecay);
        }
        this.name = name;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    /** @return the name */
    public final String name() {
        return name;
    }

    /** @return the current learning rate */
    public final double learningRate() {
        return learningRate;
    }

    /**
     * Sets the learning rate (used by schedules between epochs).
     *
     * @param learningRate the new rate, positive
     */
    public final void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    /** @return the L2 weight decay coefficient */
    public final double weightDecay() {
        return weightDecay;
    }

    /** @return number of steps taken since creation or the last reset */
    public final int steps() {
        return steps;
    }

    /**
     * The per-parameter state of an optimizer (for checkpoints).
     *
     * @param steps steps taken
     * @param a first buffer per parameter matrix (in the order of {@code Network.parameters()}), or null before the first step
     * @param b second buffer per parameter matrix, or null before the first step
     */
    public record State(int steps, double[][] a, double[][] b) {
    }

    /** @return a copy of the state: step count and buffers */
    public final State exportState() {
        return new State(steps, copy(stateA), copy(stateB));
    }

    /**
     * Continues from an exported state.
     *
     * @param state a value of {@link #exportState()} of an optimizer of the same kind, for the same network shape
     * @param network the network it will step (sizes are checked)
     * @throws IllegalArgumentException when the buffers do not fit the network
     */
    public final void importState(State state, Network network) {
        if (state.a() != null) {
            List<Parameter> parameters = network.parameters();
            if (state.a().length != parameters.size() || state.b() == null || state.b().length != state.a().length) {
                throw new IllegalArgumentException(name + ": optimizer state has " + state.a().length
                        + " buffers, the network has " + parameters.size() + " parameter matrices");
            }
            for (int i = 0; i < parameters.size(); i++) {
                Parameter p = parameters.get(i);
                int n = p.value().size();
                if (state.a()[i].length != n || state.b()[i].length != n) {
                    throw new IllegalArgumentException(name + ": optimizer state of " + p.layer() + "." + p.name()
                            + " does not fit its " + n + " values");
                }
            }
        }
        steps = state.steps();
        stateA = copy(state.a());
        stateB = copy(state.b());
    }

    private static double[][] copy(double[][] s) {
        if (s == null) {
            return null;
        }
        double[][] c = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            c[i] = s[i].clone();
        }
        return c;
    }

    /** Forgets all state (momentum buffers, moment estimates, step count). */
    public void reset() {
        steps = 0;
        stateA = null;
        stateB = null;
    }

    /**
     * Applies one update to every parameter of the network.
     *
     * @param network the network whose gradients were just computed
     */
    public final void step(Network network) {
        List<Parameter> parameters = network.parameters();
        if (stateA == null) {
            stateA = new double[parameters.size()][];
            stateB = new double[parameters.size()][];
            for (int i = 0; i < parameters.size(); i++) {
                stateA[i] = new double[parameters.get(i).value().size()];
                stateB[i] = new double[parameters.get(i).value().size()];
            }
        }
        steps++;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            update(p.value(), p.gradient(), stateA[i], stateB[i]);
        }
    }

    /**
     * @param p a parameter value
     * @param index element index
     * @param g its raw gradient
     * @return the gradient with weight decay applied
     */
    protected final double decayed(Matrix p, int index, double g) {
        return weightDecay == 0 ? g : g + weightDecay * p.get(index);
    }

    /**
     * Updates one parameter matrix in place.
     *
     * @param p parameter values
     * @param g gradients, same shape
     * @param a first state buffer (zero initially), same size
     * @param b second state buffer (zero initially), same size
     */
    protected abstract void update(Matrix p, Matrix g, double[] a, double[] b);

    @Override
    public String toString() {
        return name + "(lr=" + learningRate + (weightDecay != 0 ? ", weight_decay=" + weightDecay : "") + ")";
    }
}

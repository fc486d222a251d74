package dev.nnet.engine.loss;

import dev.nnet.engine.activation.Activation;
import dev.nnet.engine.matrix.Matrix;

/**
 * A loss {@code l(y, t)} averaged over samples and outputs; its gradient with respect to {@code y}
 * is back-propagated through the output activation.
 */
abstract class ElementwiseLoss extends Loss {
    ElementwiseLoss(String name) {
        super(name);
    }

    abstract double elementLoss(double y, double t);

    abstract double elementGradient(double y, double t);

    @Override
    public void checkCompatible(Activation outputActivation, int outputs) {
        require(outputActivation.isDifferentiable(), "loss '" + name() + "' cannot train an output layer with activation '"
                + outputActivation.name() + "' (no gradient)");
    }

    @Override
    public double value(Matrix z, Matrix y, Matrix targets) {
        int n = y.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += elementLoss(y.get(i), targets.get(i));
        }
        return sum / n;
    }

    @Override
    public void gradient(Matrix z, Matrix y, Matrix targets, Activation activation, Matrix scratch, Matrix dz) {
        int n = y.size();
        double scale = 1.0 / n;
        for (int i = 0; i < n; i++) {
            scratch.set(i, scale * elementGradient(y.get(i), targets.get(i)));
        }
        activation.backward(z, y, scratch, dz);
    }
}

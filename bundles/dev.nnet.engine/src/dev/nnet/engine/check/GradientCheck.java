package dev.nnet.engine.check;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.layer.Parameter;
import dev.nnet.engine.loss.Loss;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import java.util.List;

/**
 * Compares the analytic gradient of a network (backprop) with central differences
 * {@code (L(p + h) - L(p - h)) / 2h}, parameter by parameter, in float64 on a float64 copy of the network
 * (the network passed in is not modified). Both passes run in training mode with the same dropout noise (the
 * random streams are restarted before each), so batch norm is checked on batch statistics. The error of one parameter is
 * {@code |analytic - numeric| / max(|analytic|, |numeric|, floor)}: relative, except that gradients smaller than
 * {@code floor} are compared absolutely (central differences cannot resolve them relatively).
 */
public final class GradientCheck {
    /** Default finite-difference step. */
    public static final double DEFAULT_STEP = 1e-5;
    /** Default denominator floor. */
    public static final double DEFAULT_FLOOR = 1e-3;

    private GradientCheck() {
    }

    /**
     * The worst parameter of a check.
     *
     * @param maxRelativeError the largest error found
     * @param layer the layer of the worst parameter
     * @param parameter the parameter's name ({@code weights}, {@code bias}, {@code gamma}, ...)
     * @param row row of the parameter (unit)
     * @param column column of the parameter (input; 0 for the bias)
     * @param analytic the backprop gradient there
     * @param numeric the central-difference gradient there
     * @param parametersChecked number of parameters compared
     */
    public record Result(double maxRelativeError, String layer, String parameter, int row, int column, double analytic,
            double numeric, int parametersChecked) {
        /**
         * @param tolerance the largest acceptable error
         * @return true if the maximum error is below the tolerance
         */
        public boolean passed(double tolerance) {
            return maxRelativeError < tolerance;
        }

        @Override
        public String toString() {
            return "max relative error " + maxRelativeError + " at " + layer + "." + parameter + "[" + row + "][" + column
                    + "] (analytic " + analytic + ", numeric " + numeric + ", " + parametersChecked + " parameters)";
        }
    }

    /**
     * Checks with {@link #DEFAULT_STEP} and {@link #DEFAULT_FLOOR}, all samples of {@code data} as one batch.
     *
     * @param network the network (any precision; a float64 copy is checked)
     * @param loss the loss
     * @param data samples and targets
     * @return the worst parameter
     */
    public static Result check(Network network, Loss loss, DataSet data) {
        return check(network, loss, data, DEFAULT_STEP, DEFAULT_FLOOR);
    }

    /**
     * @param network the network (any precision; a float64 copy is checked)
     * @param loss the loss
     * @param data samples and targets
     * @param step finite-difference step h
     * @param floor denominator floor
     * @return the worst parameter
     */
    public static Result check(Network network, Loss loss, DataSet data, double step, double floor) {
        Network net = network.copy(Precision.FLOAT64);
        net.checkTrainable(loss);
        Matrix x = Matrix.zeros(Precision.FLOAT64, data.rows(), data.featureCount());
        Matrix t = Matrix.zeros(Precision.FLOAT64, data.rows(), data.targetCount());
        int[] order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        data.copyBatch(order, 0, x, t);
        long noise = 0x5eed;
        net.reseed(noise);
        net.computeGradients(x, t, loss);
        List<Parameter> parameters = net.parameters();
        double[][] analytic = new double[parameters.size()][];
        for (int i = 0; i < parameters.size(); i++) {
            analytic[i] = parameters.get(i).gradient().toDoubleArray();
        }
        double worst = -1;
        Result result = null;
        int checked = 0;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            Matrix p = parameter.value();
            double[] a = analytic[i];
            for (int k = 0; k < p.size(); k++) {
                double original = p.get(k);
                p.set(k, original + step);
                net.reseed(noise);
                double plus = net.loss(x, t, loss, true);
                p.set(k, original - step);
                net.reseed(noise);
                double minus = net.loss(x, t, loss, true);
                p.set(k, original);
                double numeric = (plus - minus) / (2 * step);
                double error = Math.abs(a[k] - numeric) / Math.max(Math.max(Math.abs(a[k]), Math.abs(numeric)), floor);
                if (Double.isNaN(error)) {
                    error = Double.POSITIVE_INFINITY;
                }
                checked++;
                if (error > worst) {
                    worst = error;
                    result = new Result(error, parameter.layer(), parameter.name(), k / p.cols(), k % p.cols(),
                            a[k], numeric, 0);
                }
            }
        }
        return new Result(result.maxRelativeError(), result.layer(), result.parameter(), result.row(), result.column(),
                result.analytic(), result.numeric(), checked);
    }
}

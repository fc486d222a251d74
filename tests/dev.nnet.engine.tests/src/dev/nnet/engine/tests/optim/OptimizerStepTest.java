package dev.nnet.engine.tests.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.LayerSpec;
import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.loss.Losses;
import dev.nnet.engine.matrix.Matrix;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.optim.AdaGrad;
import dev.nnet.engine.optim.Adam;
import dev.nnet.engine.optim.LearningRateSchedule;
import dev.nnet.engine.optim.Optimizer;
import dev.nnet.engine.optim.RmsProp;
import dev.nnet.engine.optim.Sgd;
import org.junit.jupiter.api.Test;

/**
 * One neuron y = w1 x1 + w2 x2 + b, MSE on one sample: the gradient is computed by hand and every optimizer step
 * is compared with PyTorch's formula written out here.
 */
class OptimizerStepTest {
    private static final double[] X = {1.5, -2.0};
    private static final double T = 0.5;
    private static final double[] W0 = {0.2, -0.4};
    private static final double B0 = 0.1;

    private static Network neuron() {
        Network net = NetworkSpec.builder(2)
                .layer(new LayerSpec("out", 1, Activations.identity(), Initializers.zeros(), Initializers.zeros()))
                .build().build(Precision.FLOAT64, 0);
        DenseLayer l = net.layers().get(0);
        l.weights().set(0, W0[0]);
        l.weights().set(1, W0[1]);
        l.bias().set(0, B0);
        return net;
    }

    /** @return {dL/dw1, dL/dw2, dL/db} at the current parameters p = {w1, w2, b} for L = (y - t)². */
    private static double[] gradient(double[] p) {
        double y = p[0] * X[0] + p[1] * X[1] + p[2];
        double d = 2 * (y - T);
        return new double[] {d * X[0], d * X[1], d};
    }

    private static double[] step(Network net, Optimizer opt) {
        Matrix x = Matrix.zeros(Precision.FLOAT64, 1, 2);
        x.set(0, X[0]);
        x.set(1, X[1]);
        Matrix t = Matrix.zeros(Precision.FLOAT64, 1, 1);
        t.set(0, T);
        net.computeGradients(x, t, Losses.meanSquaredError());
        opt.step(net);
        DenseLayer l = net.layers().get(0);
        return new double[] {l.weights().get(0), l.weights().get(1), l.bias().get(0)};
    }

    private static void assertParams(double[] expected, double[] actual) {
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], actual[i], 1e-12, "parameter " + i);
        }
    }

    @Test
    void sgdStep() {
        double lr = 0.1;
        double[] p = {W0[0], W0[1], B0};
        double[] g = gradient(p);
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = p[i] - lr * g[i];
        }
        assertParams(expected, step(neuron(), new Sgd(lr)));
    }

    @Test
    void momentumAndNesterovTwoSteps() {
        double lr = 0.05;
        double mu = 0.9;
        for (boolean nesterov : new boolean[] {false, true}) {
            Network net = neuron();
            Optimizer opt = new Sgd(lr, mu, nesterov, 0);
            double[] p = {W0[0], W0[1], B0};
            double[] v = new double[3];
            for (int s = 0; s < 2; s++) {
                double[] g = gradient(p);
                for (int i = 0; i < 3; i++) {
                    v[i] = mu * v[i] + g[i];
                    p[i] -= lr * (nesterov ? g[i] + mu * v[i] : v[i]);
                }
                assertParams(p, step(net, opt));
            }
        }
    }

    @Test
    void weightDecayIsAddedToTheGradient() {
        double lr = 0.1;
        double wd = 0.01;
        double[] p = {W0[0], W0[1], B0};
        double[] g = gradient(p);
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = p[i] - lr * (g[i] + wd * p[i]);
        }
        assertParams(expected, step(neuron(), new Sgd(lr, 0, false, wd)));
    }

    @Test
    void adamThreeSteps() {
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        Network net = neuron();
        Optimizer opt = new Adam(lr);
        double[] p = {W0[0], W0[1], B0};
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= 3; t++) {
            double[] g = gradient(p);
            for (int i = 0; i < 3; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                p[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            assertParams(p, step(net, opt));
        }
    }

    @Test
    void adaGradAndRmsPropTwoSteps() {
        double lr = 0.01;
        Network a = neuron();
        Network r = neuron();
        Optimizer adagrad = new AdaGrad(lr);
        Optimizer rmsprop = new RmsProp(lr);
        double[] pa = {W0[0], W0[1], B0};
        double[] pr = {W0[0], W0[1], B0};
        double[] sum = new double[3];
        double[] sq = new double[3];
        for (int s = 0; s < 2; s++) {
            double[] ga = gradient(pa);
            double[] gr = gradient(pr);
            for (int i = 0; i < 3; i++) {
                sum[i] += ga[i] * ga[i];
                pa[i] -= lr * ga[i] / (Math.sqrt(sum[i]) + 1e-10);
                sq[i] = 0.99 * sq[i] + 0.01 * gr[i] * gr[i];
                pr[i] -= lr * gr[i] / (Math.sqrt(sq[i]) + 1e-8);
            }
            assertParams(pa, step(a, adagrad));
            assertParams(pr, step(r, rmsprop));
        }
    }

    @Test
    void schedulesFollowTorchFormulas() {
        assertEquals(0.1, LearningRateSchedule.step(3, 0.5).learningRate(0.1, 2), 1e-15);
        assertEquals(0.05, LearningRateSchedule.step(3, 0.5).learningRate(0.1, 3), 1e-15);
        assertEquals(0.1 * Math.pow(0.9, 4), LearningRateSchedule.exponential(0.9).learningRate(0.1, 4), 1e-15);
        LearningRateSchedule cos = LearningRateSchedule.cosine(10, 0.001);
        assertEquals(0.1, cos.learningRate(0.1, 0), 1e-15);
        assertEquals(0.001 + 0.099 * 0.5, cos.learningRate(0.1, 5), 1e-15);
        assertEquals(0.001, cos.learningRate(0.1, 10), 1e-15);
        assertEquals(0.3, LearningRateSchedule.constant().learningRate(0.3, 100));
    }
}

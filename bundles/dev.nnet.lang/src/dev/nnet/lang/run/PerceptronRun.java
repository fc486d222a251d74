package dev.nnet.lang.run;

import java.util.ArrayList;
import java.util.List;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.engine.perceptron.Perceptron;
import dev.nnet.engine.train.CancellationToken;
import dev.nnet.engine.train.EpochEnd;
import dev.nnet.engine.train.TrainingBegin;
import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingStatus;

/**
 * Runs the perceptron rule one epoch at a time (each call of {@link Perceptron#train} with a cap of 1 continues from
 * the current weights) and reports every epoch as an {@link EpochEnd}: loss {@code mean max(0, -t a)}, accuracy the
 * fraction of samples with {@code sign(a) == t}. CONVERGED after an epoch without a mistake, NOT_CONVERGED at the cap.
 */
final class PerceptronRun {

	private final Perceptron perceptron;
	private final double rate;
	private final DataSet train;
	private final DataSet test;

	PerceptronRun(Perceptron perceptron, double rate, DataSet train, DataSet test) {
		this.perceptron = perceptron;
		this.rate = rate;
		this.train = train;
		this.test = test;
	}

	TrainingResult run(int maxEpochs, TrainingListener listener, CancellationToken token) {
		listener.onTrainingBegin(new TrainingBegin(train.rows(), test == null ? 0 : test.rows(), 1, train.rows(),
				train.featureCount() + 1));
		List<EpochEnd> history = new ArrayList<>();
		double[] trainM = measure(train);
		double[] testM = test == null ? new double[] { Double.NaN, Double.NaN } : measure(test);
		TrainingStatus status = maxEpochs == 0 ? TrainingStatus.COMPLETED : TrainingStatus.NOT_CONVERGED;
		String message = maxEpochs == 0 ? "no epochs run (--epochs 0): metrics of the initial weights" : null;
		int epoch = 0;
		while (epoch < maxEpochs) {
			if (token.isCancelled()) {
				status = TrainingStatus.CANCELLED;
				message = "cancelled after " + epoch + " epochs";
				break;
			}
			epoch++;
			Perceptron.Result r = perceptron.train(train, rate, 1);
			trainM = measure(train);
			testM = test == null ? new double[] { Double.NaN, Double.NaN } : measure(test);
			EpochEnd end = new EpochEnd(epoch, rate, trainM[0], trainM[1], testM[0], testM[1], List.of());
			history.add(end);
			listener.onEpochEnd(end);
			if (r.status() == TrainingStatus.CONVERGED) {
				status = TrainingStatus.CONVERGED;
				message = "all samples classified correctly after " + epoch + " epochs";
				break;
			}
		}
		if (message == null) {
			message = Math.round((1 - trainM[1]) * train.rows()) + " samples still misclassified after " + epoch
					+ " epochs (the data may not be linearly separable)";
		}
		TrainingResult result = new TrainingResult(status, epoch, trainM[0], trainM[1], testM[0], testM[1], message,
				null, history);
		listener.onTrainingEnd(result);
		return result;
	}

	private double[] measure(DataSet data) {
		double loss = 0;
		int correct = 0;
		double[] x = new double[data.featureCount()];
		for (int r = 0; r < data.rows(); r++) {
			for (int c = 0; c < x.length; c++) {
				x[c] = data.feature(r, c);
			}
			double t = data.target(r, 0);
			loss += Math.max(0, -t * perceptron.activation(x));
			correct += perceptron.predict(x) == t ? 1 : 0;
		}
		return new double[] { loss / data.rows(), (double) correct / data.rows() };
	}

	/** @return a one-layer network of one sign unit with the perceptron's weights and bias */
	static Network asNetwork(Perceptron p) {
		double[] w = p.weights();
		Network n = NetworkSpec.builder(w.length).dense("perceptron", 1, Activations.sign()).build()
				.build(Precision.FLOAT64, 0);
		DenseLayer layer = n.layers().get(0);
		for (int i = 0; i < w.length; i++) {
			layer.weights().set(0, i, w[i]);
		}
		layer.bias().set(0, p.bias());
		return n;
	}
}

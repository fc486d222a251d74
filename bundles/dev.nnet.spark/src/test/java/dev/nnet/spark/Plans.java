package dev.nnet.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

import dev.nnet.engine.Network;
import dev.nnet.lang.NNetStandaloneSetup;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.RunException;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.TrainingPlan;
import dev.nnet.lang.run.TrainingPlanner;

/** Test trainings: a .nnet text next to a copy of an example CSV, planned by the language's runner. */
final class Plans {
	private static Injector injector;

	private Plans() {
	}

	static Path examples() {
		return Path.of(System.getProperty("nnet.examples.dir", "../../examples"));
	}

	/** Writes {@code source} as {@code name}.nnet into {@code dir}, next to a copy of examples/data/{@code csv}. */
	static Path write(Path dir, String name, String csv, String source) throws IOException {
		Files.copy(examples().resolve("data").resolve(csv), dir.resolve(csv), StandardCopyOption.REPLACE_EXISTING);
		Path file = dir.resolve(name + ".nnet");
		Files.writeString(file, source);
		return file;
	}

	/** @return a fresh plan of the file's last training (same file: same initial weights, same data) */
	static TrainingPlan plan(Path file) throws RunException {
		synchronized (Plans.class) {
			if (injector == null) {
				injector = new NNetStandaloneSetup().createInjectorAndDoEMFRegistration();
			}
		}
		XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
		Resource r = set.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
		Training training = null;
		for (var e : r.getContents().get(0).eContents()) {
			if (e instanceof Training t) {
				training = t;
			}
		}
		return new TrainingPlanner().plan(training, RunOverrides.NONE);
	}

	static double[] weights(Network network) {
		double[] w = new double[FlatParameters.size(network)];
		FlatParameters.read(network, w);
		return w;
	}

	static double maxDifference(double[] a, double[] b) {
		double max = 0;
		for (int i = 0; i < a.length; i++) {
			max = Math.max(max, Math.abs(a[i] - b[i]));
		}
		return max;
	}

	static String iris(String optimizer, String batch, int epochs) {
		return """
				data iris from "iris.csv" {
				  label "label"
				  features "sepal_length", "sepal_width", "petal_length", "petal_width"
				  standardize
				  split test 20%% seed 7
				}
				network IrisNet {
				  input 4
				  dense hidden 16 relu init he_normal
				  dense species 3 softmax init xavier_uniform
				  loss cross_entropy
				}
				training irisRun {
				  network IrisNet
				  data iris
				  optimizer %s
				  batch %s
				  epochs %d
				  seed 7
				  precision float64
				}
				""".formatted(optimizer, batch, epochs);
	}

	static String digits(String optimizer, String batch, int epochs) {
		return """
				data digits from "digits.csv" {
				  label "label"
				  minmax
				  split test 20%% seed 3
				}
				network DigitsNet {
				  input 64
				  dense hidden1 32 relu init he_normal
				  dense hidden2 16 leaky_relu(0.01) init he_normal
				  dense digit 10 softmax init xavier_uniform
				  loss cross_entropy
				}
				training digitsRun {
				  network DigitsNet
				  data digits
				  optimizer %s
				  batch %s
				  epochs %d
				  seed 3
				  precision float64
				}
				""".formatted(optimizer, batch, epochs);
	}
}

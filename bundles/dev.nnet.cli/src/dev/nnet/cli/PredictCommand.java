package dev.nnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.nnet.engine.Network;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;

/**
 * {@code nnet predict MODEL.json DATA.csv}: one line per data row. The first {@code inputs} columns of each row are
 * the features (a header row of names is skipped, further columns such as a label are ignored). A single output is
 * printed as its value; several outputs as the index of the largest (the class) followed by the outputs.
 * Features are used as they are: data scaled for training must be scaled the same way.
 */
final class PredictCommand {

	private final PrintStream out;
	private final PrintStream err;

	PredictCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(String[] args) {
		Arguments a = new Arguments(args, Set.of(), Set.of());
		if (a.positional.size() != 2) {
			throw new UsageException("predict needs MODEL.json and DATA.csv");
		}
		Network network;
		try {
			network = ModelIO.load(Path.of(a.positional.get(0)));
		} catch (ModelFormatException e) {
			err.println("nnet: " + e.getMessage());
			return Main.USAGE;
		}
		String csv = a.positional.get(1);
		List<String> lines;
		try {
			lines = Files.readAllLines(Path.of(csv), StandardCharsets.UTF_8);
		} catch (IOException e) {
			err.println("nnet: cannot read " + csv + ": " + e.getMessage());
			return Main.USAGE;
		}
		int inputs = network.inputs();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] cells = line.split(",", -1);
			double[] x = new double[inputs];
			try {
				if (cells.length < inputs) {
					throw new NumberFormatException(cells.length + " columns, the model has " + inputs + " inputs");
				}
				for (int c = 0; c < inputs; c++) {
					x[c] = Double.parseDouble(cells[c].strip());
				}
			} catch (NumberFormatException e) {
				if (i == 0 && !line.isEmpty() && !Character.isDigit(line.charAt(0)) && line.charAt(0) != '-') {
					continue; // header row
				}
				err.println(csv + ":" + (i + 1) + ": not a row of " + inputs + " numbers: " + e.getMessage());
				return Main.USAGE;
			}
			double[] y = network.predict(new double[][] { x })[0];
			out.println(format(y));
		}
		return Main.OK;
	}

	static String format(double[] y) {
		if (y.length == 1) {
			return String.format(Locale.ROOT, "%.6g", y[0]);
		}
		int best = 0;
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < y.length; i++) {
			best = y[i] > y[best] ? i : best;
			s.append(String.format(Locale.ROOT, " %.6g", y[i]));
		}
		return best + s.toString();
	}
}

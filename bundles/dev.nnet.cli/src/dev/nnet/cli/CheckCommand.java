package dev.nnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;

/** {@code nnet check FILE...}: prints diagnostics; exit 0 without errors, 1 with errors, 2 for usage or I/O. */
final class CheckCommand {

	private final PrintStream out;
	private final PrintStream err;

	CheckCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(String[] args) {
		Arguments a = new Arguments(args, Set.of(), Set.of());
		try {
			Workspace w = new Workspace(a.positional);
			int errors = w.validate(out);
			return errors == 0 ? Main.OK : Main.ERRORS;
		} catch (IOException e) {
			err.println("nnet: " + e.getMessage());
			return Main.USAGE;
		}
	}
}

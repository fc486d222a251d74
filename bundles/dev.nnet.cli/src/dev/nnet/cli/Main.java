package dev.nnet.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Entry point of {@code ./nnet}: dispatches to the subcommands. Exit codes: 0 success, 1 errors in the {@code .nnet}
 * files (or a training that cannot run), 2 usage or I/O problems, 3 a diverged training, 130 cancelled by Ctrl-C.
 * Runs on a flat classpath (no OSGi), using the language's standalone setup.
 */
public final class Main {

	/** Exit code: success. */
	public static final int OK = 0;
	/** Exit code: errors in the input files. */
	public static final int ERRORS = 1;
	/** Exit code: usage or I/O problem. */
	public static final int USAGE = 2;
	/** Exit code: the training diverged. */
	public static final int DIVERGED = 3;
	/** Exit code: cancelled (Ctrl-C). */
	public static final int CANCELLED = 130;

	static final String USAGE_TEXT = """
			usage: nnet <command> [arguments]

			commands:
			  check FILE...                       validate; prints path:line:col: error|warning: message [code]
			  train FILE [--training NAME] [--epochs N] [--seed N] [--json]
			             [--init-from MODEL.json] [--save MODEL.json] [--save-initial MODEL.json]
			             [--runs DIR]             (record the run there; default: the project's .nnet-runs)
			             [--resume CHECKPOINT.json] (continue exactly; --init-from is a warm start)
			                                      validate, then train (without --training: the file's last training)
			             [--spark MASTER [--partitions N]]   data-parallel on Apache Spark, docs/spark.md
			  generate FILE... -o DIR             write the Java classes of networks and trainings to DIR
			  graph FILE [--network NAME] [--model MODEL.json] -o OUT.svg|OUT.dot
			                                      draw a network (without --network: the file's last one)
			  predict MODEL.json DATA.csv [--probabilities] [--json]
			                                      one prediction per row: the model's scaling applied, columns
			                                      matched by header name, class names printed
			  evaluate MODEL.json DATA.csv [--label COLUMN] [--json]
			                                      accuracy, precision/recall/F1, confusion matrix; or MSE, MAE,
			                                      RMSE, R^2 of a regression model
			  export MODEL.json [-o MODEL.onnx]   write the trained model as ONNX (docs/onnx.md)
			  import MODEL.onnx -o DIR            write DIR/MODEL.nnet and DIR/MODEL-model.json from an ONNX MLP
			  lsp                                 the language server on stdin/stdout
			  ide [-data DIR]                     start the built NNet IDE (needs a display; workspace ~/nnet-workspace)
			  --help                              this text

			exit codes: 0 ok, 1 errors in the files, 2 usage or I/O problem, 3 training diverged, 130 cancelled
			""";

	private Main() {
	}

	/**
	 * @param args the command line
	 */
	public static void main(String[] args) {
		int code = run(args, System.out, System.err);
		System.out.flush();
		System.exit(code);
	}

	/**
	 * Runs one command in-process.
	 *
	 * @param args the command line
	 * @param out  standard output
	 * @param err  standard error
	 * @return the exit code
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
			out.print(USAGE_TEXT);
			return args.length == 0 ? USAGE : OK;
		}
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		try {
			return switch (args[0]) {
			case "check" -> new CheckCommand(out, err).run(rest);
			case "train" -> new TrainCommand(out, err).run(rest);
			case "generate" -> new GenerateCommand(out, err).run(rest);
			case "graph" -> new GraphCommand(out, err).run(rest);
			case "predict" -> new PredictCommand(out, err).run(rest);
			case "evaluate" -> new EvaluateCommand(out, err).run(rest);
			case "export" -> new ExportCommand(out, err).run(rest);
			case "import" -> new ImportCommand(out, err).run(rest);
			case "lsp" -> LanguageServer.serve(System.in, System.out);
			case "ide" -> IdeLauncher.start(rest, err);
			default -> usage(err, "unknown command '" + args[0] + "'");
			};
		} catch (UsageException e) {
			return usage(err, e.getMessage());
		} catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
			return LastResort.report(args, e, err);
		}
	}

	static int usage(PrintStream err, String message) {
		err.println("nnet: " + message);
		err.println("run 'nnet --help' for usage");
		return USAGE;
	}
}

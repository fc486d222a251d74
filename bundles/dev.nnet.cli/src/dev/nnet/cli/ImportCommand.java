package dev.nnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import dev.nnet.onnx.Onnx;
import dev.nnet.onnx.OnnxException;

/**
 * {@code nnet import MODEL.onnx -o DIR}: writes {@code DIR/MODEL.nnet} (a network declaration) and
 * {@code DIR/MODEL-model.json} (its weights) from an ONNX MLP such as {@code torch.onnx.export} writes for an
 * {@code nn.Sequential}; see docs/onnx.md.
 */
final class ImportCommand {

	private final PrintStream out;
	private final PrintStream err;

	ImportCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(String[] args) {
		Arguments a = new Arguments(args, Set.of("-o"), Set.of());
		if (a.positional.size() != 1 || !a.has("-o")) {
			throw new UsageException("import needs one MODEL.onnx and -o DIR");
		}
		Path model = Path.of(a.positional.get(0));
		if (!Files.isRegularFile(model)) {
			err.println("nnet: " + model + ": file not found");
			return Main.USAGE;
		}
		try {
			for (String line : Onnx.importTo(model, Path.of(a.get("-o")))) {
				out.println(line);
			}
			return Main.OK;
		} catch (OnnxException e) {
			err.println("nnet: " + e.getMessage());
			return Main.ERRORS;
		} catch (IOException e) {
			err.println("nnet: cannot write to " + a.get("-o") + ": " + e.getMessage());
			return Main.USAGE;
		}
	}
}

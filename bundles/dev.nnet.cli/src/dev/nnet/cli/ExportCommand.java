package dev.nnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.onnx.ModelAdapter;
import dev.nnet.onnx.Onnx;

/**
 * {@code nnet export MODEL.json [-o MODEL.onnx]}: writes the trained model as ONNX (IR 8, opset 17), see
 * docs/onnx.md. Without {@code -o} the ONNX file is written next to the model, {@code .json} replaced by
 * {@code .onnx}.
 */
final class ExportCommand {

	private final PrintStream out;
	private final PrintStream err;

	ExportCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(String[] args) {
		Arguments a = new Arguments(args, Set.of("-o"), Set.of());
		if (a.positional.size() != 1) {
			throw new UsageException("export needs one MODEL.json (and -o MODEL.onnx)");
		}
		Path model = Path.of(a.positional.get(0));
		Path target = a.has("-o") ? Path.of(a.get("-o"))
				: model.resolveSibling(model.getFileName().toString().replaceFirst("\\.json$", "") + ".onnx");
		if (!Files.isRegularFile(model)) {
			err.println("nnet: " + model + ": file not found");
			return Main.USAGE;
		}
		if (target.toAbsolutePath().getParent() != null && !Files.isDirectory(target.toAbsolutePath().getParent())) {
			err.println("nnet: " + target + ": the directory does not exist");
			return Main.USAGE;
		}
		try {
			out.println(Onnx.export(ModelAdapter.fromModelFile(model), target));
			return Main.OK;
		} catch (ModelFormatException | IllegalArgumentException e) {
			err.println("nnet: " + e.getMessage());
			return Main.ERRORS;
		} catch (IOException e) {
			err.println("nnet: cannot write " + target + ": " + e.getMessage());
			return Main.USAGE;
		}
	}
}

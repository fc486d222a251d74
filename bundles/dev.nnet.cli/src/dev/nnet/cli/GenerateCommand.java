package dev.nnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.resource.Resource;

import dev.nnet.lang.generator.JavaGenerator;
import dev.nnet.lang.run.RunException;

/** {@code nnet generate FILE... -o DIR}: validates, then writes the Java of {@link JavaGenerator} below DIR. */
final class GenerateCommand {

	private final PrintStream out;
	private final PrintStream err;

	GenerateCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(String[] args) {
		Arguments a = new Arguments(args, Set.of("-o", "--output"), Set.of());
		String dir = a.has("-o") ? a.get("-o") : a.get("--output");
		if (dir == null) {
			throw new UsageException("generate needs an output folder: -o DIR");
		}
		try {
			Workspace w = new Workspace(a.positional);
			if (w.validate(err) > 0) {
				return Main.ERRORS;
			}
			JavaGenerator generator = Workspace.injector().getInstance(JavaGenerator.class);
			int count = 0;
			for (Resource r : w.resources()) {
				for (Map.Entry<String, String> f : generator.generate(r).entrySet()) {
					Path target = Path.of(dir).resolve(f.getKey());
					Files.createDirectories(target.getParent());
					Files.writeString(target, f.getValue());
					out.println(target);
					count++;
				}
			}
			err.println(count + " Java files written to " + dir);
			return Main.OK;
		} catch (RunException e) {
			err.println(e.getMessage());
			return Main.ERRORS;
		} catch (IOException e) {
			err.println("nnet: " + e.getMessage());
			return Main.USAGE;
		}
	}
}

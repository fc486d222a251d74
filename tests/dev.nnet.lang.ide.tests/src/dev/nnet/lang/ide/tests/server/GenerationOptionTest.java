package dev.nnet.lang.ide.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language server writes generated files only when the client asks ({@code "generate": true}). */
public class GenerationOptionTest {

	private static final String TEXT = "data xor { samples { (0, 0) -> 0 (0, 1) -> 1 (1, 0) -> 1 (1, 1) -> 0 } }\n"
			+ "network XorNet { input 2 dense h 4 tanh dense o 1 sigmoid loss mse }\n"
			+ "training xorRun { network XorNet data xor epochs 10 }\n";

	@TempDir
	Path dir;

	private List<Path> filesAfterABuild(Object options) throws Exception {
		Path file = dir.resolve("xor.nnet");
		Files.writeString(file, TEXT);
		try (LspClient client = new LspClient(dir, options)) {
			client.open(file, TEXT);
			client.diagnostics(file, d -> true);
			client.change(file, 2, TEXT + "\n");
			client.diagnostics(file, d -> true);
			// a read request runs after the pending build (with its generator, if any) has finished
			client.server().getTextDocumentService().documentSymbol(new DocumentSymbolParams(
					new TextDocumentIdentifier(LspClient.uri(file)))).get(60, TimeUnit.SECONDS);
		}
		try (Stream<Path> all = Files.walk(dir)) {
			return all.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
		}
	}

	@Test
	public void withoutTheOptionNothingIsWritten() throws Exception {
		assertEquals(List.of(Path.of("xor.nnet")), filesAfterABuild(null));
	}

	@Test
	public void generateFalseWritesNothing() throws Exception {
		assertEquals(List.of(Path.of("xor.nnet")), filesAfterABuild(Map.of("generate", false)));
	}

	@Test
	public void generateTrueWritesJavaAndShapes() throws Exception {
		List<Path> files = filesAfterABuild(Map.of("generate", true));
		assertTrue(files.stream().anyMatch(p -> p.toString().endsWith(".shapes.txt")), files.toString());
		assertTrue(files.stream().anyMatch(p -> p.toString().endsWith(".java")), files.toString());
	}
}

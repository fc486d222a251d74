package dev.nnet.lang.ide.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shapes inline: {@code textDocument/inlayHint} after each layer and each network's name. */
public class InlayHintsTest {

	private static final String XOR = "network XorNet {\n  input 2\n  dense hidden 4 tanh init xavier\n"
			+ "  dense out 1 sigmoid\n  loss mse\n}\n";

	@TempDir
	Path dir;

	private static List<String> hints(LspClient client, Path file) throws Exception {
		InlayHintParams params = new InlayHintParams(new TextDocumentIdentifier(LspClient.uri(file)),
				new Range(new Position(0, 0), new Position(100, 0)));
		List<InlayHint> hints = client.server().getTextDocumentService().inlayHint(params).get(60, TimeUnit.SECONDS);
		return hints.stream().map(h -> h.getPosition().getLine() + ":" + h.getPosition().getCharacter() + " "
				+ h.getLabel().getLeft()).toList();
	}

	@Test
	public void everyLayerShowsItsOutputAndParametersAndTheNetworkItsTotal() throws Exception {
		Path file = dir.resolve("xor.nnet");
		Files.writeString(file, XOR);
		try (LspClient client = new LspClient(dir, null)) {
			assertTrue(client.initializeResult().getCapabilities().getInlayHintProvider().getLeft());
			client.open(file, XOR);
			client.diagnostics(file, d -> true);
			assertEquals(List.of("0:14 2 -> 1 · 17 params", "2:33 -> 4 · 12 params", "3:21 -> 1 · 5 params"),
					hints(client, file));
			// while typing: the hidden layer grows, the hints follow
			client.change(file, 2, XOR.replace("hidden 4", "hidden 8"));
			client.diagnostics(file, d -> true);
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			List<String> now = hints(client, file);
			while (!now.contains("2:33 -> 8 · 24 params") && System.nanoTime() < end) {
				Thread.sleep(50);
				now = hints(client, file);
			}
			assertEquals(List.of("0:14 2 -> 1 · 33 params", "2:33 -> 8 · 24 params", "3:21 -> 1 · 9 params"), now);
		}
	}

	@Test
	public void aRepeatedLayerShowsItsLastOutputAndTheSum() throws Exception {
		Path file = dir.resolve("deep.nnet");
		String text = "network Deep {\n  input 2\n  repeat 3 { dense 4 relu }\n  dense out 1 sigmoid\n}\n";
		Files.writeString(file, text);
		try (LspClient client = new LspClient(dir, null)) {
			client.open(file, text);
			client.diagnostics(file, d -> true);
			// 2*4+4 + 2 * (4*4+4) = 52 parameters in the repeated layer, 5 in the output layer
			assertEquals(List.of("0:12 2 -> 1 · 57 params", "2:25 -> 4 · 52 params (3×)", "3:21 -> 1 · 5 params"),
					hints(client, file));
		}
	}

	@Test
	public void theInitializationOptionSwitchesThemOff() throws Exception {
		Path file = dir.resolve("xor.nnet");
		Files.writeString(file, XOR);
		try (LspClient client = new LspClient(dir, Map.of("inlayHints", false))) {
			assertEquals(false, client.initializeResult().getCapabilities().getInlayHintProvider().getLeft());
			client.open(file, XOR);
			client.diagnostics(file, d -> true);
			assertEquals(List.of(), hints(client, file));
		}
	}
}

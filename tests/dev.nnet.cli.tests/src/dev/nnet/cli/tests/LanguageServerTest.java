package dev.nnet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives {@code nnet lsp} (in-process, over pipes) with an LSP4J client. */
public class LanguageServerTest {

	private static final String TEXT = "network N {\n  input 2\n  dense h 4 relu\n  dense out 1 sigmoid\n  loss mse\n}\n"
			+ "training t {\n  network N\n  data missing\n}\n";

	@TempDir
	Path dir;

	private final CompletableFuture<PublishDiagnosticsParams> diagnostics = new CompletableFuture<>();
	private LanguageServer server;
	private Path file;

	@BeforeEach
	public void connect() throws Exception {
		file = dir.resolve("net.nnet");
		Files.writeString(file, TEXT);
		PipedInputStream serverIn = new PipedInputStream(1 << 16);
		PipedOutputStream clientOut = new PipedOutputStream(serverIn);
		PipedInputStream clientIn = new PipedInputStream(1 << 16);
		PipedOutputStream serverOut = new PipedOutputStream(clientIn);
		dev.nnet.cli.LanguageServer.start(serverIn, serverOut);
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
		launcher.startListening();
		server = launcher.getRemoteProxy();
		InitializeParams init = new InitializeParams();
		init.setCapabilities(new ClientCapabilities());
		init.setRootUri(dir.toUri().toString());
		init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "ws")));
		server.initialize(init).get(60, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
		server.getTextDocumentService().didOpen(
				new DidOpenTextDocumentParams(new TextDocumentItem(uri(), "nnet", 1, TEXT)));
	}

	@AfterEach
	public void disconnect() throws Exception {
		server.shutdown().get(30, TimeUnit.SECONDS);
	}

	private String uri() {
		return file.toUri().toString();
	}

	@Test
	public void reportsTheUnresolvedDataAtItsRange() throws Exception {
		PublishDiagnosticsParams p = diagnostics.get(60, TimeUnit.SECONDS);
		Diagnostic d = p.getDiagnostics().stream().filter(x -> String.valueOf(x.getMessage().isLeft() ? x.getMessage().getLeft() : x.getMessage().getRight().getValue()).contains("missing")).findFirst()
				.orElseThrow(() -> new AssertionError(p.getDiagnostics().toString()));
		assertEquals(8, d.getRange().getStart().getLine(), d.toString());
		assertEquals(7, d.getRange().getStart().getCharacter(), d.toString());
		assertEquals(14, d.getRange().getEnd().getCharacter(), d.toString());
	}

	@Test
	public void completionAfterTheUnitsListsTheActivations() throws Exception {
		diagnostics.get(60, TimeUnit.SECONDS);
		// line 3 "  dense h 4 relu": completion right after "4 "
		var result = server.getTextDocumentService()
				.completion(new CompletionParams(new TextDocumentIdentifier(uri()), new Position(2, 12)))
				.get(60, TimeUnit.SECONDS);
		List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
		List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
		for (String a : List.of("sigmoid", "tanh", "relu", "leaky_relu", "softmax", "identity")) {
			assertTrue(labels.contains(a), a + " missing in " + labels);
		}
	}

	@Test
	public void hoverOnReluShowsItsDocumentation() throws Exception {
		diagnostics.get(60, TimeUnit.SECONDS);
		Hover hover = server.getTextDocumentService()
				.hover(new HoverParams(new TextDocumentIdentifier(uri()), new Position(2, 14))).get(60, TimeUnit.SECONDS);
		String text = hover.getContents().isRight() ? hover.getContents().getRight().getValue()
				: hover.getContents().getLeft().toString();
		assertTrue(text.contains("f(x) = max(0, x)"), text);
	}

	private final class Client implements LanguageClient {
		@Override
		public void publishDiagnostics(PublishDiagnosticsParams p) {
			if (p.getUri().endsWith("net.nnet")) {
				diagnostics.complete(p);
			}
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams messageParams) {
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams message) {
		}
	}
}

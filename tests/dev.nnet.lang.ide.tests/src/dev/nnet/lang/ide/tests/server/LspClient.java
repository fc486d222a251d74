package dev.nnet.lang.ide.tests.server;


import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import com.google.inject.Guice;

import dev.nnet.lang.ide.server.NNetServerModule;

/**
 * An LSP4J client connected over pipes (JSON-RPC, as a real editor) to an in-process NNet language server on a
 * folder. Keeps the latest diagnostics per document.
 */
public final class LspClient implements AutoCloseable {

	private final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
	private final LanguageServer server;
	private final InitializeResult initialized;

	/**
	 * @param dir     the folder the client opens
	 * @param options the {@code initializationOptions}, or null
	 */
	public LspClient(Path dir, Object options) throws Exception {
		PipedInputStream serverIn = new PipedInputStream(1 << 16);
		PipedOutputStream clientOut = new PipedOutputStream(serverIn);
		PipedInputStream clientIn = new PipedInputStream(1 << 16);
		PipedOutputStream serverOut = new PipedOutputStream(clientIn);
		LanguageServerImpl impl = Guice.createInjector(new NNetServerModule()).getInstance(LanguageServerImpl.class);
		Launcher<LanguageClient> serverSide = LSPLauncher.createServerLauncher(impl, serverIn, serverOut);
		impl.connect(serverSide.getRemoteProxy());
		serverSide.startListening();
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
		launcher.startListening();
		server = launcher.getRemoteProxy();
		InitializeParams init = new InitializeParams();
		init.setCapabilities(new ClientCapabilities());
		init.setRootUri(dir.toUri().toString());
		init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "ws")));
		init.setInitializationOptions(options);
		initialized = server.initialize(init).get(60, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
	}

	/** @return the server's side of the connection */
	public LanguageServer server() {
		return server;
	}

	/** @return what the server answered to {@code initialize} */
	public InitializeResult initializeResult() {
		return initialized;
	}

	/** Opens a document with the given text (version 1). */
	public void open(Path file, String text) {
		server.getTextDocumentService()
				.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri(file), "nnet", 1, text)));
	}

	/** Replaces the whole text of an open document. */
	public void change(Path file, int version, String text) {
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
				new VersionedTextDocumentIdentifier(uri(file), version),
				List.of(new TextDocumentContentChangeEvent(text))));
	}

	/** @return the first diagnostics published for {@code file} that satisfy {@code until} (waits up to a minute) */
	public List<Diagnostic> diagnostics(Path file, Predicate<List<Diagnostic>> until) throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < end) {
			List<Diagnostic> d = diagnostics.get(uri(file));
			if (d != null && until.test(d)) {
				return d;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("no matching diagnostics for " + file + "; last: " + diagnostics.get(uri(file)));
	}

	/** @return the file's URI as the server spells it */
	public static String uri(Path file) {
		return file.toUri().toString();
	}

	/** @return the diagnostic's message */
	public static String message(Diagnostic d) {
		return d.getMessage().isLeft() ? d.getMessage().getLeft() : d.getMessage().getRight().getValue();
	}

	@Override
	public void close() throws Exception {
		server.shutdown().get(30, TimeUnit.SECONDS);
	}

	private final class Client implements LanguageClient {
		@Override
		public void publishDiagnostics(PublishDiagnosticsParams p) {
			diagnostics.put(p.getUri(), p.getDiagnostics());
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

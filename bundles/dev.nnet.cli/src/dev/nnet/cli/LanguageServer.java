package dev.nnet.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import com.google.inject.Guice;
import com.google.inject.Injector;

import dev.nnet.lang.ide.server.NNetServerModule;

/**
 * {@code nnet lsp}: NNet's language server ({@link NNetServerModule}: Xtext's diagnostics, completion, hover, symbols,
 * formatting, definition, plus code actions and inlay hints) for {@code .nnet} files over LSP.
 */
public final class LanguageServer {

	private LanguageServer() {
	}

	/**
	 * Starts a server on the streams and returns when the client disconnects.
	 *
	 * @param in  messages from the client
	 * @param out messages to the client
	 * @return exit code 0
	 */
	public static int serve(InputStream in, OutputStream out) {
		try {
			start(in, out).get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (ExecutionException e) {
			// the client closed the connection
		}
		return Main.OK;
	}

	/**
	 * Starts a server on the streams in background threads.
	 *
	 * @param in  messages from the client
	 * @param out messages to the client
	 * @return a future that completes when the connection ends
	 */
	public static Future<Void> start(InputStream in, OutputStream out) {
		Injector injector = Guice.createInjector(new NNetServerModule());
		LanguageServerImpl server = injector.getInstance(LanguageServerImpl.class);
		Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
		server.connect(launcher.getRemoteProxy());
		return launcher.startListening();
	}
}

package dev.nnet.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.WorkspaceFolder;
import dev.nnet.lang.ide.server.NNetLanguageServer;

/**
 * NNet's language server, accepting {@code initialize} without {@code rootUri}, {@code rootPath} or workspace
 * folders (Xtext fails on it with a NullPointerException): the workspace starts as an empty temporary folder and
 * {@link LooseFileWorkspaceManager} adds the folder of each file opened.
 */
public class RootlessLanguageServer extends NNetLanguageServer {

	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		if (params.getRootUri() == null && params.getRootPath() == null
				&& (params.getWorkspaceFolders() == null || params.getWorkspaceFolders().isEmpty())) {
			try {
				File empty = Files.createTempDirectory("nnet-lsp-").toFile();
				empty.deleteOnExit();
				String uri = empty.toURI().toString();
				params.setRootUri(uri);
				params.setWorkspaceFolders(List.of(new WorkspaceFolder(uri, "nnet")));
			} catch (IOException e) {
				System.err.println("nnet lsp: no temporary folder for a client without a workspace: " + e);
			}
		}
		return super.initialize(params);
	}
}

package dev.nnet.cli;

import java.io.File;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersChangeEvent;
import org.eclipse.xtext.ide.server.BuildManager;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Xtext's workspace manager, extended for clients that open a loose file without a workspace folder (no
 * {@code rootUri}, as editors send for a single file): the folder of a file opened outside every project becomes a
 * workspace folder, so the file is built and its diagnostics are published.
 */
public class LooseFileWorkspaceManager extends WorkspaceManager {

	@Override
	public BuildManager.Buildable didOpen(URI uri, Integer version, String contents) {
		addFolderOf(uri);
		return super.didOpen(uri, version, contents);
	}

	private void addFolderOf(URI uri) {
		try {
			if (!uri.isFile() || getProjectManager(uri) != null) {
				return;
			}
			File parent = new File(uri.toFileString()).getParentFile();
			if (parent == null || !parent.isDirectory()) {
				return;
			}
			String folder = URI.createFileURI(parent.getAbsolutePath()).toString();
			WorkspaceFoldersChangeEvent event = new WorkspaceFoldersChangeEvent(
					List.of(new WorkspaceFolder(folder, parent.getName())), List.of());
			didChangeWorkspaceFolders(new DidChangeWorkspaceFoldersParams(event), CancelIndicator.NullImpl);
		} catch (RuntimeException e) {
			// no project for it: the document is still opened, as Xtext does for such files
			System.err.println("nnet lsp: cannot add the folder of " + uri + " to the workspace: " + e);
		}
	}
}

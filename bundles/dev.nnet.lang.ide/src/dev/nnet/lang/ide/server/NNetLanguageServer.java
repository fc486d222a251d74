package dev.nnet.lang.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.nnet.lang.ide.hints.ShapeHint;
import dev.nnet.lang.ide.hints.ShapeHints;

/**
 * Xtext's language server with what NNet adds: {@code textDocument/inlayHint} (the shapes of {@link ShapeHints}
 * after each layer and network) and the client's {@link ServerOptions} (inlay hints, generation on builds).
 * Bind it in place of {@link LanguageServerImpl} in Xtext's {@code ServerModule}.
 */
public class NNetLanguageServer extends LanguageServerImpl {

	private volatile ServerOptions options = ServerOptions.DEFAULTS;

	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		options = ServerOptions.of(params == null ? null : params.getInitializationOptions());
		// before the first build, which super.initialize starts
		for (String ext : getLanguagesRegistry().getExtensionToFactoryMap().keySet()) {
			IResourceServiceProvider language = getLanguagesRegistry()
					.getResourceServiceProvider(URI.createURI("synth:///file." + ext));
			NNetShouldGenerate gate = language == null ? null : language.get(NNetShouldGenerate.class);
			if (gate != null) {
				gate.setEnabled(options.generate());
			}
		}
		return super.initialize(params);
	}

	@Override
	protected ServerCapabilities createServerCapabilities(InitializeParams params) {
		ServerCapabilities capabilities = super.createServerCapabilities(params);
		capabilities.setInlayHintProvider(options.inlayHints());
		return capabilities;
	}

	/** @return the options the client gave at initialization */
	public ServerOptions getOptions() {
		return options;
	}

	@Override
	public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
		return getRequestManager().runRead(cancel -> inlayHint(params, cancel));
	}

	/** The inlay hints in the requested range, none when the client switched them off. */
	protected List<InlayHint> inlayHint(InlayHintParams params, CancelIndicator cancel) {
		URI uri = getURI(params.getTextDocument());
		ShapeHints shapes = options.inlayHints() ? getService(uri, ShapeHints.class) : null;
		if (shapes == null) {
			return List.of();
		}
		return getWorkspaceManager().doRead(uri, (document, resource) -> {
			List<InlayHint> hints = new ArrayList<>();
			for (ShapeHint h : shapes.hints((XtextResource) resource, cancel)) {
				Position at = document.getPosition(h.offset());
				if (within(at, params.getRange())) {
					hints.add(hint(at, h));
				}
			}
			return hints;
		});
	}

	private static InlayHint hint(Position at, ShapeHint h) {
		InlayHint hint = new InlayHint(at, Either.forLeft(h.label()));
		hint.setKind(InlayHintKind.Type);
		hint.setPaddingLeft(true);
		return hint;
	}

	private static boolean within(Position p, Range range) {
		return range == null || (compare(range.getStart(), p) <= 0 && compare(p, range.getEnd()) <= 0);
	}

	private static int compare(Position a, Position b) {
		return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine())
				: Integer.compare(a.getCharacter(), b.getCharacter());
	}

}

package dev.nnet.lang.ide.hover;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/**
 * LSP hover: on a keyword or value of the language ({@code mse}, {@code sgd}, {@code input}, {@code epochs}, ...) its
 * documentation, found from the token's text so that it also works in the parts of a file after a syntax error;
 * on the keyword that starts a layer, network or other element, that element's documentation (with the inferred
 * shapes); elsewhere Xtext's hover (names and references). Plain text, as the documentation is written.
 */
public class NNetHoverService extends HoverService {

	@Inject
	private KeywordHovers keywords;

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
		int offset = document.getOffSet(params.getPosition());
		KeywordHovers.Found found = keywords.at(resource, offset);
		if (found != null) {
			return new Hover(new MarkupContent(MarkupKind.PLAINTEXT, found.text()),
					new Range(document.getPosition(found.offset()),
					document.getPosition(found.offset() + found.length())));
		}
		return super.hover(document, resource, params, cancelIndicator);
	}

	@Override
	protected String getKind(HoverContext it) {
		return MarkupKind.PLAINTEXT;
	}
}

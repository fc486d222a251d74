package dev.nnet.lang.ide.hover;

import org.eclipse.emf.ecore.EObject;
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
 * shapes); elsewhere Xtext's hover (names and references). On an activation also a table of f and f' sampled by the
 * engine ({@link ActivationHover}); on a dense layer its gradient flow, predicted and measured in the latest run
 * recorded in the project's runs folder ({@link GradientFlowHover}). Plain text, as the documentation is written.
 */
public class NNetHoverService extends HoverService {

	@Inject
	private KeywordHovers keywords;

	@Inject
	private GradientFlowHover flow;

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
		int offset = document.getOffSet(params.getPosition());
		KeywordHovers.Found found = keywords.at(resource, offset);
		if (found != null) {
			StringBuilder text = new StringBuilder(found.text());
			if (found.activation() != null) {
				text.append("\n\nf and f' (sampled by the engine):\n").append(ActivationHover.table(found.activation()));
			}
			appendFlow(text, found.element());
			return new Hover(new MarkupContent(MarkupKind.PLAINTEXT, text.toString()),
					new Range(document.getPosition(found.offset()),
					document.getPosition(found.offset() + found.length())));
		}
		return super.hover(document, resource, params, cancelIndicator);
	}

	@Override
	public String getContents(EObject element) {
		String contents = super.getContents(element);
		StringBuilder text = new StringBuilder(contents == null ? "" : contents);
		appendFlow(text, element);
		return text.isEmpty() ? contents : text.toString();
	}

	private void appendFlow(StringBuilder text, EObject element) {
		String line = flow.lineFromStoredRuns(element);
		if (line != null) {
			text.append(text.isEmpty() ? "" : "\n\n").append(line);
		}
	}

	@Override
	protected String getKind(HoverContext it) {
		return MarkupKind.PLAINTEXT;
	}
}

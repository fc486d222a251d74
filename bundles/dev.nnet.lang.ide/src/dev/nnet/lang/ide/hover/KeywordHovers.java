package dev.nnet.lang.ide.hover;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import dev.nnet.engine.activation.Activation;
import dev.nnet.lang.documentation.NNetDocumentation;

/**
 * The documentation of the keyword or value under an offset, from the token's text (so it does not need a parsed
 * element: it works after syntax errors too). On the first keyword of an element ({@code dense}, {@code network},
 * {@code repeat}, {@code optimizer}, ...) also the element's own documentation, with its inferred shapes. UI-free: the
 * language server's hover and the Eclipse editor's hover both use it.
 */
@Singleton
public class KeywordHovers {

	/**
	 * @param text       the documentation, plain text
	 * @param offset     where the token starts
	 * @param length     the token's length
	 * @param activation the engine activation the token names (for the plot or table of f and f'), or null
	 * @param element    the element the token starts (a layer, a network, ...) when its documentation is shown, or null
	 */
	public record Found(String text, int offset, int length, Activation activation, EObject element) {
	}

	@Inject
	private NNetDocumentation documentation;

	@Inject
	private IEObjectDocumentationProvider elements;

	/** @return the documentation of the keyword at {@code offset}, or null when the token there is none */
	public Found at(XtextResource resource, int offset) {
		IParseResult parse = resource.getParseResult();
		if (parse == null || parse.getRootNode() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(parse.getRootNode(), offset);
		if (leaf != null && leaf.isHidden() && leaf.getOffset() == offset && offset > 0) {
			leaf = NodeModelUtils.findLeafNodeAtOffset(parse.getRootNode(), offset - 1);
		}
		if (leaf == null || leaf.isHidden()) {
			return null;
		}
		String text = documentation.documentationFor(leaf.getText());
		if (text == null) {
			return null;
		}
		String own = startsElement(leaf);
		String shown = own == null || own.isBlank() ? text : own.contains(text) ? own : text + "\n\n" + own;
		EObject element = own == null || own.isBlank() ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		return new Found(shown, leaf.getOffset(), leaf.getLength(), ActivationHover.of(leaf), element);
	}

	/** @return the documentation of the element the leaf is the first token of, or null */
	private String startsElement(ILeafNode leaf) {
		if (leaf.getSyntaxErrorMessage() != null) {
			return null;
		}
		EObject element = NodeModelUtils.findActualSemanticObjectFor(leaf);
		ICompositeNode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
		if (node == null) {
			return null;
		}
		for (ILeafNode first : node.getLeafNodes()) {
			if (!first.isHidden()) {
				return first == leaf ? elements.getDocumentation(element) : null;
			}
		}
		return null;
	}
}

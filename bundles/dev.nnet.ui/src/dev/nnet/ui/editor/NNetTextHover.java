package dev.nnet.ui.editor;

import java.util.Iterator;
import java.util.StringJoiner;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.information.IInformationProviderExtension2;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.xtext.resource.XtextResource;

import dev.nnet.lang.ide.hover.KeywordHovers;
import dev.nnet.ui.internal.NNetUiPlugin;

/**
 * Hover: the messages of issues at the mouse, then the documentation of the keyword or element under it (for
 * networks and layers with inferred sizes and parameter counts, from the language's documentation provider; keywords
 * from {@link KeywordHovers}, also after syntax errors). The hover and its F2 form (a focused, resizable popup) both
 * render the HTML, through controls with an HTML presenter.
 */
public class NNetTextHover implements ITextHover, ITextHoverExtension, IInformationProviderExtension2 {

	private final NNetEditor editor;
	private final ISourceViewer viewer;

	/**
	 * @param editor the editor whose model is described
	 * @param viewer its viewer (for the annotations)
	 */
	public NNetTextHover(NNetEditor editor, ISourceViewer viewer) {
		this.editor = editor;
		this.viewer = viewer;
	}

	/**
	 * @return the hover as the small HTML the platform's information controls render: issue messages in bold,
	 *         then the documentation, line breaks kept
	 */
	@Override
	public String getHoverInfo(ITextViewer textViewer, IRegion region) {
		StringJoiner text = new StringJoiner("<p>");
		IAnnotationModel annotations = viewer.getAnnotationModel();
		if (annotations != null) {
			for (Iterator<Annotation> it = annotations.getAnnotationIterator(); it.hasNext();) {
				Annotation a = it.next();
				Position p = annotations.getPosition(a);
				if (a instanceof NNetIssueAnnotation && p != null && p.overlapsWith(region.getOffset(), 1)) {
					text.add("<b>" + html(a.getText()) + "</b>");
				}
			}
		}
		String documentation = documentationAt(region.getOffset());
		if (documentation != null) {
			text.add(html(documentation));
		}
		return text.length() == 0 ? null : text.toString();
	}

	private static String html(String plain) {
		return plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
	}

	/** @return the documentation of the element at {@code offset} in the last parse, or null */
	public String documentationAt(int offset) {
		String result = editor.readOnly(resource -> describe(resource, offset));
		return result;
	}

	private static String describe(XtextResource resource, int offset) {
		if (resource.getParseResult() == null) {
			return null;
		}
		KeywordHovers.Found keyword = NNetUiPlugin.injector().getInstance(KeywordHovers.class).at(resource, offset);
		if (keyword != null) {
			return keyword.text();
		}
		EObjectAtOffsetHelper helper = NNetUiPlugin.injector().getInstance(EObjectAtOffsetHelper.class);
		EObject element = helper.resolveElementAt(resource, offset);
		IEObjectDocumentationProvider docs = NNetUiPlugin.injector()
				.getInstance(IEObjectDocumentationProvider.class);
		for (EObject o = element; o != null; o = o.eContainer()) {
			String text = docs.getDocumentation(o);
			if (text != null) {
				return text;
			}
		}
		return null;
	}

	@Override
	public IRegion getHoverRegion(ITextViewer textViewer, int offset) {
		return new Region(offset, 0);
	}

	/** The hover's popup: wraps lines, renders the HTML. */
	@Override
	public IInformationControlCreator getHoverControlCreator() {
		return parent -> new DefaultInformationControl(parent, EditorsUI.getTooltipAffordanceString());
	}

	/** F2 and the focused hover: resizable, scrollable, the same HTML rendering. */
	@Override
	public IInformationControlCreator getInformationPresenterControlCreator() {
		return focusedControls();
	}

	/** @return controls for the focused (F2) form of the hover */
	static IInformationControlCreator focusedControls() {
		return parent -> new DefaultInformationControl(parent, true);
	}
}

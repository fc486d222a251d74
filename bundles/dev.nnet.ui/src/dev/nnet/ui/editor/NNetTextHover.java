package dev.nnet.ui.editor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IFile;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextHoverExtension2;
import org.eclipse.jface.text.information.IInformationProviderExtension2;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.xtext.resource.XtextResource;

import dev.nnet.engine.activation.Activation;
import dev.nnet.lang.ide.hover.ActivationHover;
import dev.nnet.lang.ide.hover.GradientFlowHover;
import dev.nnet.lang.ide.hover.KeywordHovers;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.ui.runs.RunsRegistry;
import dev.nnet.ui.internal.NNetUiPlugin;

/**
 * Hover: the messages of issues at the mouse, then the documentation of the keyword or element under it (for
 * networks and layers with inferred sizes and parameter counts, from the language's documentation provider; keywords
 * from {@link KeywordHovers}, also after syntax errors); on a dense layer its gradient flow, the validator's bound
 * next to the ratio measured in the latest run of the file ({@link GradientFlowHover}); on an activation a plot of f
 * and f' sampled by the engine ({@link ActivationHover}). The hover's popup draws the plot
 * ({@link CurveInformationControl}); the F2 form renders the text as HTML.
 */
public class NNetTextHover implements ITextHover, ITextHoverExtension, ITextHoverExtension2,
		IInformationProviderExtension2 {

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
		return contentAt(region.getOffset()).html();
	}

	/** @return the hover's content ({@link HoverContent}), or null when there is nothing to show */
	@Override
	public Object getHoverInfo2(ITextViewer textViewer, IRegion region) {
		HoverContent content = contentAt(region.getOffset());
		return content.isEmpty() ? null : content;
	}

	/** @return what the hover shows at {@code offset}: issues, documentation, the activation's curve */
	public HoverContent contentAt(int offset) {
		List<String> issues = new ArrayList<>();
		IAnnotationModel annotations = viewer.getAnnotationModel();
		if (annotations != null) {
			for (Iterator<Annotation> it = annotations.getAnnotationIterator(); it.hasNext();) {
				Annotation a = it.next();
				Position p = annotations.getPosition(a);
				if (a instanceof NNetIssueAnnotation && p != null && p.overlapsWith(offset, 1)) {
					issues.add(a.getText());
				}
			}
		}
		Described d = editor.readOnly(resource -> describe(resource, offset, runs()));
		Activation activation = d == null ? null : d.activation();
		return new HoverContent(List.copyOf(issues), d == null ? null : d.text(),
				activation == null ? null : activation.name(),
				activation == null ? null : ActivationHover.curve(activation));
	}

	/** @return the documentation of the element at {@code offset} in the last parse, or null */
	public String documentationAt(int offset) {
		Described d = editor.readOnly(resource -> describe(resource, offset, runs()));
		return d == null ? null : d.text();
	}

	/** The runs of the editor's file, from the workspace's registry (IDE and command-line runs, live ones too). */
	private List<RunRecord> runs() {
		IFile file = editor.getEditorInput() instanceof IFileEditorInput f ? f.getFile() : null;
		return file == null ? List.of()
				: GradientFlowHover.ofSource(RunsRegistry.get().runs(), file.getProjectRelativePath().toString());
	}

	private record Described(String text, Activation activation) {
	}

	private static Described describe(XtextResource resource, int offset, List<RunRecord> runs) {
		if (resource.getParseResult() == null) {
			return null;
		}
		GradientFlowHover flow = NNetUiPlugin.injector().getInstance(GradientFlowHover.class);
		KeywordHovers.Found keyword = NNetUiPlugin.injector().getInstance(KeywordHovers.class).at(resource, offset);
		if (keyword != null) {
			return new Described(withFlow(keyword.text(), flow, keyword.element(), runs), keyword.activation());
		}
		EObjectAtOffsetHelper helper = NNetUiPlugin.injector().getInstance(EObjectAtOffsetHelper.class);
		EObject element = helper.resolveElementAt(resource, offset);
		IEObjectDocumentationProvider docs = NNetUiPlugin.injector()
				.getInstance(IEObjectDocumentationProvider.class);
		for (EObject o = element; o != null; o = o.eContainer()) {
			String text = docs.getDocumentation(o);
			if (text != null) {
				return new Described(withFlow(text, flow, o, runs), null);
			}
		}
		return null;
	}

	private static String withFlow(String text, GradientFlowHover flow, EObject element, List<RunRecord> runs) {
		String line = element == null ? null : flow.line(element, runs);
		return line == null ? text : text + "\n\n" + line;
	}

	@Override
	public IRegion getHoverRegion(ITextViewer textViewer, int offset) {
		return new Region(offset, 0);
	}

	/** The hover's popup: wrapped text, and the plot of an activation. */
	@Override
	public IInformationControlCreator getHoverControlCreator() {
		return parent -> new CurveInformationControl(parent, EditorsUI.getTooltipAffordanceString());
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

package dev.nnet.ui.editor;

import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.codemining.ICodeMiningProvider;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.ISourceViewerExtension5;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.jface.util.PropertyChangeEvent;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ChainedPreferenceStore;
import org.eclipse.ui.texteditor.SourceViewerDecorationSupport;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.concurrent.IUnitOfWork;

import dev.nnet.lang.nnet.Model;
import dev.nnet.ui.editor.outline.NNetOutlinePage;
import dev.nnet.ui.internal.NNetUiPlugin;

/**
 * The editor for {@code .nnet} files, registered for the {@code dev.nnet.ui.nnetSource} content type. Built on
 * the platform text framework (the Xtext Eclipse UI bundles are not available); the language services come from
 * {@code dev.nnet.lang.ide} through {@link NNetUiPlugin#injector()}.
 *
 * <p>
 * For views that follow the editor: {@link #readOnly(IUnitOfWork)} gives the parsed {@link XtextResource} of the
 * current text (under the model's lock), {@link #addModelListener(NNetModelListener)} registers a listener
 * called in the UI thread after every reparse (debounced: about 300 ms after the last keystroke).
 */
public class NNetEditor extends TextEditor {

	/** The id under which plugin.xml registers this editor. */
	public static final String ID = "dev.nnet.ui.editor";

	/** The content type of {@code .nnet} files. */
	public static final String CONTENT_TYPE_ID = "dev.nnet.ui.nnetSource";

	/** The problem marker type of the NNet builder (a subtype of the platform's problem and text markers). */
	public static final String PROBLEM_MARKER = "dev.nnet.ui.problem";

	/** The key binding context of the editor (Ctrl+/ toggle comment, Ctrl+Shift+F format). */
	public static final String CONTEXT_ID = "dev.nnet.ui.editorScope";

	private final CopyOnWriteArrayList<NNetModelListener> listeners = new CopyOnWriteArrayList<>();
	private volatile NNetDocumentModel documentModel;
	private volatile String reconciledText;
	private NNetSemanticHighlighter semanticHighlighter;
	private NNetOutlinePage outlinePage;
	private NNetColors colors;
	private NNetOccurrences occurrences;

	@Override
	protected void initializeEditor() {
		super.initializeEditor();
		colors = new NNetColors(NNetUiPlugin.preferences());
		setPreferenceStore(new ChainedPreferenceStore(
				new IPreferenceStore[] { NNetUiPlugin.preferences(), EditorsUI.getPreferenceStore() }));
		setSourceViewerConfiguration(new NNetSourceViewerConfiguration(this, colors, getPreferenceStore()));
		setEditorContextMenuId("#NNetEditorContext");
		setRulerContextMenuId("#NNetRulerContext");
	}

	@Override
	protected void initializeKeyBindingScopes() {
		setKeyBindingScopes(new String[] { CONTEXT_ID });
	}

	@Override
	protected void doSetInput(IEditorInput input) throws CoreException {
		super.doSetInput(input);
		IFile file = input instanceof IFileEditorInput f ? f.getFile() : null;
		URI uri;
		if (file != null) {
			uri = URI.createPlatformResourceURI(file.getFullPath().toString(), true);
		} else if (input instanceof IURIEditorInput u && "file".equals(u.getURI().getScheme())) {
			uri = URI.createFileURI(new java.io.File(u.getURI()).getAbsolutePath());
		} else {
			uri = URI.createURI("inmemory:/" + input.getName());
		}
		documentModel = new NNetDocumentModel(NNetUiPlugin.injector(), uri, file);
		IDocument document = getDocumentProvider().getDocument(input);
		NNetPartitions.install(document);
	}

	@Override
	public void createPartControl(Composite parent) {
		super.createPartControl(parent);
		semanticHighlighter = new NNetSemanticHighlighter((SourceViewer) getSourceViewer(), colors);
		if (getSourceViewer() instanceof ISourceViewerExtension5 minings) {
			minings.setCodeMiningProviders(new ICodeMiningProvider[] { new NNetCodeMinings(this) });
		}
		occurrences = new NNetOccurrences(this);
		occurrences.install();
		IAnnotationModel annotations = getAnnotationModel();
		if (annotations != null) {
			// markers the builder adds while the editor is open are shown by the live annotations already
			annotations.addAnnotationModelListener(NNetReconcilingStrategy::hideBuilderMarkers);
		}
	}

	@Override
	protected void configureSourceViewerDecorationSupport(SourceViewerDecorationSupport support) {
		super.configureSourceViewerDecorationSupport(support);
		support.setCharacterPairMatcher(new DefaultCharacterPairMatcher(new char[] { '{', '}', '(', ')' }));
		support.setMatchingCharacterPainterPreferenceKeys(NNetColors.MATCHING_BRACKETS,
				NNetColors.MATCHING_BRACKETS_COLOR);
	}

	@Override
	protected void createActions() {
		super.createActions();
		NNetActions.install(this);
		dev.nnet.ui.editor.refactoring.ReferenceActions.install(this);
	}

	@Override
	protected void handlePreferenceStoreChanged(PropertyChangeEvent event) {
		super.handlePreferenceStoreChanged(event);
		if (colors.update(event.getProperty()) && getSourceViewer() != null) {
			getSourceViewer().invalidateTextPresentation();
		}
		if (NNetCodeMinings.PREFERENCE.equals(event.getProperty())) {
			updateCodeMinings();
		}
	}

	@Override
	protected boolean affectsTextPresentation(PropertyChangeEvent event) {
		return NNetColors.isColorKey(event.getProperty()) || super.affectsTextPresentation(event);
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == IContentOutlinePage.class) {
			if (outlinePage == null || outlinePage.getControl() == null || outlinePage.getControl().isDisposed()) {
				outlinePage = new NNetOutlinePage(this);
			}
			return adapter.cast(outlinePage);
		}
		return super.getAdapter(adapter);
	}

	@Override
	public void dispose() {
		listeners.clear();
		if (semanticHighlighter != null) {
			semanticHighlighter.dispose();
		}
		super.dispose();
	}

	// ---------------------------------------------------------------- model API for views

	/**
	 * Runs {@code work} on the parsed resource of the editor's text as of the last reconcile; no reparse happens
	 * while it runs. Do not keep EMF objects beyond the call: the next reparse replaces them.
	 *
	 * @return the work's result, or null when the editor has no input
	 */
	public <T> T readOnly(IUnitOfWork<T, XtextResource> work) {
		NNetDocumentModel model = documentModel;
		return model == null ? null : model.readOnly(work);
	}

	/**
	 * @return the root of the current parse (may be incomplete for broken text) or null; only safe to traverse
	 *         inside {@link #readOnly} or in the UI thread during {@link NNetModelListener#modelChanged}
	 */
	public Model getModel() {
		NNetDocumentModel model = documentModel;
		return model == null ? null : model.readOnly(r -> model.root());
	}

	/** Registers a listener told (in the UI thread) after every reparse; no effect if already registered. */
	public void addModelListener(NNetModelListener listener) {
		listeners.addIfAbsent(listener);
	}

	/** Removes a listener registered with {@link #addModelListener}. */
	public void removeModelListener(NNetModelListener listener) {
		listeners.remove(listener);
	}

	/** @return the document shown by the editor, or null before it has an input */
	public IDocument getDocument() {
		return getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput());
	}

	/**
	 * @return the text whose parse has been fully processed (annotations, outline, listeners), or null before the
	 *         first reconcile; tests wait for it to equal the document's text
	 */
	public String getReconciledText() {
		return reconciledText;
	}

	// ---------------------------------------------------------------- internal

	/** @return the parsed state of the document (used by the editor's services) */
	public NNetDocumentModel getDocumentModel() {
		return documentModel;
	}

	/** @return the annotation model of the editor's viewer, or null */
	IAnnotationModel getAnnotationModel() {
		ISourceViewer viewer = getSourceViewer();
		return viewer == null ? null : viewer.getAnnotationModel();
	}

	/** Called from the reconciler thread after reparse and validation. */
	void modelReconciled() {
		ISourceViewer viewer = getSourceViewer();
		if (viewer == null || viewer.getTextWidget() == null) {
			return;
		}
		Display display = viewer.getTextWidget().getDisplay();
		NNetSemanticHighlighter.Result highlights = semanticHighlighter == null ? null
				: readOnly(semanticHighlighter::compute);
		String text = documentModel.parsedText();
		display.asyncExec(() -> {
			if (getSourceViewer() == null || getSourceViewer().getTextWidget().isDisposed()) {
				return;
			}
			if (highlights != null) {
				semanticHighlighter.apply(highlights);
			}
			if (outlinePage != null) {
				outlinePage.refresh();
			}
			updateCodeMinings();
			reconciledText = text;
			for (NNetModelListener listener : listeners) {
				try {
					listener.modelChanged(this);
				} catch (RuntimeException e) {
					NNetUiPlugin.log("A model listener of " + getTitle() + " failed", e);
				}
			}
		});
	}

	/** @return the mark-occurrences support of the editor */
	public NNetOccurrences occurrences() {
		return occurrences;
	}

	/** Recomputes the inline shapes (after a reparse or a preference change). */
	void updateCodeMinings() {
		if (getSourceViewer() instanceof ISourceViewerExtension5 minings) {
			minings.updateCodeMinings();
		}
	}

	/** @return the editor's source viewer */
	public ISourceViewer viewer() {
		return getSourceViewer();
	}

	/** @return the action registered under {@code id} (for tests and handlers) */
	public IAction action(String id) {
		return getAction(id);
	}
}

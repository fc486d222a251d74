package dev.nnet.ui.editor;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.information.IInformationPresenter;
import org.eclipse.jface.text.information.IInformationProvider;
import org.eclipse.jface.text.information.InformationPresenter;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;
import org.eclipse.xtext.IGrammarAccess;

import dev.nnet.ui.internal.NNetUiPlugin;

/** Wires the language services into the viewer: coloring, reconciling, content assist, hover, links, fixes. */
class NNetSourceViewerConfiguration extends TextSourceViewerConfiguration {

	/** Delay between the last keystroke and the reparse. */
	static final int RECONCILE_DELAY_MS = 300;

	private final NNetEditor editor;
	private final NNetColors colors;

	NNetSourceViewerConfiguration(NNetEditor editor, NNetColors colors, IPreferenceStore store) {
		super(store);
		this.editor = editor;
		this.colors = colors;
	}

	@Override
	public String getConfiguredDocumentPartitioning(ISourceViewer sourceViewer) {
		return NNetPartitions.PARTITIONING;
	}

	@Override
	public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
		return NNetPartitions.TYPES;
	}

	@Override
	public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
		PresentationReconciler reconciler = new PresentationReconciler();
		reconciler.setDocumentPartitioning(NNetPartitions.PARTITIONING);
		add(reconciler, IDocument.DEFAULT_CONTENT_TYPE,
				new NNetCodeScanner(NNetUiPlugin.injector().getInstance(IGrammarAccess.class), colors));
		add(reconciler, NNetPartitions.COMMENT, single(NNetColors.COMMENT));
		add(reconciler, NNetPartitions.STRING, single(NNetColors.STRING));
		return reconciler;
	}

	private RuleBasedScanner single(String key) {
		RuleBasedScanner scanner = new RuleBasedScanner();
		scanner.setDefaultReturnToken(colors.token(key));
		return scanner;
	}

	private static void add(PresentationReconciler reconciler, String type, ITokenScanner scanner) {
		DefaultDamagerRepairer dr = new DefaultDamagerRepairer(scanner);
		reconciler.setDamager(dr, type);
		reconciler.setRepairer(dr, type);
	}

	@Override
	public IReconciler getReconciler(ISourceViewer sourceViewer) {
		MonoReconciler reconciler = new MonoReconciler(new NNetReconcilingStrategy(editor), false);
		reconciler.setDelay(RECONCILE_DELAY_MS);
		return reconciler;
	}

	@Override
	public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
		ContentAssistant assistant = new ContentAssistant();
		assistant.setDocumentPartitioning(NNetPartitions.PARTITIONING);
		assistant.setContentAssistProcessor(new NNetContentAssistProcessor(editor), IDocument.DEFAULT_CONTENT_TYPE);
		assistant.enableAutoActivation(true);
		assistant.setAutoActivationDelay(300);
		assistant.enableAutoInsert(false);
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		return assistant;
	}

	@Override
	public ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
		return new NNetTextHover(editor, sourceViewer);
	}

	/** F2 (Show Tooltip Description): the hover text of the caret's position in a focusable popup. */
	@Override
	public IInformationPresenter getInformationPresenter(ISourceViewer sourceViewer) {
		InformationPresenter presenter = new InformationPresenter(NNetTextHover.focusedControls());
		presenter.setDocumentPartitioning(NNetPartitions.PARTITIONING);
		NNetTextHover hover = new NNetTextHover(editor, sourceViewer);
		IInformationProvider provider = new IInformationProvider() {
			@Override
			public IRegion getSubject(ITextViewer textViewer, int offset) {
				return new Region(offset, 0);
			}

			@Override
			public String getInformation(ITextViewer textViewer, IRegion subject) {
				return hover.getHoverInfo(textViewer, subject);
			}
		};
		for (String type : NNetPartitions.TYPES) {
			presenter.setInformationProvider(provider, type);
		}
		presenter.setSizeConstraints(100, 30, false, true);
		return presenter;
	}

	@Override
	public IHyperlinkDetector[] getHyperlinkDetectors(ISourceViewer sourceViewer) {
		IHyperlinkDetector[] inherited = super.getHyperlinkDetectors(sourceViewer);
		IHyperlinkDetector[] all = new IHyperlinkDetector[(inherited == null ? 0 : inherited.length) + 1];
		all[0] = new NNetHyperlinkDetector(editor);
		if (inherited != null) {
			System.arraycopy(inherited, 0, all, 1, inherited.length);
		}
		return all;
	}

	@Override
	public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer sourceViewer) {
		QuickAssistAssistant assistant = new QuickAssistAssistant();
		assistant.setQuickAssistProcessor(new NNetQuickAssistProcessor(editor));
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		return assistant;
	}

	/** Indentation that follows the braces, in code (comments and strings keep the platform's). */
	@Override
	public IAutoEditStrategy[] getAutoEditStrategies(ISourceViewer sourceViewer, String contentType) {
		return IDocument.DEFAULT_CONTENT_TYPE.equals(contentType)
				? new IAutoEditStrategy[] { new NNetAutoIndentStrategy() }
				: super.getAutoEditStrategies(sourceViewer, contentType);
	}

	@Override
	public String[] getDefaultPrefixes(ISourceViewer sourceViewer, String contentType) {
		return new String[] { "//", "" };
	}
}

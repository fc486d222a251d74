package dev.nnet.ui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Injector;

import dev.nnet.ui.internal.NNetUiPlugin;

/**
 * Ctrl+Space: brings the model up to date with the document, then asks the Xtext ide proposal provider
 * (keywords, activations, losses, optimizers, initializers, references to networks and data).
 */
public class NNetContentAssistProcessor implements IContentAssistProcessor {

	private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "NNet content assist");
		t.setDaemon(true);
		return t;
	});

	private final NNetEditor editor;

	/** @param editor the editor whose model is completed */
	public NNetContentAssistProcessor(NNetEditor editor) {
		this.editor = editor;
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		NNetDocumentModel model = editor.getDocumentModel();
		if (model == null) {
			return new ICompletionProposal[0];
		}
		String text = viewer.getDocument().get();
		model.update(text);
		List<ContentAssistEntry> entries = model.readOnly(resource -> {
			Injector injector = NNetUiPlugin.injector();
			ContentAssistContextFactory factory = injector.getInstance(ContentAssistContextFactory.class);
			factory.setPool(POOL);
			ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
			IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
			injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
			List<ContentAssistEntry> result = new ArrayList<>();
			acceptor.getEntries().forEach(result::add);
			return result;
		});
		List<ICompletionProposal> proposals = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (ContentAssistEntry entry : entries) {
			String proposal = entry.getProposal();
			String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
			if (proposal == null || proposal.isEmpty() || !seen.add(proposal) || prefix.length() > offset) {
				continue;
			}
			String label = entry.getLabel() != null ? entry.getLabel() : proposal;
			if (entry.getDescription() != null) {
				label += " - " + entry.getDescription();
			}
			proposals.add(new CompletionProposal(proposal, offset - prefix.length(), prefix.length(),
					proposal.length(), null, label, null, entry.getDocumentation()));
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return null;
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}

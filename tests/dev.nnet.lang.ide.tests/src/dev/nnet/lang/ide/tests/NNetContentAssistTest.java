package dev.nnet.lang.ide.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.util.TextRegion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

import dev.nnet.lang.ide.NNetIdeSetup;

/** Drives the generic ide content assist (the same services the LSP server and the editor use). */
public class NNetContentAssistTest {

	private final Injector injector = new NNetIdeSetup().createInjectorAndDoEMFRegistration();
	private final ExecutorService pool = Executors.newCachedThreadPool();

	@AfterEach
	public void shutdown() {
		pool.shutdownNow();
	}

	private List<String> proposalsAt(String textWithCaret) throws Exception {
		int offset = textWithCaret.indexOf('|');
		String text = textWithCaret.replace("|", "");
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("inmemory:/test.nnet"));
		resource.load(new StringInputStream(text), null);

		ContentAssistContextFactory factory = injector.getInstance(ContentAssistContextFactory.class);
		factory.setPool(pool);
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
		IdeContentProposalProvider provider = injector.getInstance(IdeContentProposalProvider.class);
		IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
		provider.createProposals(Arrays.asList(contexts), acceptor);
		List<String> proposals = new ArrayList<>();
		for (ContentAssistEntry entry : acceptor.getEntries()) {
			proposals.add(entry.getProposal());
		}
		return proposals;
	}

	@Test
	public void proposesTopLevelKeywords() throws Exception {
		List<String> proposals = proposalsAt("|");
		assertTrue(proposals.containsAll(List.of("network", "data", "training")), proposals.toString());
	}

	@Test
	public void proposesActivationsAfterDenseUnits() throws Exception {
		List<String> proposals = proposalsAt("network N {\n input 2\n dense h 4 |\n}");
		assertTrue(proposals.containsAll(List.of("relu", "sigmoid", "tanh", "softmax")), proposals.toString());
		assertFalse(proposals.contains("training"), "no top-level keyword inside a network: " + proposals);
	}

	@Test
	public void proposesNetworksDeclaredInTheFileForTrainingReference() throws Exception {
		List<String> proposals = proposalsAt(
				"network Alpha { input 1 }\nnetwork Beta { input 1 }\ndata d { samples { (1) -> 1 } }\ntraining t { network |");
		assertTrue(proposals.containsAll(List.of("Alpha", "Beta")), proposals.toString());
	}
}

package dev.nnet.lang.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.StringInputStream;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

import dev.nnet.lang.ide.NNetIdeSetup;
import dev.nnet.lang.ide.references.NNetReferences;
import dev.nnet.lang.ide.references.Occurrence;

/** Declarations and references across files: what rename, find references and mark occurrences use. */
public class NNetReferencesTest {

	private static final Injector INJECTOR = new NNetIdeSetup().createInjectorAndDoEMFRegistration();
	private static final String NETS = "package lib\nnetwork XorNet { input 2 dense hidden 4 tanh dense out 1 sigmoid }\n"
			+ "data xor { samples { (0, 0) -> 0 (1, 1) -> 0 (0, 1) -> 1 } }\n";
	private static final String RUNS = "import lib.*\ntraining a { network XorNet data xor }\n"
			+ "training b { network lib.XorNet data lib.xor }\n";

	private final NNetReferences references = INJECTOR.getInstance(NNetReferences.class);
	private final XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);

	private XtextResource load(String name, String text) throws Exception {
		XtextResource r = (XtextResource) set.createResource(URI.createURI("inmemory:/" + name));
		r.load(new StringInputStream(text), null);
		return r;
	}

	@Test
	public void theDeclarationAndEveryReferenceInBothFiles() throws Exception {
		XtextResource nets = load("nets.nnet", NETS);
		XtextResource runs = load("runs.nnet", RUNS);
		// from a reference (the qualified one), and from the declaration
		EObject fromReference = references.targetAt(runs, RUNS.indexOf("lib.XorNet") + 5);
		EObject fromDeclaration = references.targetAt(nets, NETS.indexOf("XorNet") + 1);
		assertEquals(fromDeclaration, fromReference);
		List<Occurrence> all = references.occurrences(fromDeclaration, List.of(nets, runs));
		assertEquals(List.of(new Occurrence(nets.getURI(), NETS.indexOf("XorNet"), 6, true),
				new Occurrence(runs.getURI(), RUNS.indexOf("XorNet"), 6, false),
				new Occurrence(runs.getURI(), RUNS.indexOf("lib.XorNet") + 4, 6, false)), all);
	}

	@Test
	public void layersAndDataAreNamedToo() throws Exception {
		XtextResource nets = load("nets2.nnet", NETS);
		XtextResource runs = load("runs2.nnet", RUNS);
		EObject layer = references.targetAt(nets, NETS.indexOf("hidden") + 2);
		assertEquals("hidden", NNetReferences.nameOf(layer));
		assertEquals(1, references.occurrences(layer, List.of(nets, runs)).size());
		EObject data = references.targetAt(runs, RUNS.indexOf("xor"));
		assertEquals(3, references.occurrences(data, List.of(nets, runs)).size());
		assertNull(references.targetAt(nets, NETS.indexOf("input")), "a keyword names nothing");
	}

	@Test
	public void aNewNameMustBeAFreeIdentifier() throws Exception {
		XtextResource nets = load("nets3.nnet", NETS);
		EObject net = references.targetAt(nets, NETS.indexOf("XorNet"));
		assertNull(references.checkNewName(net, "XorNet2"));
		assertTrue(references.checkNewName(net, "2net").contains("not a name"));
		assertTrue(references.checkNewName(net, "dense").contains("keyword"));
		assertTrue(references.checkNewName(net, "xor").contains("already declared"));
	}

	@Test
	public void everyNamedLayerKindIsATargetAndLayerNamesStayUniqueInTheirNetwork() throws Exception {
		String cnn = "network Cnn { input 1x8x8 conv2d c1 4 kernel 3 relu max_pool p1 2 batch_norm bn dropout d 0.1"
				+ " flatten f dense out 10 softmax }\n";
		XtextResource r = load("cnn.nnet", cnn);
		for (String name : List.of("c1", "p1", "bn", "d", "f", "out")) {
			EObject layer = references.targetAt(r, cnn.indexOf(" " + name + " ") + 1);
			assertEquals(name, NNetReferences.nameOf(layer), name);
			assertEquals(List.of(new Occurrence(r.getURI(), cnn.indexOf(" " + name + " ") + 1, name.length(), true)),
					references.occurrences(layer, List.of(r)), name);
		}
		EObject conv = references.targetAt(r, cnn.indexOf("c1"));
		assertNull(references.checkNewName(conv, "conv1"));
		assertTrue(references.checkNewName(conv, "p1").contains("already names a layer of network Cnn"));
		assertNull(references.checkNewName(conv, "Cnn"), "a layer may share a network's name");
	}
}

package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.nnet.lang.documentation.NNetDocumentation;
import dev.nnet.lang.documentation.NNetDocumentationProvider;
import dev.nnet.lang.nnet.ActivationKind;
import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.InitKind;
import dev.nnet.lang.nnet.LossKind;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.OptimizerKind;

@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class NNetDocumentationTest {

	@Inject
	private NNetDocumentation documentation;

	@Inject
	private IEObjectDocumentationProvider provider;

	@Inject
	private ParseHelper<Model> parseHelper;

	@Test
	public void everyActivationLossOptimizerAndInitializerIsDocumented() {
		for (ActivationKind k : ActivationKind.VALUES) {
			assertNotNull(documentation.documentationFor(k.getLiteral()), k.getLiteral());
		}
		for (LossKind k : LossKind.VALUES) {
			assertNotNull(documentation.documentationFor(k.getLiteral()), k.getLiteral());
		}
		for (OptimizerKind k : OptimizerKind.VALUES) {
			assertNotNull(documentation.documentationFor(k.getLiteral()), k.getLiteral());
		}
		for (InitKind k : InitKind.VALUES) {
			assertNotNull(documentation.documentationFor(k.getLiteral()), k.getLiteral());
		}
		for (String k : new String[] { "dense", "perceptron", "repeat", "step", "exponential", "cosine" }) {
			assertNotNull(documentation.documentationFor(k), k);
		}
		assertNull(documentation.documentationFor("no_such_keyword"));
	}

	@Test
	public void textsCarryFormulaDerivativeAndCaveats() {
		assertTrue(documentation.documentationFor("sigmoid").contains("0.25"));
		assertTrue(documentation.documentationFor("relu").contains("max(0, x)"));
		assertTrue(documentation.documentationFor("perceptron").contains("linearly separable"));
		assertTrue(documentation.documentationFor("mse").contains("Convex in the weights only for a linear model"));
		assertTrue(documentation.documentationFor("dense").contains("non-convex"));
	}

	@Test
	public void providerIsBoundAndDescribesLayersWithTheirShape() throws Exception {
		assertTrue(provider instanceof NNetDocumentationProvider, provider.getClass().getName());
		Model m = parseHelper.parse("""
				/** The classic XOR net. */
				network XorNet { input 2 dense hidden 4 tanh dense out 1 sigmoid loss mse }
				""");
		Network n = (Network) m.getElements().get(0);
		String netDoc = provider.getDocumentation(n);
		assertTrue(netDoc.startsWith("The classic XOR net."), netDoc);
		assertTrue(netDoc.contains("17 parameters"), netDoc);
		Dense hidden = (Dense) n.getLayers().get(0);
		String layerDoc = provider.getDocumentation(hidden);
		assertTrue(layerDoc.contains("hidden: 2 -> 4 tanh, 12 parameters"), layerDoc);
		assertTrue(provider.getDocumentation(hidden.getActivation()).startsWith("tanh:"));
	}
}

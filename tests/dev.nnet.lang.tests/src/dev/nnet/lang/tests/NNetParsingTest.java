package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource.Diagnostic;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.nnet.lang.nnet.DataSet;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.Training;

/** Parses real .nnet text and checks the model the parser builds. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class NNetParsingTest {

	private static final String XOR = """
			// XOR needs a hidden layer
			data xor {
			  samples { (0, 0) -> 0  (0, 1) -> 1  (1, 0) -> 1  (1, 1) -> 0 }
			}
			network XorNet {
			  input 2
			  dense hidden 4 tanh
			  dense out 1 sigmoid
			  loss mse
			}
			training xorRun {
			  network XorNet
			  data xor
			  epochs 5000
			  learningRate 0.5
			}
			""";

	@Inject
	private ParseHelper<Model> parseHelper;

	@Test
	public void parsesNetworkDataAndTraining() throws Exception {
		Model model = parseHelper.parse(XOR);
		List<Diagnostic> errors = model.eResource().getErrors();
		assertTrue(errors.isEmpty(), "Unexpected errors: " + errors);
		assertEquals(3, model.getElements().size());

		DataSet data = (DataSet) model.getElements().get(0);
		assertEquals(4, data.getSamples().size());
		assertEquals(List.of(1.0, 0.0), data.getSamples().get(2).getFeatures());
		assertEquals(List.of(1.0), data.getSamples().get(2).getTargets());

		Network net = (Network) model.getElements().get(1);
		assertEquals(2, net.getInput().getSize());
		assertEquals(2, net.getLayers().size());
		assertEquals("hidden", net.getLayers().get(0).getName());
		assertEquals(4, net.getLayers().get(0).getUnits());
		assertEquals("tanh", net.getLayers().get(0).getActivation().getLiteral());

		Training training = (Training) model.getElements().get(2);
		assertSame(net, training.getNetwork(), "training refers to the network declared above");
		assertSame(data, training.getData());
		assertEquals(5000, training.getEpochs());
		assertEquals(0.5, training.getLearningRate(), 0.0);
	}

	@Test
	public void reportsSyntaxErrorWithItsLine() throws Exception {
		Model model = parseHelper.parse("network Broken {\n  input 2\n  dense hidden tanh\n}\n");
		List<Diagnostic> errors = model.eResource().getErrors();
		assertFalse(errors.isEmpty(), "a dense layer without units must not parse");
		assertEquals(3, errors.get(0).getLine(), "error is on the line of the broken layer: " + errors);
	}

	@Test
	public void reportsUnresolvedNetworkReference() throws Exception {
		Model model = parseHelper.parse("data d { samples { (1) -> 1 } }\ntraining t {\n  network Missing\n  data d\n}\n");
		EcoreUtil2.resolveAll(model); // cross-references are linked lazily
		List<Diagnostic> errors = model.eResource().getErrors();
		assertEquals(1, errors.size(), "only the reference is wrong: " + errors);
		assertTrue(errors.get(0).getMessage().contains("Missing"), errors.get(0).getMessage());
		assertEquals(3, errors.get(0).getLine());
	}
}

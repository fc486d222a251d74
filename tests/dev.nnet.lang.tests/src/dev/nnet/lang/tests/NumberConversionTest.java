package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.nnet.lang.nnet.DataSet;
import dev.nnet.lang.nnet.Model;

/** The Number rule's values: a sign may stand apart from its digits (space, tab, line break). */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class NumberConversionTest {

	@Inject
	private Provider<ResourceSet> resourceSets;

	private DataSet data(String samples) throws Exception {
		Resource r = resourceSets.get().createResource(URI.createURI("dummy:/n.nnet"));
		r.load(new ByteArrayInputStream(("data d {\n samples {\n" + samples + "\n }\n}\n").getBytes(StandardCharsets.UTF_8)),
				null);
		assertTrue(r.getErrors().isEmpty(), r.getErrors().toString());
		return (DataSet) ((Model) r.getContents().get(0)).getElements().get(0);
	}

	@Test
	public void signsApartFromTheirDigitsAndPlainNumbersConvertAlike() throws Exception {
		DataSet d = data("(-0.25, - 1.5, -\t2, -\r\n 3.125, 0.000001) -> -1\n(7, 1.0e0, 8, 9, 10) -> - 1");
		assertEquals(List.of(-0.25, -1.5, -2.0, -3.125, 0.000001), d.getSamples().get(0).getFeatures());
		assertEquals(List.of(-1.0), d.getSamples().get(0).getTargets());
		assertEquals(List.of(-1.0), d.getSamples().get(1).getTargets());
	}
}

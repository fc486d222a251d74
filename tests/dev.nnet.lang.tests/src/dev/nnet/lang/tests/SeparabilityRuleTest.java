package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.validation.IssueCodes;

/**
 * Rule 7 through the validator on the worst case of bench/separability: 500 inline samples of 50 six-decimal
 * features. Random labels are decided (warned) within the default budget, planted ones are separable.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class SeparabilityRuleTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private ValidationTestHelper validation;

	private static String perceptronFile(int n, int d, boolean planted, long seed) {
		Random r = new Random(seed);
		double[] w = new double[d];
		for (int j = 0; j < d; j++) {
			w[j] = r.nextGaussian();
		}
		StringBuilder s = new StringBuilder("data d {\n  samples {\n");
		for (int i = 0; i < n; i++) {
			double dot = 0;
			s.append("    (");
			for (int j = 0; j < d; j++) {
				double x = Math.round(r.nextDouble() * 1e6) / 1e6;
				dot += w[j] * (x - 0.5);
				s.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", x));
			}
			int label = planted ? (dot > 0 ? 1 : 0) : r.nextInt(2);
			s.append(") -> ").append(label).append('\n');
		}
		s.append("  }\n}\nperceptron P { input ").append(d).append(" }\n");
		s.append("training t { network P data d batch 1 epochs 10 }\n");
		return s.toString();
	}

	private List<String> codes(String text) throws Exception {
		List<Issue> issues = validation.validate(parseHelper.parse(text));
		return issues.stream().map(Issue::getCode).filter(IssueCodes.NOT_LINEARLY_SEPARABLE::equals).toList();
	}

	@Test
	public void randomLabelsOn500x50AreWarned() throws Exception {
		assertEquals(List.of(IssueCodes.NOT_LINEARLY_SEPARABLE), codes(perceptronFile(500, 50, false, 500050)));
	}

	@Test
	public void plantedLabelsOn500x50AreNot() throws Exception {
		assertEquals(List.of(), codes(perceptronFile(500, 50, true, 500050)));
	}
}

package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.nnet.engine.train.TrainingListener;
import dev.nnet.engine.train.TrainingResult;
import dev.nnet.engine.train.TrainingStatus;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.run.RunOverrides;
import dev.nnet.lang.run.TrainingPlanner;
import dev.nnet.lang.validation.IssueCodes;

/** What the engine would refuse or mis-train, check rejects: hyper-parameter ranges, sizes, layer counts. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class CheckTrainAgreementTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private TrainingPlanner planner;

	private static final String NET = "data d { samples { (0, 0) -> 0 (1, 1) -> 1 } }\n"
			+ "network N { input 2 dense h 4 tanh dense out 1 sigmoid loss mse }\n";

	private List<Issue> issues(String source, String code) throws Exception {
		Model m = parseHelper.parse(source);
		assertTrue(m.eResource().getErrors().isEmpty(), m.eResource().getErrors().toString());
		return validation.validate(m).stream().filter(i -> code.equals(i.getCode())).toList();
	}

	private String single(String source, String code) throws Exception {
		List<Issue> found = issues(source, code);
		assertEquals(1, found.size(), source + " -> " + found);
		return found.get(0).getMessage();
	}

	private String training(String settings) {
		return NET + "training t { network N data d " + settings + " }";
	}

	@Test
	public void hyperParametersOutsideTheirRangesAreErrors() throws Exception {
		String range = IssueCodes.OUT_OF_RANGE;
		assertEquals("The step size must be at least 1, but it is -10.",
				single(training("schedule step size -10 gamma 0.5"), range));
		assertTrue(single(training("schedule exponential gamma 0"), range).startsWith("The gamma must be positive"));
		assertEquals("The tmax must be at least 1, but it is -10.", single(training("schedule cosine tmax -10"), range));
		assertTrue(single(training("optimizer adam beta1 2.0"), range).contains("beta1 must be in [0, 1), but it is 2"));
		assertTrue(single(training("optimizer momentum mu 5"), range).contains("mu must be in [0, 1), but it is 5"));
		assertTrue(single(training("optimizer sgd weightDecay -1"), range).contains("weightDecay must be at least 0"));
		assertTrue(single(training("stop when accuracy >= 200%"), range).contains("target accuracy must be in (0%, 100%]"));
		assertTrue(single(training("stop when loss >= 0.1"), range).contains("'stop when loss' needs '<='"));
		validation.assertNoErrors(parseHelper.parse(training(
				"optimizer adam beta1 0.9 beta2 0.999 weightDecay 0.0001 schedule step size 10 gamma 0.5 stop when accuracy >= 100%")));
	}

	@Test
	public void initializerAndActivationArguments() throws Exception {
		String range = IssueCodes.OUT_OF_RANGE;
		assertEquals("The high bound of uniform(low, high) must be at least the low bound 0.5, but it is -0.5.",
				single("network N { input 2 dense h 4 tanh init uniform(0.5, -0.5) dense 1 }", range));
		assertTrue(single("network N { input 2 dense h 4 tanh init normal(0, -1) dense 1 }", range)
				.contains("standard deviation of normal(mean, std) must be at least 0"));
		assertTrue(single("network N { input 2 dense h 4 leaky_relu(-3) dense 1 }", range)
				.contains("slope of leaky_relu must be in [0, 1), but it is -3"));
	}

	@Test
	public void sizesBeyondTheBudgetAreErrorsBeforeTraining() throws Exception {
		assertTrue(single("network N { input 2 dense 2000000000 relu dense 1 }", IssueCodes.SIZE_BUDGET)
				.contains("would have 2,000,000,000 x 2 = 4,000,000,000 weights"));
		assertTrue(single("network N { input 1000 dense 200000 relu dense 1 }", IssueCodes.SIZE_BUDGET)
				.contains("parameters, more than the limit of 100,000,000"));
		assertTrue(single("network N { input 65536 dense a 65536 relu dense 1 }", IssueCodes.SIZE_BUDGET)
				.contains("Layer 'a' would have 65,536 x 65,536 = 4,294,967,296 weights"));
	}

	@Test
	public void convolutionWorkspaceBeyondTheEnginesLimitIsAnError() throws Exception {
		// 4096 x 4096 output positions x 3 x 3 patch values: 150,994,944 per sample, the engine refuses it
		String big = "network N { input 1x4096x4096 conv2d c 1 kernel 3 padding same relu max_pool p 2 flatten dense 1 }";
		String message = single(big, IssueCodes.SIZE_BUDGET);
		assertTrue(message.contains("Layer 'c' would need 150,994,944 numbers of workspace"), message);
		assertTrue(issues("network N { input 1x64x64 conv2d c 8 kernel 3 padding same relu max_pool p 2 flatten dense 1 }",
				IssueCodes.SIZE_BUDGET).isEmpty());
	}

	@Test
	public void moreThanTenThousandLayersIsAnErrorNotACut() throws Exception {
		assertEquals("Network 'N' has more than 10,000 layers after expanding its repeat blocks; at most 10,000 are supported.",
				single("network N { input 2 repeat 20000 { dense 1 relu } }", IssueCodes.SIZE_BUDGET));
		assertTrue(issues("network N { input 2 repeat 10000 { dense 1 relu } }", IssueCodes.SIZE_BUDGET).isEmpty());
	}

	@Test
	public void aSignUnitWithThePerceptronLossTrainsOnAnyTwoLabels() throws Exception {
		Model m = parseHelper.parse("""
				data and { samples { (0, 0) -> 1 (0, 1) -> 1 (1, 0) -> 1 (1, 1) -> 2 } }
				network P { input 2 dense p 1 sign loss perceptron }
				training t { network P data and epochs 100 }
				""");
		validation.assertNoErrors(m);
		TrainingResult r = planner.plan((Training) m.getElements().get(2), RunOverrides.NONE)
				.run(TrainingListener.NONE, null);
		assertEquals(TrainingStatus.CONVERGED, r.status(), r.message());
		assertEquals(1, issues("network P { input 2 dense p 3 sign loss perceptron }",
				IssueCodes.PERCEPTRON_LOSS_NEEDS_SIGN).size());
	}
}

package dev.nnet.lang.tests;

import static dev.nnet.lang.validation.IssueCodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.NnetPackage.Literals;

/**
 * One test per rule that checks code, message and the marked region, and one that the valid counterpart is
 * not flagged.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class NNetValidatorTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private Provider<ResourceSet> resourceSets;

	@TempDir
	Path tmp;

	private String text;

	private Model parse(String source) throws Exception {
		text = source;
		Model m = parseHelper.parse(source);
		assertTrue(m.eResource().getErrors().isEmpty(), m.eResource().getErrors().toString());
		return m;
	}

	/** Parses as the file tmp/name, so that CSV paths resolve against tmp. */
	private Model parseFile(String name, String source) throws Exception {
		text = source;
		Model m = parseHelper.parse(source, URI.createFileURI(tmp.resolve(name).toString()), resourceSets.get());
		assertTrue(m.eResource().getErrors().isEmpty(), m.eResource().getErrors().toString());
		return m;
	}

	/** Offset of the n-th (0-based) occurrence of a snippet plus a shift. */
	private int at(String snippet, int occurrence, int shift) {
		int offset = -1;
		for (int i = 0; i <= occurrence; i++) {
			offset = text.indexOf(snippet, offset + 1);
			assertTrue(offset >= 0, snippet + " #" + occurrence + " not in text");
		}
		return offset + shift;
	}

	private int at(String snippet) {
		return at(snippet, 0, 0);
	}

	private Issue single(Model m, String code) {
		List<Issue> issues = validation.validate(m).stream().filter(i -> code.equals(i.getCode())).toList();
		assertEquals(1, issues.size(), "issues with " + code + ": " + validation.validate(m));
		return issues.get(0);
	}

	private void error(Model m, EClass type, String code, int offset, int length, String message) {
		validation.assertError(m, type, code, offset, length, message);
		assertEquals(message, single(m, code).getMessage());
	}

	private void warning(Model m, EClass type, String code, int offset, int length, String message) {
		validation.assertWarning(m, type, code, offset, length, message);
		assertEquals(message, single(m, code).getMessage());
	}

	private static final String XOR_DATA = "data xor { samples { (0, 0) -> 0 (0, 1) -> 1 (1, 0) -> 1 (1, 1) -> 0 } }\n";
	private static final String THREE_CLASSES = """
			data three { samples { (0, 0) -> 0 (1, 0) -> 1 (0, 1) -> 2 (1, 1) -> 2 } }
			""";

	// ------------------------------------------------------------ rule 1

	@Test
	public void rule1_inputSizeDiffersFromFeatureCount() throws Exception {
		Model m = parse(XOR_DATA + "network N { input 3 dense 1 sigmoid }\ntraining t { network N data xor }");
		error(m, Literals.TRAINING, INPUT_SIZE_MISMATCH, at("network N", 1, 8), 1,
				"Network 'N' expects 3 inputs but data 'xor' has 2 features. Set 'input 2'.");
		assertEquals(List.of("2"), List.of(single(m, INPUT_SIZE_MISMATCH).getData()));
	}

	@Test
	public void rule1_matchingInputIsNotFlagged() throws Exception {
		Model m = parse(XOR_DATA + "network N { input 2 dense 4 tanh dense 1 sigmoid }\ntraining t { network N data xor }");
		validation.assertNoIssue(m, Literals.TRAINING, INPUT_SIZE_MISMATCH);
		validation.assertNoIssue(m, Literals.TRAINING, OUTPUT_SIZE_MISMATCH);
	}

	@Test
	public void rule1_outputSizeDiffersFromClassCount() throws Exception {
		Model m = parse(THREE_CLASSES + "network N { input 2 dense h 8 relu dense out 2 softmax loss cross_entropy }\n"
				+ "training t { network N data three }");
		error(m, Literals.TRAINING, OUTPUT_SIZE_MISMATCH, at("network N", 1, 8), 1,
				"Network 'N' has 2 outputs but data 'three' needs 3 (one per class). Make the output layer 'out' 3 units wide.");
		assertEquals("3", single(m, OUTPUT_SIZE_MISMATCH).getData()[0]);
	}

	@Test
	public void rule1_outputsMatchingClassesAreNotFlagged() throws Exception {
		Model m = parse(THREE_CLASSES + "network N { input 2 dense h 8 relu dense out 3 softmax loss cross_entropy }\n"
				+ "training t { network N data three }");
		validation.assertNoIssue(m, Literals.TRAINING, OUTPUT_SIZE_MISMATCH);
	}

	@Test
	public void rule1_regressionOutputsMustMatchTargetColumns() throws Exception {
		Model m = parse("data r { samples { (1) -> (0.5, 1.5) (2) -> (1.5, 2.5) } }\n"
				+ "network N { input 1 dense h 4 tanh dense out 1 loss mse }\ntraining t { network N data r }");
		error(m, Literals.TRAINING, OUTPUT_SIZE_MISMATCH, at("network N", 1, 8), 1,
				"Network 'N' has 1 outputs but data 'r' needs 2 (one per target column). Make the output layer 'out' 2 units wide.");
	}

	@Test
	public void rule1_csvFeatureAndClassCountsComeFromTheFile() throws Exception {
		Files.writeString(tmp.resolve("flowers.csv"), "a,b,c,species\n1,2,3,x\n4,5,6,y\n7,8,9,z\n1,1,1,x\n",
				StandardCharsets.UTF_8);
		Model m = parseFile("f.nnet", """
				data flowers from "flowers.csv" { label "species" }
				network N { input 4 dense h 5 relu dense out 2 softmax loss cross_entropy }
				training t { network N data flowers }
				""");
		error(m, Literals.TRAINING, INPUT_SIZE_MISMATCH, at("network N", 1, 8), 1,
				"Network 'N' expects 4 inputs but data 'flowers' has 3 features. Set 'input 3'.");
		error(m, Literals.TRAINING, OUTPUT_SIZE_MISMATCH, at("network N", 1, 8), 1,
				"Network 'N' has 2 outputs but data 'flowers' needs 3 (one per class). Make the output layer 'out' 3 units wide.");
		Model ok = parseFile("g.nnet", """
				data flowers from "flowers.csv" { label "species" features "a", "c" }
				network N { input 2 dense h 5 relu dense out 3 softmax loss cross_entropy }
				training t { network N data flowers }
				""");
		validation.assertNoErrors(ok);
	}

	// ------------------------------------------------------------ rule 2

	@Test
	public void rule2_crossEntropyNeedsSoftmax() throws Exception {
		Model m = parse("network N { input 2 dense h 4 relu dense out 3 sigmoid loss cross_entropy }");
		error(m, Literals.NETWORK, CROSS_ENTROPY_WITHOUT_SOFTMAX, at("cross_entropy"), 13,
				"Network 'N' uses cross_entropy but its output layer 'out' has activation sigmoid; cross_entropy is the softmax cross-entropy and needs a softmax output.");
		assertEquals("softmax", single(m, CROSS_ENTROPY_WITHOUT_SOFTMAX).getData()[0]);
	}

	@Test
	public void rule2_crossEntropyOnOneSigmoidSuggestsBinaryCrossEntropy() throws Exception {
		Model m = parse("network N { input 2 dense h 4 relu dense out 1 sigmoid loss cross_entropy }");
		error(m, Literals.NETWORK, CROSS_ENTROPY_WITHOUT_SOFTMAX, at("cross_entropy"), 13,
				"Network 'N' uses cross_entropy on a single sigmoid output 'out'; use binary_cross_entropy for one sigmoid output, or a softmax layer with one unit per class.");
		assertEquals("binary_cross_entropy", single(m, CROSS_ENTROPY_WITHOUT_SOFTMAX).getData()[0]);
	}

	@Test
	public void rule2_binaryCrossEntropyNeedsSigmoid() throws Exception {
		Model m = parse("network N { input 2 dense h 4 relu dense out 1 tanh loss binary_cross_entropy }");
		error(m, Literals.NETWORK, BINARY_CROSS_ENTROPY_WITHOUT_SIGMOID, at("binary_cross_entropy"), 20,
				"Network 'N' uses binary_cross_entropy but its output layer 'out' has activation tanh; binary_cross_entropy needs sigmoid outputs in (0, 1).");
	}

	@Test
	public void rule2_mseOnSoftmaxIsAWarning() throws Exception {
		Model m = parse("network N { input 2 dense h 4 relu dense out 3 softmax loss mse }");
		warning(m, Literals.NETWORK, MSE_ON_SOFTMAX, at("mse"), 3,
				"Network 'N' uses mse on the softmax output 'out'; the gradient of mse through softmax is small when the prediction is confidently wrong. Use cross_entropy.");
	}

	@Test
	public void rule2_perceptronLossOnlyOnASingleSignLayer() throws Exception {
		Model m = parse("network N { input 2 dense h 4 tanh dense out 1 sign loss perceptron }");
		error(m, Literals.NETWORK, PERCEPTRON_LOSS_NEEDS_SIGN, at("perceptron"), 10,
				"Network 'N' uses the perceptron loss, which only trains a single layer of sign units; it has 2 layer(s) and its output 'out' uses sign. Use the perceptron model or another loss.");
	}

	@Test
	public void rule2_matchingLossesAreNotFlagged() throws Exception {
		Model m = parse("""
				network A { input 2 dense h 4 relu dense out 3 softmax loss cross_entropy }
				network B { input 2 dense h 4 relu dense out 1 sigmoid loss binary_cross_entropy }
				network C { input 2 dense h 4 relu dense out 1 loss mse }
				network D { input 2 dense out 1 sign loss perceptron }
				""");
		validation.assertNoErrors(m);
		validation.assertNoIssue(m, Literals.NETWORK, MSE_ON_SOFTMAX);
	}

	// ------------------------------------------------------------ rule 3

	@Test
	public void rule3_signUnderBackpropagation() throws Exception {
		Model m = parse("network N { input 2 dense h 4 sign dense out 1 sigmoid loss binary_cross_entropy }");
		error(m, Literals.ACTIVATION, NON_DIFFERENTIABLE_ACTIVATION, at("sign"), 4,
				"Layer 'h' of network 'N' uses sign, whose derivative is zero almost everywhere, so backpropagation cannot train it. Use tanh, or the perceptron model.");
		assertEquals("tanh", single(m, NON_DIFFERENTIABLE_ACTIVATION).getData()[0]);
	}

	@Test
	public void rule3_signWithThePerceptronRuleIsFine() throws Exception {
		Model m = parse("network N { input 2 dense out 1 sign loss perceptron }\nperceptron P { input 2 }");
		validation.assertNoIssue(m, Literals.ACTIVATION, NON_DIFFERENTIABLE_ACTIVATION);
	}

	// ------------------------------------------------------------ rule 4

	@Test
	public void rule4_noNonLinearHiddenActivation() throws Exception {
		Model m = parse("network Flat { input 2 dense h 4 identity dense h2 4 dense out 1 sigmoid }");
		warning(m, Literals.NETWORK, COLLAPSES_TO_LINEAR, at("Flat"), 4,
				"Network 'Flat' has 3 layers but no non-linear hidden activation, so it collapses to a single linear model. Give the hidden layers a non-linear activation such as relu.");
	}

	@Test
	public void rule4_oneNonLinearHiddenLayerIsEnough() throws Exception {
		Model m = parse("network Ok { input 2 dense h 4 identity dense h2 4 tanh dense out 1 }\nnetwork One { input 2 dense 1 }");
		validation.assertNoIssue(m, Literals.NETWORK, COLLAPSES_TO_LINEAR);
	}

	// ------------------------------------------------------------ rule 5

	@Test
	public void rule5_fourStackedSaturatingLayers() throws Exception {
		Model m = parse("""
				network Deep {
				  input 4
				  dense a 8 sigmoid
				  repeat 2 { dense b 8 tanh }
				  dense c 1 sigmoid
				}
				""");
		warning(m, Literals.DENSE, VANISHING_GRADIENTS, at("sigmoid"), 7,
				"Layers 'a' to 'c' of network 'Deep' stack 4 sigmoid/tanh activations: the gradient reaching 'a' is scaled by a product of derivatives bounded by 0.25^4 = 0.00391 for sigmoid. Use relu with he initialisation.");
		assertEquals(List.of("relu", "he_normal"), List.of(single(m, VANISHING_GRADIENTS).getData()));
	}

	@Test
	public void rule5_threeSaturatingLayersOrABreakAreFine() throws Exception {
		Model m = parse("""
				network Three { input 4 dense 8 sigmoid dense 8 tanh dense 1 sigmoid }
				network Broken { input 4 dense 8 sigmoid dense 8 tanh dense 8 relu dense 8 tanh dense 1 sigmoid }
				""");
		validation.assertNoIssue(m, Literals.DENSE, VANISHING_GRADIENTS);
	}

	// ------------------------------------------------------------ rule 6

	@Test
	public void rule6_perceptronRuleWithFullBatch() throws Exception {
		Model m = parse("data and { samples { (0, 0) -> 0 (1, 1) -> 1 } }\nperceptron P { input 2 }\n"
				+ "training t { network P data and batch full }");
		error(m, Literals.TRAINING, PERCEPTRON_FULL_BATCH, at("full"), 4,
				"Training 't' uses the perceptron rule with full-batch descent, which does not converge; use per-sample updates (batch 1) or mini-batches (batch N).");
		assertEquals("1", single(m, PERCEPTRON_FULL_BATCH).getData()[0]);
	}

	@Test
	public void rule6_perceptronWithBatchOneAndMlpWithFullBatchAreFine() throws Exception {
		Model m = parse(XOR_DATA + "perceptron P { input 2 }\nnetwork N { input 2 dense 4 tanh dense 1 sigmoid }\n"
				+ "training a { network P data xor batch 1 }\ntraining b { network N data xor batch full }");
		validation.assertNoIssue(m, Literals.TRAINING, PERCEPTRON_FULL_BATCH);
	}

	// ------------------------------------------------------------ rule 7

	@Test
	public void rule7_perceptronOnXorCanNeverConverge() throws Exception {
		Model m = parse(XOR_DATA + "perceptron P { input 2 }\ntraining t { network P data xor batch 1 }");
		warning(m, Literals.TRAINING, NOT_LINEARLY_SEPARABLE, at("data xor", 1, 5), 3,
				"Data 'xor' is not linearly separable, so 'P' (no hidden layer) can never classify every sample. Add a hidden layer with a non-linear activation.");
	}

	@Test
	public void rule7_singleLayerNetworkOnXorIsFlaggedToo() throws Exception {
		Model m = parse(XOR_DATA + "network L { input 2 dense out 1 sigmoid }\ntraining t { network L data xor }");
		warning(m, Literals.TRAINING, NOT_LINEARLY_SEPARABLE, at("data xor", 1, 5), 3,
				"Data 'xor' is not linearly separable, so 'L' (no hidden layer) can never classify every sample. Add a hidden layer with a non-linear activation.");
	}

	@Test
	public void rule7_separableDataHiddenLayersAndAbsAreNotFlagged() throws Exception {
		Model m = parse(XOR_DATA + """
				data and { samples { (0, 0) -> 0 (0, 1) -> 0 (1, 0) -> 0 (1, 1) -> 1 } }
				perceptron P { input 2 }
				network Mlp { input 2 dense 4 tanh dense 1 sigmoid }
				network Abs { input 2 dense 1 abs }
				training a { network P data and batch 1 }
				training b { network Mlp data xor }
				training c { network Abs data xor }
				""");
		validation.assertNoIssue(m, Literals.TRAINING, NOT_LINEARLY_SEPARABLE);
	}

	@Test
	public void rule7_multiClassSeparabilityIsExact() throws Exception {
		// three corners of a square: separable by arg-max of linear scores
		Model ok = parse(THREE_CLASSES.replace("(1, 1) -> 2", "(2, 2) -> 2")
				+ "network S { input 2 dense out 3 softmax loss cross_entropy }\ntraining t { network S data three }");
		validation.assertNoIssue(ok, Literals.TRAINING, NOT_LINEARLY_SEPARABLE);
		// class 0 in the middle of class 1 on a line: no linear score can pick it out
		Model bad = parse("data line { samples { (0) -> 1 (1) -> 0 (2) -> 1 (5) -> 2 } }\n"
				+ "network S { input 1 dense out 3 softmax loss cross_entropy }\ntraining t { network S data line }");
		single(bad, NOT_LINEARLY_SEPARABLE);
	}

	// ------------------------------------------------------------ rule 8

	@Test
	public void rule8_hiddenLayerInitialisedWithZeros() throws Exception {
		Model m = parse("network N { input 2 dense h 4 tanh init zeros dense out 1 sigmoid init zeros }");
		warning(m, Literals.DENSE, SYMMETRIC_INITIALIZATION, at("init zeros", 0, 5), 5,
				"Hidden layer 'h' is initialised with zeros: every unit computes the same function and receives the same update, so the units stay identical. Use xavier_uniform.");
	}

	@Test
	public void rule8_constantHiddenInitSuggestsHeForRelu() throws Exception {
		Model m = parse("network N { input 2 dense h 4 relu init constant(0.5) dense out 1 }");
		warning(m, Literals.DENSE, SYMMETRIC_INITIALIZATION, at("constant"), 13,
				"Hidden layer 'h' is initialised with constant: every unit computes the same function and receives the same update, so the units stay identical. Use he_normal.");
	}

	@Test
	public void rule8_randomHiddenInitAndZeroOutputInitAreFine() throws Exception {
		Model m = parse("network N { input 2 dense h 4 tanh init xavier dense out 1 init zeros }\nperceptron P { input 2 }");
		validation.assertNoIssue(m, Literals.DENSE, SYMMETRIC_INITIALIZATION);
	}

	// ------------------------------------------------------------ rule 9

	private static final String NET = XOR_DATA + "network N { input 2 dense h 4 relu dense out 1 sigmoid }\n";

	@Test
	public void rule9_learningRateMustBePositive() throws Exception {
		Model m = parse(NET + "training t { network N data xor optimizer sgd learningRate -0.5 }");
		error(m, Literals.OPTIMIZER, INVALID_LEARNING_RATE, at("-0.5"), 4,
				"The learning rate must be positive, but it is -0.5.");
	}

	@Test
	public void rule9_largeLearningRateWithUnboundedActivation() throws Exception {
		Model m = parse(NET + "training t { network N data xor optimizer sgd learningRate 2 }");
		warning(m, Literals.OPTIMIZER, LARGE_LEARNING_RATE, at("2 }"), 1,
				"A learning rate of 2 is above 1 and network 'N' has the unbounded activation relu; training may diverge. Try 0.1 or less.");
	}

	@Test
	public void rule9_epochsMustBePositive() throws Exception {
		Model m = parse(NET + "training t { network N data xor epochs 0 }");
		error(m, Literals.TRAINING, INVALID_EPOCHS, at("epochs 0", 0, 7), 1, "The number of epochs must be positive, but it is 0.");
	}

	@Test
	public void rule9_unitsMustBePositive() throws Exception {
		Model m = parse("network N { input 2 dense h 0 relu dense out 1 }");
		error(m, Literals.DENSE, INVALID_SIZE, at("0 relu"), 1,
				"The number of units of layer 'h' must be positive, but it is 0.");
	}

	@Test
	public void rule9_inputMustBePositive() throws Exception {
		Model m = parse("network N { input -3 dense out 1 }");
		error(m, Literals.INPUT, INVALID_SIZE, at("-3"), 2, "The input size must be positive, but it is -3.");
	}

	@Test
	public void rule9_batchLargerThanTheTrainingSet() throws Exception {
		Model m = parse(NET + "training t { network N data xor batch 5 }");
		error(m, Literals.TRAINING, BATCH_TOO_LARGE, at("batch 5", 0, 6), 1,
				"The batch size 5 is larger than the training set of data 'xor' (4 samples); use 'batch full' or at most 4.");
		assertEquals("4", single(m, BATCH_TOO_LARGE).getData()[0]);
	}

	@Test
	public void rule9_splitOutsideTheOpenInterval() throws Exception {
		Model m = parse("data d { samples { (1) -> 1 (2) -> 0 } split test 100% }");
		error(m, Literals.SPLIT, INVALID_SPLIT, at("100"), 3,
				"The test split must lie strictly between 0% and 100%, but it is 100%.");
		Model zero = parse("data d { samples { (1) -> 1 (2) -> 0 } split test 0% }");
		single(zero, INVALID_SPLIT);
	}

	@Test
	public void rule9_validNumbersAreNotFlagged() throws Exception {
		Model m = parse(NET.replace("relu", "tanh") + """
				data s { samples { (0, 0) -> 0 (0, 1) -> 1 (1, 0) -> 1 (1, 1) -> 0 (2, 2) -> 0 } split test 20% }
				training t { network N data xor optimizer sgd learningRate 1.5 epochs 10 batch 4 }
				training u { network N data s batch 4 }
				""");
		validation.assertNoErrors(m);
		validation.assertNoIssue(m, Literals.OPTIMIZER, LARGE_LEARNING_RATE);
	}

	// ------------------------------------------------------------ rule 10

	@Test
	public void rule10_missingCsvFile() throws Exception {
		Model m = parseFile("m.nnet", "data d from \"nowhere.csv\" { label \"y\" }");
		error(m, Literals.DATA_SET, CSV_NOT_FOUND, at("\"nowhere.csv\""), 13,
				"The CSV file 'nowhere.csv' of data 'd' does not exist (looked for " + tmp.resolve("nowhere.csv") + ").");
	}

	@Test
	public void rule10_headerLacksTheNamedColumn() throws Exception {
		Files.writeString(tmp.resolve("h.csv"), "x1,x2,label\n1,2,0\n", StandardCharsets.UTF_8);
		Model m = parseFile("m.nnet", "data d from \"h.csv\" { label \"species\" features \"x1\", 7 }");
		assertEquals(2, validation.validate(m).size(), validation.validate(m).toString());
		validation.assertError(m, Literals.NAMED_COLUMN, CSV_MISSING_COLUMN, at("\"species\""), 9,
				"The CSV file 'h.csv' has no column \"species\"; its header has: x1, x2, label.");
		validation.assertError(m, Literals.INDEXED_COLUMN, CSV_MISSING_COLUMN, at("7"), 1,
				"The CSV file 'h.csv' has no column 7; its header has: x1, x2, label.");
	}

	@Test
	public void rule10_existingFileAndColumnsAreFine() throws Exception {
		Files.createDirectories(tmp.resolve("data"));
		Files.writeString(tmp.resolve("data/h.csv"), "x1,x2,label\n1,2,0\n3,4,1\n", StandardCharsets.UTF_8);
		Model m = parseFile("m.nnet", "data d from \"data/h.csv\" { label \"label\" features \"x1\", 1 }");
		validation.assertNoErrors(m);
	}

	// ------------------------------------------------------------ rule 11

	@Test
	public void rule11_duplicateNames() throws Exception {
		Model m = parse("network N { input 1 dense a 1 dense a 1 }\nnetwork N { input 1 dense 1 }");
		validation.assertError(m, Literals.NETWORK, DUPLICATE_NAME, at("N"), 1, "The name 'N' is declared more than once.");
		validation.assertError(m, Literals.NETWORK, DUPLICATE_NAME, at("network N", 1, 8), 1,
				"The name 'N' is declared more than once.");
		validation.assertError(m, Literals.DENSE, DUPLICATE_NAME, at("a 1", 1, 0), 1,
				"Network 'N' has more than one layer named 'a'.");
	}

	@Test
	public void rule11_trainingWithoutNetworkOrData() throws Exception {
		Model m = parse("training lonely { epochs 3 }");
		error(m, Literals.TRAINING, TRAINING_WITHOUT_NETWORK, at("lonely"), 6,
				"Training 'lonely' names no network; add 'network <Name>'.");
		error(m, Literals.TRAINING, TRAINING_WITHOUT_DATA, at("lonely"), 6,
				"Training 'lonely' names no data; add 'data <name>'.");
	}

	@Test
	public void rule11_unresolvedReference() throws Exception {
		text = "data d { samples { (1) -> 1 } }\ntraining t { network Ghost data d }";
		Model m = parseHelper.parse(text);
		validation.assertError(m, Literals.TRAINING, Diagnostic.LINKING_DIAGNOSTIC, at("Ghost"), 5,
				"Couldn't resolve reference to Architecture 'Ghost'.");
	}

	@Test
	public void rule11_uniqueNamesAndCompleteTrainingAreFine() throws Exception {
		Model m = parse(XOR_DATA + "network N { input 2 dense a 4 tanh dense b 1 sigmoid }\ntraining t { network N data xor }");
		validation.assertNoErrors(m);
	}

	// ------------------------------------------------------------ the examples

	@Test
	public void examplesHaveNoErrorsAndOnlyTheExpectedWarnings() throws Exception {
		for (String file : Examples.FILES) {
			Model m = parseHelper.parse(Examples.read(file), URI.createFileURI(Examples.path(file).toString()),
					resourceSets.get());
			List<Issue> issues = validation.validate(m);
			assertTrue(issues.stream().noneMatch(i -> i.getSeverity() == Severity.ERROR), file + ": " + issues);
			List<String> warnings = issues.stream().map(Issue::getCode).toList();
			assertEquals(file.equals("xor.nnet") ? List.of(NOT_LINEARLY_SEPARABLE) : List.of(), warnings,
					file + ": " + issues);
		}
	}
}

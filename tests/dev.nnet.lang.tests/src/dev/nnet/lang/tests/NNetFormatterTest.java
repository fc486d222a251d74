package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.formatter.FormatterTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.inject.Inject;

/** The formatter turns messy text into the canonical layout of the examples. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class NNetFormatterTest {

	@Inject
	private FormatterTestHelper formatter;

	/** Collapses all whitespace between tokens to single spaces or none: a messy version of the text. */
	private static String mess(String canonical) {
		StringBuilder out = new StringBuilder();
		for (String line : canonical.split("\n", -1)) {
			if (line.trim().startsWith("//")) {
				out.append(line).append('\n');
				continue;
			}
			out.append(line.replace("  ", "\t \t").replace(" {", "{   ").replace(", ", " ,").replace("(", " ( ")
					.replace(" 1", "\n\n 1")).append(line.isBlank() ? "\n" : " ");
		}
		return out.toString();
	}

	private void assertFormats(String canonical, String messy) {
		formatter.assertFormatted(r -> {
			r.setToBeFormatted(messy);
			r.setExpectation(canonical);
			r.setUseNodeModel(true);
			r.setUseSerializer(false);
		});
	}

	@Test
	public void formatsAMessyXorToTheCanonicalLayout() {
		String canonical = """
				data xor {
				  samples {
				    (0, 0) -> 0
				    (0, 1) -> 1
				  }
				}

				network XorNet {
				  input 2
				  dense hidden 4 leaky_relu(0.1) init uniform(-0.5, 0.5)
				  repeat 2 {
				    dense 3 tanh
				  }
				  dense out 1 sigmoid
				  loss mse
				}

				training xorRun {
				  network XorNet
				  data xor
				  optimizer sgd learningRate 0.5 mu 0.9
				  schedule step size 10 gamma 0.5
				  batch full
				  epochs 5000
				  seed 42
				  precision float32
				  stop when accuracy >= 100% or early patience 5
				  save "m.json"
				}
				""";
		String messy = "data xor{samples{(0,0)->0 (0 , 1) -> 1}}network XorNet{input 2 dense hidden 4 leaky_relu ( 0.1 )"
				+ "  init uniform( -0.5,0.5) repeat 2{dense 3 tanh}\n\n\n dense out 1 sigmoid loss mse}"
				+ "training xorRun{network XorNet data xor optimizer sgd learningRate 0.5 mu 0.9 schedule step size 10 gamma 0.5"
				+ " batch full epochs 5000 seed 42 precision float32 stop when accuracy>=100 % or early patience 5 save \"m.json\"}";
		assertFormats(canonical, messy);
	}

	@Test
	public void formatsCsvDataAndPerceptron() {
		String canonical = """
				package a.b

				import c.*

				data iris from "data/iris.csv" {
				  label "label"
				  features "a", 1
				  standardize
				  split test 20% seed 7
				}

				perceptron P {
				  input 2
				  threshold 0
				}
				""";
		assertFormats(canonical, "package a.b import c.* data iris from \"data/iris.csv\"{label \"label\" features \"a\",1 standardize split test 20 % seed 7}perceptron P{input 2 threshold 0}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "perceptron-and.nnet", "xor.nnet", "iris.nnet", "digits.nnet" })
	public void examplesAreCanonicalAndMessyVersionsFormatBack(String file) throws Exception {
		String canonical = Examples.read(file);
		assertFormats(canonical, canonical);
		assertFormats(canonical, mess(canonical));
	}

	@Test
	public void messHelperReallyChangesTheText() throws Exception {
		String canonical = Examples.read("xor.nnet");
		assertEquals(false, canonical.equals(mess(canonical)));
	}
}

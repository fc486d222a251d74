package dev.nnet.lang.ide.tests.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

import dev.nnet.lang.documentation.NNetDocumentation;
import dev.nnet.lang.ide.NNetIdeSetup;

/** Hover on every keyword and value of the language, also in the part of a file after a syntax error. */
public class HoverTest {

	/** A file with every keyword of the grammar (semantic errors do not matter for hover). */
	static final String ALL = """
			package demo
			import demo.*
			data xor {
			  samples { (0, 0) -> 0 (0, 1) -> 1 (1, 0) -> 1 (1, 1) -> 0 }
			  split test 25% seed 1
			}
			data iris from "iris.csv" { label "species" features "a", "b" standardize }
			data reg from "r.csv" { target 0 minmax }
			network XorNet {
			  input 2
			  dense hidden 4 tanh init xavier bias zeros
			  repeat 2 { dense 4 relu init he_normal }
			  dense 4 leaky_relu(0.1) init uniform(-1, 1)
			  dense 4 elu init normal(0, 1)
			  dense 4 softplus init xavier_uniform
			  dense 4 abs init xavier_normal
			  dense 4 identity init he_uniform
			  dense 4 sigmoid init constant(0.5)
			  dense 4 softmax init he
			  dense out 1 sigmoid
			  loss mse
			}
			perceptron P { input 2 outputs 1 threshold 0.5 }
			training t {
			  network XorNet
			  data xor
			  optimizer adam learningRate 0.01 beta1 0.9 beta2 0.999 eps 0.00000001 weightDecay 0.0
			  schedule step size 10 gamma 0.5
			  batch full
			  shuffle on
			  epochs 100
			  seed 1
			  precision float64
			  stop when loss <= 0.01 or when accuracy >= 99% or early patience 5
			  save "m.json"
			}
			training t2 { network P data xor optimizer momentum mu 0.9 schedule exponential gamma 0.9 batch 1 shuffle off precision float32 }
			training t3 { network XorNet data xor optimizer rmsprop alpha 0.9 schedule cosine tmax 10 min 0.001 }
			training t4 { network XorNet data xor optimizer sgd }
			training t5 { network XorNet data xor optimizer nesterov }
			training t6 { network XorNet data xor optimizer adagrad }
			network L { input 2 dense 1 sign loss perceptron }
			network H { input 2 dense 1 loss hinge }
			network C { input 2 dense 3 softmax loss cross_entropy }
			network B { input 2 dense 1 sigmoid loss binary_cross_entropy }
			network D { input 2 dense 4 relu dropout 0.2 batch_norm momentum 0.1 eps 0.00001 dense 1 sigmoid }
			network I { input 1x8x8 conv2d c 4 kernel 3 stride 1 padding same relu init he_normal bias zeros
			  max_pool 2 stride 2 conv2d 2 kernel 1 padding valid avg_pool 2 flatten dense 1 sigmoid }
			data v from "v.csv" { target 0 split validation 10% test 20% seed 7 }
			training t7 { network XorNet data xor stop when validation mae <= 0.1 or when validation rmse <= 0.1
			  or when validation r2 >= 0.9 or early patience 5 restore best checkpoint every 5 epochs "c.json" }
			training t8 { network XorNet data xor stop early patience 5 restore last }
			""";

	private static final Injector INJECTOR = new NNetIdeSetup().createInjectorAndDoEMFRegistration();

	@TempDir
	Path dir;

	/** Every keyword and value of the grammar, without pure punctuation. */
	static Set<String> keywords() {
		Set<String> all = new TreeSet<>();
		for (String k : GrammarUtil.getAllKeywords(INJECTOR.getInstance(IGrammarAccess.class).getGrammar())) {
			if (k.chars().anyMatch(Character::isLetter) || Set.of("<=", ">=", "->", "%").contains(k)) {
				all.add(k);
			}
		}
		return all;
	}

	private static String hover(LspClient client, Path file, String text, int offset) throws Exception {
		int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
		int column = offset - (text.lastIndexOf('\n', offset - 1) + 1);
		Hover h = client.server().getTextDocumentService()
				.hover(new HoverParams(new TextDocumentIdentifier(LspClient.uri(file)), new Position(line, column)))
				.get(60, TimeUnit.SECONDS);
		return h == null || h.getContents() == null ? "" : h.getContents().isRight() ? h.getContents().getRight().getValue()
				: h.getContents().getLeft().toString();
	}

	private static int find(String text, String keyword) {
		Matcher m = Pattern.compile((Character.isLetter(keyword.charAt(0)) ? "(?<![A-Za-z0-9_])" : "")
				+ Pattern.quote(keyword) + (Character.isLetter(keyword.charAt(keyword.length() - 1)) ? "(?![A-Za-z0-9_])" : ""))
				.matcher(text);
		return m.find() ? m.start() : -1;
	}

	@Test
	public void everyKeywordHasItsDocumentationInTheHover() throws Exception {
		NNetDocumentation docs = INJECTOR.getInstance(NNetDocumentation.class);
		Path file = dir.resolve("all.nnet");
		Files.writeString(file, ALL);
		List<String> failures = new ArrayList<>();
		try (LspClient client = new LspClient(dir, null)) {
			client.open(file, ALL);
			client.diagnostics(file, d -> true);
			for (String k : keywords()) {
				String doc = docs.documentationFor(k);
				int at = find(ALL, k);
				if (doc == null || at < 0) {
					failures.add(k + (doc == null ? ": no documentation" : ": not in the test file"));
					continue;
				}
				// in the middle of the token, as a mouse would be
				String shown = hover(client, file, ALL, at + k.length() / 2);
				if (!shown.contains(doc)) {
					failures.add(k + ": hover was '" + shown + "'");
				}
			}
		}
		assertTrue(failures.isEmpty(), String.join("\n", failures));
		assertTrue(keywords().size() > 80, keywords().toString());
	}

	@Test
	public void theKeywordsAfterASyntaxErrorStillHaveTheirHover() throws Exception {
		String text = "network XorNet {\n  input 2\n  dense hidden 4 tanhh\n  dense out 1 sigmoid\n  loss mse\n}\n"
				+ "training t { network XorNet optimizer sgd epochs 10 }\n";
		Path file = dir.resolve("broken.nnet");
		Files.writeString(file, text);
		NNetDocumentation docs = INJECTOR.getInstance(NNetDocumentation.class);
		try (LspClient client = new LspClient(dir, null)) {
			client.open(file, text);
			client.diagnostics(file, d -> !d.isEmpty());
			for (String k : List.of("sigmoid", "loss", "mse", "sgd", "epochs", "optimizer")) {
				String doc = docs.documentationFor(k);
				assertNotNull(doc, k);
				String shown = hover(client, file, text, text.indexOf(k, text.indexOf("tanhh")) + 1);
				assertTrue(shown.contains(doc), k + ": " + shown);
			}
		}
	}

	@Test
	public void thePerceptronRuleIsTheCourses() {
		String doc = INJECTOR.getInstance(NNetDocumentation.class).documentationFor("perceptron");
		assertTrue(doc.contains("w += eta y x"), doc);
		assertTrue(doc.contains("misclassified"), doc);
		assertTrue(!doc.contains("(t - y)"), doc);
	}
}

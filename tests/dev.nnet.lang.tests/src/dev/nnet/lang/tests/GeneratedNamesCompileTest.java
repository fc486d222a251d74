package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;

import dev.nnet.lang.generator.JavaGenerator;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.validation.IssueCodes;
import dev.nnet.lang.validation.NameValidator;

/** Every name the validator accepts yields Java that compiles; names it cannot carry are validation errors. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class GeneratedNamesCompileTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private JavaGenerator generator;

	@Test
	public void javaLangEngineTypeKeywordAndUnderscoreNamesCompile(@TempDir Path dir) throws Exception {
		Model m = parseHelper.parse("""
				package my.int.pkg
				data d { samples { (0, 0) -> 0 (0, 1) -> 0 (1, 0) -> 0 (1, 1) -> 1 } }
				network Network { input 2 dense 1 sigmoid loss binary_cross_entropy }
				network String { input 2 dense h 2 tanh dense 1 sigmoid loss binary_cross_entropy }
				perceptron _ { input 2 }
				training System { network Network data d epochs 2 }
				training Object { network _ data d epochs 2 }
				training Math { network String data d epochs 2 }
				""");
		validation.assertNoErrors(m);
		Path src = dir.resolve("src");
		List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d",
				dir.resolve("classes").toString(), "-cp", JavaGeneratorTest.engineClasses().toString()));
		for (Map.Entry<String, String> f : generator.generate(m.eResource()).entrySet()) {
			Path file = src.resolve(f.getKey());
			Files.createDirectories(file.getParent());
			Files.writeString(file, f.getValue());
			args.add(file.toString());
		}
		assertEquals(6, args.size() - 7, args.toString());
		assertTrue(args.stream().anyMatch(a -> a.endsWith("my/int_/pkg/Network_.java")), args.toString());
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		ByteArrayOutputStream diag = new ByteArrayOutputStream();
		int rc = javac.run(null, new PrintStream(diag), new PrintStream(diag), args.toArray(String[]::new));
		assertEquals(0, rc, diag.toString(StandardCharsets.UTF_8));
	}

	@Test
	public void aHundredThousandCharacterNameIsAValidationError() throws Exception {
		String name = "n" + "x".repeat(99_999);
		Model m = parseHelper.parse("network " + name + " { input 1 dense 1 }");
		List<Issue> issues = validation.validate(m).stream()
				.filter(i -> IssueCodes.NAME_TOO_LONG.equals(i.getCode())).toList();
		assertEquals(1, issues.size(), issues.toString());
		assertTrue(issues.get(0).getMessage().contains("is 100,000 characters long; names may have at most "
				+ NameValidator.MAX_NAME_LENGTH), issues.get(0).getMessage());
	}

	@Test
	public void repeatSuffixesThatCollideWithADeclaredNameAreErrors() throws Exception {
		Model m = parseHelper.parse("network N { input 1 dense block_1 2 relu repeat 2 { dense block 2 relu } dense 1 }");
		List<Issue> issues = validation.validate(m).stream()
				.filter(i -> IssueCodes.DUPLICATE_NAME.equals(i.getCode())).toList();
		assertEquals(1, issues.size(), issues.toString());
		assertTrue(issues.get(0).getMessage().contains("two layers named 'block_1'"), issues.get(0).getMessage());
	}
}

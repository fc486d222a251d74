package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
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
import dev.nnet.lang.validation.IssueCodes;

/** What {@code train} rejects in a CSV, {@code check} rejects too: one located error per class of bad file. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class CsvValidationTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private Provider<ResourceSet> resourceSets;

	@TempDir
	Path tmp;

	private Issue single(String csvName, byte[] csv, String code) throws Exception {
		Path file = tmp.resolve(csvName);
		if (csv != null) {
			Files.write(file, csv);
		}
		Model m = parseHelper.parse("data d from \"" + csvName + "\" { label \"label\" }",
				URI.createFileURI(tmp.resolve("m.nnet").toString()), resourceSets.get());
		List<Issue> issues = validation.validate(m).stream().filter(i -> code.equals(i.getCode())).toList();
		assertEquals(1, issues.size(), issues.toString());
		return issues.get(0);
	}

	private Issue invalid(String csv) throws Exception {
		return single("d.csv", csv.getBytes(StandardCharsets.UTF_8), IssueCodes.CSV_INVALID);
	}

	@Test
	public void emptyCellIsAnErrorWithItsLine() throws Exception {
		Issue i = invalid("x,y,label\n1,2,a\n3,,b\n");
		assertTrue(i.getMessage().contains("d.csv:3:2: empty cell in column 'y'"), i.getMessage());
		assertTrue(i.getMessage().startsWith("The CSV file 'd.csv' of data 'd' cannot be trained on: "), i.getMessage());
	}

	@Test
	public void emptyHeaderOnlyAndOneClassFiles() throws Exception {
		assertTrue(invalid("").getMessage().contains("file is empty"));
		assertTrue(invalid("x,label\n").getMessage().contains("no data rows after the header"));
		assertTrue(invalid("x,label\n1,a\n2,a\n").getMessage().contains("has only one class ('a')"));
	}

	@Test
	public void javaNumberSyntaxAndNulAreNotData() throws Exception {
		// one file per case: the inspector's cache keys a file by path, size and modification time (milliseconds),
		// and "1d" and "1\0" have the same size
		assertTrue(invalid("x,label\n0x1p3,a\n1,b\n").getMessage().contains("'0x1p3' is not a number"));
		assertTrue(single("d2.csv", "x,label\n1d,a\n1,b\n".getBytes(StandardCharsets.UTF_8), IssueCodes.CSV_INVALID)
				.getMessage().contains("'1d' is not a number"));
		assertTrue(single("d3.csv", "x,label\n1\u0000,a\n1,b\n".getBytes(StandardCharsets.UTF_8),
				IssueCodes.CSV_INVALID).getMessage().contains("control character U+0000"));
	}

	@Test
	public void latin1IsLocatedAndABomIsFine() throws Exception {
		Issue latin1 = single("l.csv", new byte[] {'x', ',', 'l', 'a', 'b', 'e', 'l', '\n', '1', ',', (byte) 0xE9,
				'\n', '2', ',', 'b', '\n'}, IssueCodes.CSV_INVALID);
		assertTrue(latin1.getMessage().contains("l.csv:2:3: invalid UTF-8"), latin1.getMessage());
		Files.write(tmp.resolve("bom.csv"), "\uFEFFx,label\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8));
		Model m = parseHelper.parse("data d from \"bom.csv\" { label \"label\" features \"x\" }",
				URI.createFileURI(tmp.resolve("m.nnet").toString()), resourceSets.get());
		validation.assertNoErrors(m);
	}

	@Test
	public void directoriesAndDevicesAreRefused() throws Exception {
		Files.createDirectories(tmp.resolve("dir.csv"));
		assertTrue(single("dir.csv", null, IssueCodes.CSV_UNREADABLE).getMessage().contains("is a directory"));
		if (Files.exists(Path.of("/dev/zero"))) {
			Model m = parseHelper.parse("data d from \"/dev/zero\" { label \"label\" }");
			List<Issue> issues = validation.validate(m);
			assertTrue(issues.stream().anyMatch(i -> IssueCodes.CSV_UNREADABLE.equals(i.getCode())
					&& i.getMessage().contains("not a regular file")), issues.toString());
		}
	}
}

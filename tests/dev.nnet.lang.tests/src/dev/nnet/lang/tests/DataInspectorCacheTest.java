package dev.nnet.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

/** The data inspector's cache sees a new version of a CSV even when its size and modification time are the same. */
@ExtendWith(InjectionExtension.class)
@InjectWith(NNetInjectorProvider.class)
public class DataInspectorCacheTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private Provider<ResourceSet> resourceSets;

	@TempDir
	Path tmp;

	private List<Issue> csvProblems() throws Exception {
		Model m = parseHelper.parse("data d from \"d.csv\" { label \"label\" }",
				URI.createFileURI(tmp.resolve("m.nnet").toString()), resourceSets.get());
		return validation.validate(m).stream().filter(i -> IssueCodes.CSV_INVALID.equals(i.getCode())).toList();
	}

	@Test
	public void aSameSizeEditWithinTheClockGranularityIsSeen() throws Exception {
		Path csv = tmp.resolve("d.csv");
		Files.writeString(csv, "x,label\n1d,a\n1,b\n", StandardCharsets.UTF_8);
		FileTime time = Files.getLastModifiedTime(csv);
		assertEquals(1, csvProblems().size());
		Files.writeString(csv, "x,label\n10,a\n1,b\n", StandardCharsets.UTF_8); // same size
		Files.setLastModifiedTime(csv, time); // and the same time, as a save within one clock tick
		assertEquals(List.of(), csvProblems());
		String big = "x,label\n1,a\n1,b\n" + "2,a\n".repeat(3000); // more than two blocks
		Files.writeString(csv, big + "1,b\n", StandardCharsets.UTF_8);
		Files.setLastModifiedTime(csv, time);
		assertEquals(List.of(), csvProblems());
		Files.writeString(csv, big + "x,b\n", StandardCharsets.UTF_8); // an edit at the end, same size
		Files.setLastModifiedTime(csv, time);
		assertEquals(1, csvProblems().size(), "a same-size edit at the end of a large file");
	}
}

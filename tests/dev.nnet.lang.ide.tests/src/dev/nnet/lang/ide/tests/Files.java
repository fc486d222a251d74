package dev.nnet.lang.ide.tests;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.nnet.lang.ide.NNetIdeSetup;

/** The language with its ide services, and texts parsed and validated in memory, for the tests. */
final class Files {

	static final Injector INJECTOR = new NNetIdeSetup().createInjectorAndDoEMFRegistration();
	static final String XOR = "data xor { samples { (0, 0) -> 0 (0, 1) -> 1 (1, 0) -> 1 (1, 1) -> 0 } }\n";

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private Files() {
	}

	/** @return {@code text} parsed as a new in-memory file of its own resource set */
	static XtextResource parse(String text) throws Exception {
		XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
		XtextResource r = (XtextResource) set.createResource(URI.createURI("inmemory:/f" + COUNTER.incrementAndGet() + ".nnet"));
		r.load(new StringInputStream(text), null);
		return r;
	}

	/** @return every issue of the parser, linker and validator */
	static List<Issue> validate(XtextResource resource) {
		return INJECTOR.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
	}
}

package dev.nnet.ui.editor;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.util.concurrent.IUnitOfWork;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.nnet.lang.nnet.Model;

/**
 * The parsed state of one editor document: an {@link XtextResource} in a resource set that also holds the
 * other {@code .nnet} files of the same project (so references across files resolve). All access goes through
 * one lock: {@link #update} (reparse), {@link #validate} and {@link #readOnly} never overlap.
 */
public class NNetDocumentModel {

	private final Object lock = new Object();
	private final Injector injector;
	private final IFile file;
	private final XtextResourceSet resourceSet;
	private final XtextResource resource;
	private final Map<URI, Long> siblingStamps = new HashMap<>();
	private String parsedText;

	/**
	 * @param injector the language injector
	 * @param uri      the resource URI ({@code platform:/resource/...} for workspace files)
	 * @param file     the workspace file or null (then no sibling files are loaded)
	 */
	public NNetDocumentModel(Injector injector, URI uri, IFile file) {
		this.injector = injector;
		this.file = file;
		this.resourceSet = injector.getInstance(XtextResourceSet.class);
		this.resourceSet.addLoadOption(XtextResource.OPTION_RESOLVE_ALL, Boolean.TRUE);
		this.resource = (XtextResource) resourceSet.createResource(uri);
	}

	/**
	 * Parses {@code text} unless it is the text of the last parse, and refreshes sibling files that changed on
	 * disk.
	 *
	 * @return true when the text was parsed again
	 */
	public boolean update(String text) {
		synchronized (lock) {
			boolean siblingsChanged = refreshSiblings();
			if (text.equals(parsedText) && !siblingsChanged) {
				return false;
			}
			try {
				if (parsedText == null) {
					resource.load(new StringInputStream(text, "UTF-8"), null);
				} else {
					resource.reparse(text);
				}
			} catch (IOException e) {
				throw new IllegalStateException("cannot parse " + resource.getURI() + ": " + e.getMessage(), e);
			}
			parsedText = text;
			return true;
		}
	}

	/** @return the issues of the validators and the parser/linker for the last parsed text */
	public List<Issue> validate(CancelIndicator cancel) {
		synchronized (lock) {
			IResourceValidator validator = injector.getInstance(IResourceValidator.class);
			return validator.validate(resource, CheckMode.ALL, cancel);
		}
	}

	/** Runs {@code work} on the resource while no reparse can happen. */
	public <T> T readOnly(IUnitOfWork<T, XtextResource> work) {
		synchronized (lock) {
			try {
				return work.exec(resource);
			} catch (RuntimeException e) {
				throw e;
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
	}

	/** @return the text of the last parse, or null before the first */
	public String parsedText() {
		synchronized (lock) {
			return parsedText;
		}
	}

	/** @return the root of the parsed model, or null; use it inside {@link #readOnly} */
	public Model root() {
		return resource.getContents().isEmpty() ? null
				: resource.getContents().get(0) instanceof Model m ? m : null;
	}

	/** @return true when a sibling file was (re)loaded, so that links into it must be resolved again */
	private boolean refreshSiblings() {
		if (file == null || file.getProject() == null || !file.getProject().isAccessible()) {
			return false;
		}
		boolean[] changed = { false };
		try {
			for (IFile r : dev.nnet.ui.builder.ProjectResources.nnetFiles(file.getProject())) {
				if (r.equals(file)) {
					continue;
				}
				URI uri = dev.nnet.ui.builder.ProjectResources.uri(r);
				Long stamp = r.getModificationStamp();
				if (!stamp.equals(siblingStamps.get(uri))) {
					Resource old = resourceSet.getResource(uri, false);
					if (old != null) {
						old.unload();
						resourceSet.getResources().remove(old);
					}
					resourceSet.getResource(uri, true);
					siblingStamps.put(uri, stamp);
					changed[0] = true;
				}
			}
		} catch (CoreException | RuntimeException e) {
			// a sibling that cannot be read: references into it stay unresolved and are reported as such
		}
		return changed[0];
	}
}

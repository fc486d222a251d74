package dev.nnet.ui.views;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

import dev.nnet.ui.internal.NNetUiPlugin;
import dev.nnet.lang.nnet.Model;

/**
 * Where the views and launches get at the language: the editor's shared Guice injector and parsing of
 * {@code .nnet} text. Thread-safe; each call parses into a fresh resource set.
 */
public final class NNetModels {

	private NNetModels() {
	}

	/** @return the language's injector, shared with the editor ({@link NNetUiPlugin#injector()}) */
	public static Injector injector() {
		return NNetUiPlugin.injector();
	}

	/**
	 * Parses editor text on its own (references to other files stay unresolved).
	 *
	 * @param text the document text
	 * @param file the file the text belongs to (for the URI, relative data paths), may be null
	 * @return the model, possibly partial; null when nothing parsed
	 */
	public static Model parse(String text, IFile file) throws IOException {
		XtextResourceSet set = injector().getInstance(XtextResourceSet.class);
		URI uri = file == null ? URI.createURI("dummy:/inline.nnet")
				: URI.createPlatformResourceURI(file.getFullPath().toString(), true);
		Resource r = set.createResource(uri);
		r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		return r.getContents().isEmpty() ? null : (Model) r.getContents().get(0);
	}

	/**
	 * Parses editor text next to the other {@code .nnet} files of its project, so that references to networks and
	 * data declared in other files resolve (the graph view draws the network a training uses, wherever it is).
	 *
	 * @param text the document text
	 * @param file the file the text belongs to; without one this is {@link #parse(String, IFile)}
	 * @return the model of the text, possibly partial; null when nothing parsed
	 */
	public static Model parseWithProject(String text, IFile file) throws IOException, CoreException {
		if (file == null || file.getProject() == null || !file.getProject().isAccessible()) {
			return parse(text, file);
		}
		XtextResourceSet set = injector().getInstance(XtextResourceSet.class);
		URI uri = URI.createPlatformResourceURI(file.getFullPath().toString(), true);
		Resource r = set.createResource(uri);
		r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		addAll(file.getProject(), set);
		org.eclipse.emf.ecore.util.EcoreUtil.resolveAll(r);
		return r.getContents().isEmpty() ? null : (Model) r.getContents().get(0);
	}

	/**
	 * Loads a file together with every other {@code .nnet} file of its project, so cross-file references resolve.
	 *
	 * @return the file's model
	 */
	public static Model loadWithProject(IFile file) throws IOException, CoreException {
		XtextResourceSet set = injector().getInstance(XtextResourceSet.class);
		set.addLoadOption(XtextResource.OPTION_RESOLVE_ALL, Boolean.TRUE);
		addAll(file.getProject(), set);
		Resource r = set.getResource(URI.createPlatformResourceURI(file.getFullPath().toString(), true), true);
		org.eclipse.emf.ecore.util.EcoreUtil.resolveAll(set);
		return (Model) r.getContents().get(0);
	}

	private static void addAll(IContainer container, XtextResourceSet set) throws CoreException {
		for (IResource member : container.members()) {
			if (member instanceof IContainer c && !member.getName().startsWith(".")) {
				addAll(c, set);
			} else if (member instanceof IFile f && "nnet".equals(f.getFileExtension())) {
				set.getResource(URI.createPlatformResourceURI(f.getFullPath().toString(), true), true);
			}
		}
	}

	/** @return {offset, length, 1-based start line} of an element's text, or null */
	public static int[] range(EObject element) {
		ICompositeNode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
		return node == null ? null : new int[] { node.getOffset(), node.getLength(), node.getStartLine() };
	}
}

package dev.nnet.ui.editor.refactoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Path;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.StringInputStream;

import dev.nnet.lang.ide.references.NNetReferences;
import dev.nnet.lang.ide.references.Occurrence;
import dev.nnet.ui.builder.ProjectResources;
import dev.nnet.ui.internal.NNetUiPlugin;

/**
 * The {@code .nnet} files of a project parsed together, each from the text an editor shows when one has it open
 * (its file buffer), otherwise from disk: so that offsets of rename edits and references match what the user sees.
 */
public final class ProjectIndex {

	private final XtextResourceSet set;

	private ProjectIndex(XtextResourceSet set) {
		this.set = set;
	}

	/** Parses every {@code .nnet} file of {@code project} and resolves the references between them. */
	public static ProjectIndex of(IProject project) throws CoreException {
		XtextResourceSet set = NNetUiPlugin.injector().getInstance(XtextResourceSet.class);
		for (IFile file : ProjectResources.nnetFiles(project)) {
			XtextResource r = (XtextResource) set.createResource(ProjectResources.uri(file));
			try {
				r.load(new StringInputStream(text(file), "UTF-8"), null);
			} catch (IOException e) {
				throw new CoreException(org.eclipse.core.runtime.Status.error("Cannot parse " + file.getFullPath(), e));
			}
		}
		EcoreUtil.resolveAll(set);
		return new ProjectIndex(set);
	}

	/** @return the text of {@code file} as its editor shows it, or as it is on disk */
	static String text(IFile file) throws CoreException {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(),
				LocationKind.IFILE);
		if (buffer != null) {
			return buffer.getDocument().get();
		}
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), Charset.forName(file.getCharset()));
		} catch (IOException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error("Cannot read " + file.getFullPath(), e));
		}
	}

	/** @return the resource of {@code file}, or null */
	public XtextResource resource(IFile file) {
		return (XtextResource) set.getResource(ProjectResources.uri(file), false);
	}

	/** @return the element named or referenced at {@code offset} of {@code file}, or null */
	public EObject targetAt(IFile file, int offset) {
		XtextResource r = resource(file);
		return r == null ? null : references().targetAt(r, offset);
	}

	/** @return the declaration and references of {@code target} in the project */
	public List<Occurrence> occurrences(EObject target) {
		return references().occurrences(target, new ArrayList<>(set.getResources()));
	}

	/** @return the workspace file of a platform URI, or null */
	public static IFile file(URI uri) {
		return uri.isPlatformResource()
				? ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(uri.toPlatformString(true)))
				: null;
	}

	static NNetReferences references() {
		return NNetUiPlugin.injector().getInstance(NNetReferences.class);
	}
}

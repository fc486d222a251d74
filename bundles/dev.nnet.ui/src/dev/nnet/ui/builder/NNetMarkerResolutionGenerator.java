package dev.nnet.ui.builder;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.nnet.lang.ide.quickfix.Fix;
import dev.nnet.lang.ide.quickfix.NNetQuickFixes;
import dev.nnet.lang.ide.quickfix.TextEdit;
import dev.nnet.ui.internal.NNetUiPlugin;

/**
 * Quick fixes in the Problems view: the file's current text (an open editor's unsaved text included) is
 * validated again, the marker's issue found by code and element, and {@link NNetQuickFixes} applied through the
 * file's text buffer (saved unless an editor holds unsaved changes).
 */
public class NNetMarkerResolutionGenerator implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return NNetUiPlugin.injector().getInstance(NNetQuickFixes.class)
				.handles(marker.getAttribute(MarkerWriter.CODE, null));
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		if (!(marker.getResource() instanceof IFile file)) {
			return new IMarkerResolution[0];
		}
		List<IMarkerResolution> resolutions = new ArrayList<>();
		try {
			for (Fix fix : fixes(file, marker)) {
				resolutions.add(new Resolution(file, fix));
			}
		} catch (CoreException | RuntimeException e) {
			NNetUiPlugin.log("Cannot compute quick fixes for " + file.getFullPath(), e);
		}
		return resolutions.toArray(IMarkerResolution[]::new);
	}

	private static List<Fix> fixes(IFile file, IMarker marker) throws CoreException {
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		manager.connect(file.getFullPath(), LocationKind.IFILE, null);
		try {
			String text = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE).getDocument().get();
			Injector injector = NNetUiPlugin.injector();
			XtextResourceSet set = ProjectResources.load(injector, file.getProject(), file, text);
			XtextResource resource = ProjectResources.resource(set, file);
			String code = marker.getAttribute(MarkerWriter.CODE, "");
			String fragment = marker.getAttribute(MarkerWriter.URI_FRAGMENT, "");
			for (Issue issue : injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL,
					CancelIndicator.NullImpl)) {
				if (code.equals(issue.getCode()) && issue.getUriToProblem() != null
						&& fragment.equals(issue.getUriToProblem().fragment())) {
					return injector.getInstance(NNetQuickFixes.class).fixes(resource, issue);
				}
			}
			return List.of();
		} finally {
			manager.disconnect(file.getFullPath(), LocationKind.IFILE, null);
		}
	}

	private static final class Resolution implements IMarkerResolution2 {
		private final IFile file;
		private final Fix fix;

		Resolution(IFile file, Fix fix) {
			this.file = file;
			this.fix = fix;
		}

		@Override
		public String getLabel() {
			return fix.label();
		}

		@Override
		public String getDescription() {
			return fix.label();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public void run(IMarker marker) {
			ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
			try {
				manager.connect(file.getFullPath(), LocationKind.IFILE, null);
				try {
					ITextFileBuffer buffer = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
					boolean wasDirty = buffer.isDirty();
					String fixed = TextEdit.apply(buffer.getDocument().get(), fix.edits());
					applyMinimal(buffer, fixed);
					if (!wasDirty) {
						buffer.commit(null, true);
					}
				} finally {
					manager.disconnect(file.getFullPath(), LocationKind.IFILE, null);
				}
			} catch (CoreException e) {
				NNetUiPlugin.log("Cannot apply '" + fix.label() + "' to " + file.getFullPath(), e);
			}
		}

		private void applyMinimal(ITextFileBuffer buffer, String fixed) {
			org.eclipse.text.edits.MultiTextEdit edit = new org.eclipse.text.edits.MultiTextEdit();
			for (TextEdit e : fix.edits()) {
				edit.addChild(new org.eclipse.text.edits.ReplaceEdit(e.offset(), e.length(), e.text()));
			}
			try {
				edit.apply(buffer.getDocument());
			} catch (org.eclipse.jface.text.BadLocationException e) {
				buffer.getDocument().set(fixed);
			}
		}
	}
}

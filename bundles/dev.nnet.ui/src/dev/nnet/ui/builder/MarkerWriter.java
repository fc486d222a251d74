package dev.nnet.ui.builder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.validation.Issue;

import dev.nnet.ui.editor.NNetEditor;

/** Replaces a file's NNet problem markers by the given issues (with code, data and element for quick fixes). */
public final class MarkerWriter {

	/** Marker attribute: the issue code. */
	public static final String CODE = "code";
	/** Marker attribute: the issue data joined by {@link #DATA_SEPARATOR}. */
	public static final String DATA = "data";
	/** Marker attribute: the URI fragment of the element with the issue. */
	public static final String URI_FRAGMENT = "uriFragment";
	/** Separates issue data in {@link #DATA}. */
	public static final String DATA_SEPARATOR = "\u001f";

	private MarkerWriter() {
	}

	/** Deletes the file's NNet markers and creates one per issue. */
	public static void write(IFile file, List<Issue> issues) throws CoreException {
		file.deleteMarkers(NNetEditor.PROBLEM_MARKER, true, IResource.DEPTH_ZERO);
		for (Issue issue : issues) {
			Map<String, Object> attributes = new HashMap<>();
			attributes.put(IMarker.MESSAGE, issue.getMessage());
			attributes.put(IMarker.SEVERITY, switch (issue.getSeverity()) {
			case ERROR -> IMarker.SEVERITY_ERROR;
			case WARNING -> IMarker.SEVERITY_WARNING;
			default -> IMarker.SEVERITY_INFO;
			});
			if (issue.getLineNumber() != null) {
				attributes.put(IMarker.LINE_NUMBER, issue.getLineNumber());
			}
			if (issue.getOffset() != null) {
				attributes.put(IMarker.CHAR_START, issue.getOffset());
				attributes.put(IMarker.CHAR_END, issue.getOffset() + (issue.getLength() == null ? 0 : issue.getLength()));
			}
			if (issue.getCode() != null) {
				attributes.put(CODE, issue.getCode());
			}
			if (issue.getData() != null) {
				attributes.put(DATA, String.join(DATA_SEPARATOR, issue.getData()));
			}
			if (issue.getUriToProblem() != null) {
				attributes.put(URI_FRAGMENT, issue.getUriToProblem().fragment());
			}
			file.createMarker(NNetEditor.PROBLEM_MARKER, attributes);
		}
	}
}

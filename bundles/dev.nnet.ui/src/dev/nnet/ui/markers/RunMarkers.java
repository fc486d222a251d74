package dev.nnet.ui.markers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;

import dev.nnet.lang.nnet.Training;
import dev.nnet.lang.runs.RunDiagnostic;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.NetworkShape;
import dev.nnet.ui.views.NNetModels;

/**
 * Puts what the engine observed in a run on the source: one warning marker per {@link RunDiagnostic}, on the line
 * of the layer that caused it (or of the training), until the next run of the same training.
 */
public final class RunMarkers {

	/** The marker type (a problem marker, so it shows in the Problems view and the editor ruler). */
	public static final String TYPE = "dev.nnet.ui.runDiagnostic";
	/** Marker attribute: the training the diagnostic belongs to ({@code <file path>#<training name>}). */
	public static final String TRAINING = "dev.nnet.ui.training";
	/** Marker attribute: the diagnostic's code, e.g. {@code diverged}. */
	public static final String CODE = "dev.nnet.ui.code";

	private RunMarkers() {
	}

	/** @return the key that ties markers to a training */
	public static String key(IFile file, String training) {
		return file.getFullPath() + "#" + training;
	}

	/** Removes the markers of the previous run of a training. */
	public static void clear(IProject project, String key) throws CoreException {
		for (IMarker m : project.findMarkers(TYPE, false, IResource.DEPTH_INFINITE)) {
			if (key.equals(m.getAttribute(TRAINING, ""))) {
				m.delete();
			}
		}
	}

	/**
	 * Replaces the markers of a training with the diagnostics of its latest run.
	 *
	 * @param key      see {@link #key}
	 * @param training the training (its resource must still be loaded)
	 * @param shape    the shape of its network, for layer lines
	 * @param run      the finished run
	 * @return the number of markers created
	 */
	public static int update(String key, Training training, NetworkShape shape, RunRecord run) throws CoreException {
		IFile trainingFile = fileOf(training);
		if (trainingFile == null) {
			return 0;
		}
		clear(trainingFile.getProject(), key);
		Map<String, EObject> layers = new HashMap<>();
		for (LayerShape l : shape.allLayers()) {
			layers.putIfAbsent(l.name(), l.source());
		}
		List<RunDiagnostic> diagnostics = run.diagnostics();
		for (RunDiagnostic d : diagnostics) {
			EObject element = d.layer() == null ? training : layers.getOrDefault(d.layer(), training);
			IFile file = fileOf(element);
			int[] range = NNetModels.range(element);
			IMarker m = (file == null ? trainingFile : file).createMarker(TYPE);
			m.setAttribute(IMarker.SEVERITY, IMarker.SEVERITY_WARNING);
			m.setAttribute(IMarker.MESSAGE, "Run " + run.training() + " (" + run.status() + "): " + d.message());
			m.setAttribute(IMarker.LINE_NUMBER, range == null ? 1 : range[2]);
			if (range != null) {
				m.setAttribute(IMarker.CHAR_START, range[0]);
				m.setAttribute(IMarker.CHAR_END, range[0] + range[1]);
			}
			m.setAttribute(TRAINING, key);
			m.setAttribute(CODE, d.code());
		}
		return diagnostics.size();
	}

	/** @return the workspace file an element was loaded from, or null */
	static IFile fileOf(EObject element) {
		URI uri = element == null || element.eResource() == null ? null : element.eResource().getURI();
		if (uri == null || !uri.isPlatformResource()) {
			return null;
		}
		return ResourcesPlugin.getWorkspace().getRoot().getFile(new org.eclipse.core.runtime.Path(uri.toPlatformString(true)));
	}
}

package dev.nnet.spark;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;

import dev.nnet.lang.NNetStandaloneSetup;
import dev.nnet.lang.nnet.DataSet;
import dev.nnet.lang.nnet.Training;

/** What a {@code .nnet} file reads and writes next to itself: the CSV files of its data, its last training's save. */
final class RemoteFiles {

	private RemoteFiles() {
	}

	/** @return the relative CSV paths of the file's data declarations */
	static List<String> relativeInputs(Path nnet) {
		List<String> files = new ArrayList<>();
		for (EObject e : contents(nnet)) {
			if (e instanceof DataSet d && d.getFile() != null && !new File(d.getFile()).isAbsolute()
					&& !files.contains(d.getFile())) {
				files.add(d.getFile());
			}
		}
		return files;
	}

	/** @return the relative {@code save} path of the file's last training, or null */
	static String declaredSave(Path nnet) {
		String save = null;
		for (EObject e : contents(nnet)) {
			if (e instanceof Training t) {
				save = t.getSave() == null || t.getSave().isBlank() || new File(t.getSave()).isAbsolute() ? null
						: t.getSave();
			}
		}
		return save;
	}

	private static List<EObject> contents(Path nnet) {
		XtextResourceSet set = new NNetStandaloneSetup().createInjectorAndDoEMFRegistration()
				.getInstance(XtextResourceSet.class);
		Resource r = set.getResource(URI.createFileURI(nnet.toAbsolutePath().toString()), true);
		return r.getContents().isEmpty() ? List.of() : r.getContents().get(0).eContents();
	}
}

package dev.nnet.ui.editor.refactoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.Refactoring;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.TextFileChange;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;

import dev.nnet.lang.ide.references.NNetReferences;
import dev.nnet.lang.ide.references.Occurrence;

/**
 * Renames a network, perceptron, data set, training or layer and every reference to it in the project's
 * {@code .nnet} files (qualified references keep their qualifier). One text change per file, so the refactoring
 * wizard shows a preview per file and the whole rename undoes in one step.
 */
public class NNetRenameRefactoring extends Refactoring {

	private final IFile file;
	private final int offset;
	private ProjectIndex index;
	private EObject target;
	private String oldName;
	private String newName;

	/**
	 * @param file   the file the rename starts in
	 * @param offset an offset in the name or a reference to rename
	 */
	public NNetRenameRefactoring(IFile file, int offset) {
		this.file = file;
		this.offset = offset;
	}

	@Override
	public String getName() {
		return oldName == null ? "Rename" : "Rename '" + oldName + "'";
	}

	/** @return the current name, once the initial conditions were checked */
	public String getOldName() {
		return oldName;
	}

	/** @param newName the name to rename to */
	public void setNewName(String newName) {
		this.newName = newName;
	}

	@Override
	public RefactoringStatus checkInitialConditions(IProgressMonitor pm) throws CoreException {
		index = ProjectIndex.of(file.getProject());
		target = index.targetAt(file, offset);
		oldName = target == null ? null : NNetReferences.nameOf(target);
		if (oldName == null) {
			return RefactoringStatus.createFatalErrorStatus(
					"Put the caret on the name of a network, data set, training or layer, or on a reference to one.");
		}
		return new RefactoringStatus();
	}

	/** @return why the new name cannot be used, as a status (OK when it can) */
	public RefactoringStatus checkNewName() {
		String problem = target == null ? "Nothing to rename" : ProjectIndex.references().checkNewName(target, newName);
		return problem == null ? new RefactoringStatus() : RefactoringStatus.createFatalErrorStatus(problem);
	}

	@Override
	public RefactoringStatus checkFinalConditions(IProgressMonitor pm) {
		return checkNewName();
	}

	@Override
	public Change createChange(IProgressMonitor pm) throws CoreException {
		Map<URI, MultiTextEdit> edits = new LinkedHashMap<>();
		List<Occurrence> all = index.occurrences(target);
		for (Occurrence o : all) {
			edits.computeIfAbsent(o.uri(), u -> new MultiTextEdit())
					.addChild(new ReplaceEdit(o.offset(), o.length(), newName));
		}
		CompositeChange change = new CompositeChange("Rename '" + oldName + "' to '" + newName + "'");
		for (Map.Entry<URI, MultiTextEdit> e : edits.entrySet()) {
			IFile f = ProjectIndex.file(e.getKey());
			if (f != null) {
				TextFileChange c = new TextFileChange(f.getName(), f);
				c.setEdit(e.getValue());
				c.setTextType("nnet");
				c.setSaveMode(TextFileChange.KEEP_SAVE_STATE);
				change.add(c);
			}
		}
		return change;
	}
}

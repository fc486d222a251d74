package dev.nnet.ui.launch;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.EcoreUtil2;

import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Training;
import dev.nnet.ui.views.NNetModels;

/**
 * Run As &gt; NNet Training on a {@code .nnet} file (its first training) or in the editor (the training at the
 * caret, else the first one). Reuses the launch configuration of that training or creates one.
 */
public final class TrainingLaunchShortcut implements ILaunchShortcut {

	@Override
	public void launch(ISelection selection, String mode) {
		if (selection instanceof IStructuredSelection s && Adapters.adapt(s.getFirstElement(), IFile.class) != null) {
			launch(Adapters.adapt(s.getFirstElement(), IFile.class), -1, mode);
		}
	}

	@Override
	public void launch(IEditorPart editor, String mode) {
		IFile file = editor.getEditorInput().getAdapter(IFile.class);
		int caret = editor instanceof ITextEditor t
				&& t.getSelectionProvider().getSelection() instanceof ITextSelection ts ? ts.getOffset() : -1;
		if (file != null) {
			launch(file, caret, mode);
		}
	}

	private void launch(IFile file, int caret, String mode) {
		try {
			String training = trainingAt(file, caret);
			if (training == null) {
				MessageDialog.openInformation(null, "NNet Training", file.getName() + " declares no training.");
				return;
			}
			DebugUITools.launch(configuration(file, training), mode);
		} catch (Exception e) {
			MessageDialog.openError(null, "NNet Training", "Cannot launch " + file.getName() + ": " + e.getMessage());
		}
	}

	/** @return the training at the offset, else the file's first training, else null */
	static String trainingAt(IFile file, int offset) throws Exception {
		String text = new String(file.getContents().readAllBytes(), StandardCharsets.UTF_8);
		Model model = NNetModels.parse(text, file);
		List<Training> trainings = model == null ? List.of()
				: EcoreUtil2.typeSelect(model.getElements(), Training.class);
		for (Training t : trainings) {
			int[] r = NNetModels.range(t);
			if (r != null && offset >= r[0] && offset <= r[0] + r[1]) {
				return t.getName();
			}
		}
		return trainings.isEmpty() ? null : trainings.get(0).getName();
	}

	/** @return the existing configuration for the file and training, or a new saved one */
	public static ILaunchConfiguration configuration(IFile file, String training) throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager.getLaunchConfigurationType(TrainingLaunch.TYPE);
		String path = file.getFullPath().toString();
		for (ILaunchConfiguration c : manager.getLaunchConfigurations(type)) {
			if (path.equals(c.getAttribute(TrainingLaunch.FILE, ""))
					&& training.equals(c.getAttribute(TrainingLaunch.TRAINING, ""))) {
				return c;
			}
		}
		ILaunchConfigurationWorkingCopy wc = type.newInstance(null,
				manager.generateLaunchConfigurationName(file.getName().replace(".nnet", "") + " " + training));
		wc.setAttribute(TrainingLaunch.FILE, path);
		wc.setAttribute(TrainingLaunch.TRAINING, training);
		wc.setMappedResources(new org.eclipse.core.resources.IResource[] { file });
		return wc.doSave();
	}
}

package dev.nnet.ui.builder;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** "Configure as NNet Project": adds the NNet nature to the selected project. */
public class AddNNetNatureHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		ISelection selection = HandlerUtil.getCurrentSelection(event);
		if (selection instanceof IStructuredSelection s) {
			IProject project = Adapters.adapt(s.getFirstElement(), IProject.class);
			if (project != null) {
				try {
					NNetNature.addTo(project);
				} catch (CoreException e) {
					throw new ExecutionException("Cannot add the NNet nature to " + project.getName(), e);
				}
			}
		}
		return null;
	}
}

package dev.nnet.ui.wizards;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;

import dev.nnet.ui.internal.NNetUiPlugin;

/** File > New > NNet File: a {@code .nnet} file from a template, opened in the NNet editor. */
public class NewNNetFileWizard extends Wizard implements INewWizard {

	private IStructuredSelection selection;
	private IWorkbench workbench;
	private Page page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
		this.selection = selection;
		setWindowTitle("New NNet File");
	}

	@Override
	public void addPages() {
		page = new Page(selection);
		addPage(page);
	}

	/** @return the page (for tests: choose the template, the file name) */
	public Page page() {
		return page;
	}

	@Override
	public boolean performFinish() {
		IFile file = page.createNewFile();
		if (file == null) {
			return false;
		}
		try {
			page.template().createData(file);
			if (workbench != null && workbench.getActiveWorkbenchWindow() != null) {
				IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), file);
			}
		} catch (CoreException e) {
			NNetUiPlugin.log("Cannot finish creating " + file.getFullPath(), e);
			return false;
		}
		return true;
	}

	/** Container, file name and template. */
	public static class Page extends WizardNewFileCreationPage {
		private Combo templates;
		private NNetTemplate template = NNetTemplate.XOR_MLP;

		Page(IStructuredSelection selection) {
			super("newNNetFile", selection);
			setTitle("NNet File");
			setDescription("Create a .nnet file from a template.");
			setFileExtension("nnet");
			setFileName("network.nnet");
		}

		@Override
		protected void createAdvancedControls(Composite parent) {
			Composite row = new Composite(parent, SWT.NONE);
			row.setLayout(new GridLayout(2, false));
			row.setLayoutData(new GridData(GridData.FILL_HORIZONTAL));
			new Label(row, SWT.NONE).setText("Template:");
			templates = new Combo(row, SWT.READ_ONLY);
			for (NNetTemplate t : NNetTemplate.values()) {
				templates.add(t.label());
			}
			templates.select(template.ordinal());
			templates.addListener(SWT.Selection, e -> template = NNetTemplate.values()[templates.getSelectionIndex()]);
			super.createAdvancedControls(parent);
		}

		/** @return the chosen template */
		public NNetTemplate template() {
			return template;
		}

		/** Chooses a template (tests, or callers that skip the UI). */
		public void setTemplate(NNetTemplate t) {
			template = t;
			if (templates != null && !templates.isDisposed()) {
				templates.select(t.ordinal());
			}
		}

		@Override
		protected InputStream getInitialContents() {
			return new ByteArrayInputStream(template.text().getBytes(StandardCharsets.UTF_8));
		}
	}
}

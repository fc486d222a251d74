package dev.nnet.ui.tests.wizards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.eclipse.xtext.diagnostics.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.tests.UiTesting;
import dev.nnet.ui.wizards.NNetTemplate;
import dev.nnet.ui.wizards.NewNNetFileWizard;

/** File > New > NNet File, driven through its dialog. */
public class WizardTest {

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		UiTesting.page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	@Test
	public void bothWizardsAreRegisteredUnderNNet() {
		IWizardDescriptor file = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard("dev.nnet.ui.wizards.newFile");
		IWizardDescriptor proj = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard("dev.nnet.ui.wizards.newProject");
		assertEquals("NNet File", file.getLabel());
		assertEquals("NNet Project", proj.getLabel());
	}

	@Test
	public void newFileWizardCreatesTheIrisTemplateWithItsDataAndOpensItClean() throws Exception {
		project = UiTesting.project("wizard-file");
		NewNNetFileWizard wizard = new NewNNetFileWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			wizard.page().setFileName("flowers");
			wizard.page().setTemplate(NNetTemplate.IRIS);
			assertTrue(wizard.canFinish(), String.valueOf(wizard.page().getErrorMessage()));
			assertTrue(wizard.performFinish());
		} finally {
			dialog.close();
		}
		IFile file = project.getFile("flowers.nnet");
		assertTrue(file.exists());
		assertTrue(project.getFile("data/iris.csv").exists(), "the template's data come along");
		NNetEditor editor = assertInstanceOf(NNetEditor.class, UiTesting.page().getActiveEditor());
		UiTesting.awaitReconciled(editor);
		assertEquals(NNetTemplate.IRIS.text(), editor.getDocument().get());
		assertTrue(UiTesting.issues(editor, Severity.ERROR).isEmpty(), UiTesting.describe(UiTesting.issues(editor, null)));
	}
}

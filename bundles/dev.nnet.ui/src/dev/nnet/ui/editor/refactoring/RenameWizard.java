package dev.nnet.ui.editor.refactoring;

import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.ui.refactoring.RefactoringWizard;
import org.eclipse.ltk.ui.refactoring.UserInputWizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The rename dialog: the new name, checked as it is typed; Preview shows the changes per file. */
public class RenameWizard extends RefactoringWizard {

	/** @param refactoring a rename whose initial conditions hold */
	public RenameWizard(NNetRenameRefactoring refactoring) {
		super(refactoring, DIALOG_BASED_USER_INTERFACE | PREVIEW_EXPAND_FIRST_NODE);
		setDefaultPageTitle(refactoring.getName());
	}

	@Override
	protected void addUserInputPages() {
		addPage(new NamePage((NNetRenameRefactoring) getRefactoring()));
	}

	private static final class NamePage extends UserInputWizardPage {
		private final NNetRenameRefactoring refactoring;

		NamePage(NNetRenameRefactoring refactoring) {
			super("name");
			this.refactoring = refactoring;
		}

		@Override
		public void createControl(Composite parent) {
			Composite body = new Composite(parent, SWT.NONE);
			body.setLayout(new GridLayout(2, false));
			new Label(body, SWT.NONE).setText("New name:");
			Text name = new Text(body, SWT.BORDER);
			name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			name.setText(refactoring.getOldName());
			name.selectAll();
			name.addModifyListener(e -> validate(name.getText()));
			validate(name.getText());
			setControl(body);
		}

		private void validate(String text) {
			refactoring.setNewName(text);
			RefactoringStatus status = refactoring.checkNewName();
			setPageComplete(status);
		}
	}
}

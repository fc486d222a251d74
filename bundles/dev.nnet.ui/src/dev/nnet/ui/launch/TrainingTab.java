package dev.nnet.ui.launch;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The "Training" tab: file, training and the epochs / seed overrides. */
public final class TrainingTab extends AbstractLaunchConfigurationTab {

	private Text file;
	private Text training;
	private Text epochs;
	private Text seed;

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		file = field(c, "File (workspace path):");
		training = field(c, "Training:");
		epochs = field(c, "Epochs (0 = as declared):");
		seed = field(c, "Seed (empty = as declared):");
		setControl(c);
	}

	private Text field(Composite c, String label) {
		new Label(c, SWT.NONE).setText(label);
		Text t = new Text(c, SWT.BORDER);
		t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		t.addModifyListener(e -> {
			setDirty(true);
			updateLaunchConfigurationDialog();
		});
		return t;
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy config) {
		config.setAttribute(TrainingLaunch.EPOCHS, 0);
		config.setAttribute(TrainingLaunch.SEED, "");
	}

	@Override
	public void initializeFrom(ILaunchConfiguration config) {
		try {
			file.setText(config.getAttribute(TrainingLaunch.FILE, ""));
			training.setText(config.getAttribute(TrainingLaunch.TRAINING, ""));
			epochs.setText(Integer.toString(config.getAttribute(TrainingLaunch.EPOCHS, 0)));
			seed.setText(config.getAttribute(TrainingLaunch.SEED, ""));
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy config) {
		config.setAttribute(TrainingLaunch.FILE, file.getText().trim());
		config.setAttribute(TrainingLaunch.TRAINING, training.getText().trim());
		try {
			config.setAttribute(TrainingLaunch.EPOCHS, Integer.parseInt(epochs.getText().trim()));
		} catch (NumberFormatException e) {
			config.setAttribute(TrainingLaunch.EPOCHS, 0);
		}
		config.setAttribute(TrainingLaunch.SEED, seed.getText().trim());
	}

	@Override
	public boolean isValid(ILaunchConfiguration config) {
		setErrorMessage(null);
		if (file.getText().isBlank() || training.getText().isBlank()) {
			setErrorMessage("Set the .nnet file and the training");
			return false;
		}
		if (!epochs.getText().trim().matches("\\d+")) {
			setErrorMessage("Epochs must be a whole number >= 0");
			return false;
		}
		if (!seed.getText().trim().matches("-?\\d*")) {
			setErrorMessage("Seed must be a whole number or empty");
			return false;
		}
		return true;
	}

	@Override
	public String getName() {
		return "Training";
	}
}

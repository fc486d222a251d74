package dev.nnet.ui.preferences;

import java.util.Map;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ColorFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import dev.nnet.ui.editor.NNetColors;
import dev.nnet.ui.internal.NNetUiPlugin;

/** Window > Preferences > NNet: syntax colors and the validator's warning thresholds. */
public class NNetPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	/** Creates the page on the UI bundle's store. */
	public NNetPreferencePage() {
		super(GRID);
		setPreferenceStore(NNetUiPlugin.preferences());
		setDescription("Colors of the NNet editor and thresholds of the validator's warnings.");
	}

	@Override
	public void init(IWorkbench workbench) {
		NNetUiPlugin.injector(); // installs the thresholds into the language's settings
	}

	@Override
	protected void createFieldEditors() {
		for (Map.Entry<String, Object[]> e : NNetColors.DEFAULTS.entrySet()) {
			addField(new ColorFieldEditor(e.getKey(), (String) e.getValue()[2] + ":", getFieldEditorParent()));
		}
		addField(new BooleanFieldEditor(NNetColors.MATCHING_BRACKETS, "Highlight matching brackets",
				getFieldEditorParent()));
		addField(new BooleanFieldEditor(dev.nnet.ui.editor.NNetCodeMinings.PREFERENCE,
				"Show the shapes inline (output size and parameters after each layer)", getFieldEditorParent()));
		new Label(getFieldEditorParent(), SWT.SEPARATOR | SWT.HORIZONTAL);
		new Label(getFieldEditorParent(), SWT.NONE);
		IntegerFieldEditor depth = new IntegerFieldEditor(ValidationPreferences.VANISHING_DEPTH,
				"Warn about vanishing gradients from this many stacked sigmoid/tanh layers:", getFieldEditorParent());
		depth.setValidRange(2, 1000);
		addField(depth);
		StringFieldEditor rate = new StringFieldEditor(ValidationPreferences.LARGE_LEARNING_RATE,
				"Warn about learning rates above (with unbounded activations):", getFieldEditorParent()) {
			@Override
			protected boolean doCheckState() {
				try {
					return Double.parseDouble(getStringValue()) > 0;
				} catch (NumberFormatException e) {
					return false;
				}
			}
		};
		rate.setErrorMessage("The learning rate threshold must be a positive number.");
		addField(rate);
	}
}

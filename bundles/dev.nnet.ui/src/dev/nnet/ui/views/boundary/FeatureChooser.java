package dev.nnet.ui.views.boundary;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import dev.nnet.lang.runs.DecisionBoundary;

/** The x and y feature combos of the decision boundary view; enabled when the network has more than 2 inputs. */
final class FeatureChooser {

	private final Combo x;
	private final Combo y;
	private List<String> names = List.of();

	FeatureChooser(Composite parent, Runnable chosen) {
		Composite row = new Composite(parent, SWT.NONE);
		row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		row.setLayout(new GridLayout(4, false));
		new Label(row, SWT.NONE).setText("x feature");
		x = new Combo(row, SWT.READ_ONLY | SWT.DROP_DOWN);
		x.setLayoutData(new GridData(160, SWT.DEFAULT));
		new Label(row, SWT.NONE).setText("   y feature");
		y = new Combo(row, SWT.READ_ONLY | SWT.DROP_DOWN);
		y.setLayoutData(new GridData(160, SWT.DEFAULT));
		x.addListener(SWT.Selection, e -> chosen.run());
		y.addListener(SWT.Selection, e -> chosen.run());
		x.setEnabled(false);
		y.setEnabled(false);
	}

	/**
	 * Lists the network's features and selects the pair the boundary was drawn over.
	 *
	 * @param canChange whether another pair can be drawn (a run training now or a finished run still in memory)
	 */
	void show(DecisionBoundary b, boolean canChange) {
		if (b == null || x.isDisposed()) {
			return;
		}
		if (!b.featureNames().equals(names)) {
			names = b.featureNames();
			x.setItems(names.toArray(new String[0]));
			y.setItems(names.toArray(new String[0]));
		}
		x.select(b.fx());
		y.select(b.fy());
		x.setEnabled(canChange && names.size() > 2);
		y.setEnabled(canChange && names.size() > 2);
	}

	/** @return the chosen {x, y} feature indices, or null when they are the same feature */
	int[] chosen() {
		int fx = x.getSelectionIndex(), fy = y.getSelectionIndex();
		return fx < 0 || fy < 0 || fx == fy ? null : new int[] { fx, fy };
	}
}

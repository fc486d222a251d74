package dev.nnet.ui.editor;

import java.util.List;

import org.eclipse.jface.text.AbstractInformationControl;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IInformationControlExtension2;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;

import dev.nnet.ui.views.charts.ActivationSeries;
import dev.nnet.ui.views.charts.ChartCanvas;

/**
 * The editor hover's popup for a {@link HoverContent}: the issue messages (bold) and the documentation as wrapped
 * text and, on an activation, a plot of f and f' (the engine's samples; this control only draws them).
 */
public final class CurveInformationControl extends AbstractInformationControl implements IInformationControlExtension2 {

	static final int TEXT_WIDTH = 560;
	static final int CHART_WIDTH = 380;
	static final int CHART_HEIGHT = 210;

	private StyledText text;
	private ChartCanvas chart;
	private HoverContent content;

	/** A hover popup with a status line (the "Press F2 for focus" affordance). */
	CurveInformationControl(Shell parent, String statusText) {
		super(parent, statusText);
		create();
	}

	/** The focused, resizable form. */
	CurveInformationControl(Shell parent) {
		super(parent, true);
		create();
	}

	@Override
	protected void createContent(Composite parent) {
		Composite panel = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 4;
		layout.marginHeight = 4;
		panel.setLayout(layout);
		text = new StyledText(panel, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP);
		text.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		chart = new ChartCanvas(panel, "f(z) and f'(z), sampled by the engine", false);
		GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
		data.widthHint = CHART_WIDTH;
		data.heightHint = CHART_HEIGHT;
		chart.setLayoutData(data);
		for (Composite c : List.of(panel, text)) {
			c.setForeground(parent.getForeground());
			c.setBackground(parent.getBackground());
		}
	}

	@Override
	public void setInformation(String information) {
		setInput(new HoverContent(List.of(), information, null, null));
	}

	@Override
	public void setInput(Object input) {
		content = input instanceof HoverContent h ? h
				: new HoverContent(List.of(), input == null ? null : input.toString(), null, null);
		text.setText(content.plainText());
		int at = 0;
		for (String issue : content.issues()) {
			StyleRange bold = new StyleRange(at, issue.length(), null, null, SWT.BOLD);
			text.setStyleRange(bold);
			at += issue.length() + 2;
		}
		boolean plot = content.curve() != null;
		((GridData) chart.getLayoutData()).exclude = !plot;
		chart.setVisible(plot);
		chart.setSeries(plot ? ActivationSeries.of(content.activation(), content.curve()) : List.of());
		((GridData) text.getLayoutData()).exclude = content.plainText().isEmpty();
	}

	/** @return what is shown (for tests) */
	public HoverContent content() {
		return content;
	}

	/** @return the plot (for tests) */
	public ChartCanvas chart() {
		return chart;
	}

	@Override
	public boolean hasContents() {
		return content != null && !content.isEmpty();
	}

	@Override
	public Point computeSizeHint() {
		int natural = text.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
		int width = Math.min(natural, TEXT_WIDTH);
		if (content != null && content.curve() != null) {
			width = Math.max(width, CHART_WIDTH);
		}
		((GridData) text.getLayoutData()).widthHint = width;
		Point size = getShell().computeSize(SWT.DEFAULT, SWT.DEFAULT, true);
		Point constraints = getSizeConstraints();
		if (constraints != null) {
			size.x = Math.min(size.x, Math.max(constraints.x, CHART_WIDTH + 16));
			size.y = Math.min(size.y, Math.max(constraints.y, CHART_HEIGHT + 40));
		}
		return size;
	}

	@Override
	public IInformationControlCreator getInformationPresenterControlCreator() {
		return CurveInformationControl::new;
	}
}

package dev.nnet.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.ITextViewerExtension5;
import org.eclipse.jface.text.Region;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.lang.analysis.GradientFlow;
import dev.nnet.lang.ide.hover.ActivationHover;
import dev.nnet.lang.runs.RunRecord;
import dev.nnet.ui.editor.CurveInformationControl;
import dev.nnet.ui.editor.HoverContent;
import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.editor.NNetTextHover;
import dev.nnet.ui.runs.RunsRegistry;
import dev.nnet.ui.tests.UiTesting;
import dev.nnet.ui.views.charts.ChartSeries;

/**
 * The editor's hover on the deep sigmoid example: on an activation a plot of f and f' (the engine's samples), on a
 * layer the validator's gradient bound next to the ratio measured in the latest run of the file, a run recorded as
 * the command line records it. The popups are the hover's own controls, given the hover's content, shown over the
 * editor and photographed (docs/images/hover-*.png).
 */
public class LayerHoverTest {

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		Workbench.closeAndDelete(project);
	}

	@Test
	public void activationsPlotTheirCurveAndLayersShowPredictedAndMeasuredGradientFlow() throws Exception {
		project = Workbench.exampleProject("hover-flow");
		IFile deep = project.getFile("deep-sigmoid.nnet");
		NNetEditor editor = UiTesting.open(deep);
		NNetTextHover hover = new NNetTextHover(editor, editor.viewer());
		String text = editor.getDocument().get();
		int h1 = text.indexOf("dense h1") + 7;
		String bound = String.format(Locale.ROOT, "predicted <= %.3g", GradientFlow.sigmoidBound(6));
		String before = hover.documentationAt(h1);
		assertTrue(before.contains("gradient flow to h1 (from the output layer; the bound counts activation derivatives, not weights): " + bound
				+ " · measured: no run of this network yet"), before);

		RunRecord run = Workbench.recordAsTheCommandLine(deep, "deepSigmoidRun", 0);
		RunsRegistry.get().reload();
		double measured = GradientFlow.measured(run.lastEpoch())[0];
		String after = hover.documentationAt(h1);
		assertTrue(after.startsWith("h1: 4 -> 8 sigmoid, 40 parameters"), after);
		assertTrue(after.contains(bound + String.format(Locale.ROOT, " · measured %.3g (run deepSigmoidRun ", measured))
				&& after.contains(", epoch 30): vanished (below 0.25^4)"), after);
		assertEquals(hover.documentationAt(text.indexOf("dense h1") + 2).contains(bound + " · measured"), true,
				"the same line on the layer's keyword");

		int sigmoid = text.indexOf("sigmoid init", h1) + 2;
		HoverContent content = hover.contentAt(sigmoid);
		assertEquals("sigmoid", content.activation());
		assertTrue(content.documentation().startsWith("sigmoid: f(x) = 1 / (1 + e^-x)"), content.documentation());
		assertEquals(ActivationHover.POINTS, content.curve().z().length);
		assertEquals(0.25, content.curve().maxDerivative(), 1e-12, "sigmoid' peaks at 1/4");

		CurveInformationControl popup = show(editor, hover, sigmoid);
		List<ChartSeries> plotted = popup.chart().series();
		assertEquals(2, plotted.size(), "f and f'");
		assertEquals(content.curve().derivative()[50], plotted.get(1).y()[50], 0, "the engine's samples, drawn");
		assertTrue(popup.chart().isVisible());
		screenshot(editor, "hover-activation.png");
		popup.dispose();

		CurveInformationControl layer = show(editor, hover, h1);
		assertTrue(!layer.chart().isVisible(), "no plot on a layer's name");
		assertTrue(layer.content().plainText().contains(" · measured "), layer.content().plainText());
		screenshot(editor, "hover-gradient-flow.png");
		layer.dispose();
	}

	/** Opens the popup the platform opens for the hover at {@code offset}, below the hovered word. */
	private static CurveInformationControl show(NNetEditor editor, NNetTextHover hover, int offset) {
		Shell shell = editor.getSite().getShell();
		shell.setBounds(0, 0, 1200, 800);
		UiTesting.drain();
		CurveInformationControl control = (CurveInformationControl) hover.getHoverControlCreator()
				.createInformationControl(shell);
		control.setInput(hover.getHoverInfo2(editor.viewer(), new Region(offset, 0)));
		control.setSizeConstraints(90 * 8, 40 * 16);
		Point size = control.computeSizeHint();
		control.setSize(size.x, size.y);
		StyledText widget = editor.viewer().getTextWidget();
		int widgetOffset = editor.viewer() instanceof ITextViewerExtension5 e ? e.modelOffset2WidgetOffset(offset)
				: offset;
		Point at = widget.toDisplay(widget.getLocationAtOffset(widgetOffset));
		control.setLocation(new Point(at.x, at.y + widget.getLineHeight() + 2));
		control.setVisible(true);
		UiTesting.drain();
		return control;
	}

	private static void screenshot(NNetEditor editor, String name) throws Exception {
		long until = System.currentTimeMillis() + 300;
		UiTesting.waitFor("the popup to paint", () -> {
			UiTesting.drain();
			return System.currentTimeMillis() > until;
		});
		java.io.File shot = UiTesting.screenshot(editor.getSite().getShell(), name);
		String dir = System.getProperty("nnet.screenshots");
		if (dir != null && !dir.isBlank()) {
			Files.createDirectories(Path.of(dir));
			Files.copy(shot.toPath(), Path.of(dir, name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
	}
}

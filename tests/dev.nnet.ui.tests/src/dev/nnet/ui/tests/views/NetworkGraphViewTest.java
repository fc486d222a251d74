package dev.nnet.ui.tests.views;

import static dev.nnet.ui.tests.views.Workbench.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nnet.lang.graph.NetworkGraph;
import dev.nnet.ui.views.graph.NetworkGraphView;

/** The graph view follows the editor: right layers/units/edges, edits, caret and selection, PNG/SVG export. */
public class NetworkGraphViewTest {

	static final String NETS = """
			network XorNet {
			  input 2
			  dense hidden 4 tanh init xavier
			  dense out 1 sigmoid
			  loss mse
			}

			network DigitsNet {
			  input 64
			  dense hidden1 128 relu init he_normal
			  dense hidden2 64 leaky_relu(0.01) init he_normal
			  dense digit 10 softmax init xavier_uniform
			}
			""";

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		Workbench.page().closeAllEditors(false);
		// a fresh view per test: a view left open would show the previous test's graph for a moment
		IViewPart view = Workbench.page().findView(NetworkGraphView.ID);
		if (view != null) {
			Workbench.page().hideView(view);
		}
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	@Test
	public void followsTheEditorCaretAndEdits(@TempDir Path tmp) throws Exception {
		project = Workbench.project("graph-test");
		IFile file = Workbench.file(project, "nets.nnet", NETS);
		ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
		NetworkGraphView view = (NetworkGraphView) Workbench.page().showView(NetworkGraphView.ID);
		Workbench.page().activate(editor);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());

		waitFor("the XorNet graph", 10_000, () -> view.getGraph() != null && view.getGraph().name().equals("XorNet"));
		NetworkGraph g = view.getGraph();
		assertEquals(3, g.layers().size());
		assertEquals(2 + 4 + 1, g.neuronCount());
		assertEquals(2 * 4 + 4 * 1, g.edges().size());
		assertEquals("4 tanh", g.layers().get(1).subtitle());

		// an edit: 4 -> 6 hidden units
		int generation = view.getGeneration();
		int at = doc.get().indexOf("hidden 4") + "hidden ".length();
		doc.replace(at, 1, "6");
		waitFor("the edited graph", 5_000, () -> view.getGeneration() > generation && view.getGraph() != null
				&& view.getGraph().edges().size() == 2 * 6 + 6);
		long latency = view.getLastLatencyMillis();
		System.out.println("graph view: edit to redraw " + latency + " ms");
		assertTrue(latency >= 0 && latency < 1000, "redrawn " + latency + " ms after the edit");

		// caret in DigitsNet's hidden2: that network, that layer highlighted
		int caret = doc.get().indexOf("dense hidden2");
		editor.selectAndReveal(caret + 3, 0);
		waitFor("DigitsNet at the caret", 5_000,
				() -> view.getGraph().name().equals("DigitsNet") && view.getSelectedLayer() == 2);
		NetworkGraph digits = view.getGraph();
		assertEquals(4, digits.layers().size());
		assertFalse(digits.layers().get(1).expanded(), "128 units are a block");
		assertEquals(10, digits.neuronCount());
		assertEquals(1 + 1 + 10, digits.edges().size());

		// selecting a layer in the view selects its declaration in the editor
		view.selectLayer(3);
		ITextSelection sel = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertTrue(sel.getText().startsWith("dense digit 10 softmax"), sel.getText());
		waitFor("highlight follows the selection", 5_000, () -> view.getSelectedLayer() == 3);

		Path png = tmp.resolve("digits.png");
		Path svg = tmp.resolve("digits.svg");
		view.exportPng(png);
		view.exportSvg(svg);
		ImageData image = new ImageLoader().load(png.toString())[0];
		assertEquals((int) Math.ceil(digits.width()), image.width);
		assertEquals((int) Math.ceil(digits.height()), image.height);
		String text = Files.readString(svg);
		assertTrue(text.startsWith("<svg"), text);
		assertEquals(digits.neuronCount(), text.split("<circle", -1).length - 1);

		Workbench.screenshot("graph-digits.png", view);
		editor.selectAndReveal(doc.get().indexOf("dense hidden 6"), 0);
		waitFor("back to XorNet", 5_000, () -> view.getGraph().name().equals("XorNet"));
	}

	@Test
	public void drawsTheNetworkOfATrainingDeclaredInAnotherFile() throws Exception {
		project = Workbench.project("graph-cross-file");
		Workbench.file(project, "nets.nnet", NETS);
		IFile runs = Workbench.file(project, "runs.nnet", """
				data d {
				  samples { (0, 0) -> 0  (0, 1) -> 1  (1, 0) -> 1  (1, 1) -> 0 }
				}
				training t {
				  network XorNet
				  data d
				}
				""");
		ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), runs);
		NetworkGraphView view = (NetworkGraphView) Workbench.page().showView(NetworkGraphView.ID);
		Workbench.page().activate(editor);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		editor.selectAndReveal(doc.get().indexOf("network XorNet") + 3, 0);
		waitFor("XorNet from nets.nnet", 10_000,
				() -> view.getGraph() != null && "XorNet".equals(view.getGraph().name()));
		assertEquals(2 + 4 + 1, view.getGraph().neuronCount());
		assertEquals(-1, view.getSelectedLayer(), "no layer of this file is under the caret");
	}

	@Test
	public void drawsACnnAsBlocksLabelledWithTheirShapes() throws Exception {
		project = Workbench.project("graph-cnn");
		IFile file = Workbench.file(project, "cnn.nnet", """
				network DigitsCnn {
				  input 1x8x8
				  conv2d conv1 16 kernel 3 padding same relu init he_normal
				  conv2d conv2 32 kernel 3 padding same relu init he_normal
				  max_pool pool1 2
				  flatten
				  dropout drop 0.25
				  dense hidden 64 relu init he_normal
				  dense digit 10 softmax init xavier_uniform
				  loss cross_entropy
				}
				""");
		ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
		NetworkGraphView view = (NetworkGraphView) Workbench.page().showView(NetworkGraphView.ID);
		Workbench.page().activate(editor);
		waitFor("the CNN graph", 10_000, () -> view.getGraph() != null && "DigitsCnn".equals(view.getGraph().name()));
		NetworkGraph g = view.getGraph();
		assertEquals(java.util.List.of("1x8x8", "16x8x8", "32x8x8", "32x4x4", "512", "64", "10"),
				g.layers().stream().map(l -> l.blockLabel()).toList());
		assertEquals("conv2d relu", g.layers().get(2).subtitle());
		assertEquals("4,640 params", g.layers().get(2).paramsLabel());
		assertEquals(10, g.neuronCount(), "only the output layer is drawn as neurons");
		Workbench.screenshot("graph-cnn.png", view);
	}
}

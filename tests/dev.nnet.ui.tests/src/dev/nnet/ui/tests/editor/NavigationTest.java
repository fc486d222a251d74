package dev.nnet.ui.tests.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.editor.NNetHyperlinkDetector;
import dev.nnet.ui.editor.NNetTextHover;
import dev.nnet.ui.editor.outline.NNetOutlinePage;
import dev.nnet.ui.editor.outline.OutlineNode;
import dev.nnet.ui.tests.UiTesting;
import dev.nnet.ui.wizards.NNetTemplate;

/** Outline (with shapes, linked to the editor), hover texts and Ctrl+click across files. */
public class NavigationTest {

	private IProject project;

	@AfterEach
	public void cleanUp() throws Exception {
		UiTesting.page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	private static List<String> labels(List<OutlineNode> nodes) {
		return nodes.stream().map(OutlineNode::label).toList();
	}

	@Test
	public void outlineShowsNetworksWithLayerShapesDataAndTrainingsAndFollowsTheCaret() throws Exception {
		project = UiTesting.project("nav-outline");
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "xor.nnet", NNetTemplate.XOR_MLP.text()));
		UiTesting.page().showView(IPageLayout.ID_OUTLINE);
		UiTesting.page().activate(editor);
		NNetOutlinePage outline = assertInstanceOf(NNetOutlinePage.class, editor.getAdapter(IContentOutlinePage.class));
		UiTesting.waitFor("the outline to show the model", () -> !outline.roots().isEmpty());
		assertEquals(List.of("xor (4 samples)", "XorPerceptron : 2 -> 1, 3 parameters", "perceptronRun : XorPerceptron on xor",
				"XorNet : 2 -> 1, 17 parameters", "xorRun : XorNet on xor"), labels(outline.roots()));
		assertEquals(List.of("hidden : 2 -> 4 tanh (12)", "out : 4 -> 1 sigmoid (5)"),
				labels(outline.roots().get(3).children()));

		OutlineNode hidden = outline.roots().get(3).children().get(0);
		outline.setSelection(new StructuredSelection(hidden));
		ITextSelection selected = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertEquals("hidden", selected.getText(), "selecting a row selects its name in the editor");

		int caret = editor.getDocument().get().indexOf("dense out") + 3;
		editor.selectAndReveal(caret, 0);
		UiTesting.drain();
		IStructuredSelection row = (IStructuredSelection) outline.getSelection();
		assertEquals("out : 4 -> 1 sigmoid (5)", ((OutlineNode) row.getFirstElement()).label(),
				"moving the caret selects the innermost row");

		editor.getDocument().replace(editor.getDocument().get().indexOf("hidden 4") + 7, 1, "8");
		UiTesting.awaitReconciled(editor);
		assertEquals("XorNet : 2 -> 1, 33 parameters", outline.roots().get(3).label(), "outline follows typing");
	}

	@Test
	public void hoverShowsDocumentationAndTheLayersInferredShape() throws Exception {
		project = UiTesting.project("nav-hover");
		NNetEditor editor = UiTesting.open(UiTesting.file(project, "xor.nnet", NNetTemplate.XOR_MLP.text()));
		NNetTextHover hover = new NNetTextHover(editor, editor.viewer());
		String text = editor.getDocument().get();

		String layer = hover.documentationAt(text.indexOf("hidden 4") + 2);
		assertNotNull(layer);
		assertTrue(layer.startsWith("hidden: 2 -> 4 tanh, 12 parameters"), layer);
		assertTrue(layer.contains("fully connected layer"), layer);

		String activation = hover.documentationAt(text.indexOf("4 tanh") + 3);
		assertTrue(activation.startsWith("tanh: f(x) = "), activation);

		String network = hover.getHoverInfo(editor.viewer(), new Region(text.indexOf("network XorNet") + 9, 0));
		assertTrue(network.contains("XorNet: 2 inputs, 2 layer(s), 17 parameters, loss mse"), network);

		String warning = hover.getHoverInfo(editor.viewer(), new Region(text.indexOf("data xor", text.indexOf("perceptronRun")) + 6, 0));
		assertTrue(warning.contains("Data 'xor' is not linearly separable"), warning);
	}

	@Test
	public void ctrlClickOnAReferenceOpensTheDeclarationInAnotherFile() throws Exception {
		project = UiTesting.project("nav-links");
		IFile nets = UiTesting.file(project, "nets.nnet", "package shared\n\nnetwork Net {\n  input 2\n  dense out 1 sigmoid\n}\n");
		IFile uses = UiTesting.file(project, "uses.nnet", "data d {\n  samples {\n    (0, 1) -> 1\n    (1, 0) -> 0\n  }\n}\n"
				+ "training t {\n  network shared.Net\n  data d\n}\n");
		NNetEditor editor = UiTesting.open(uses);
		assertTrue(UiTesting.issues(editor, org.eclipse.xtext.diagnostics.Severity.ERROR).isEmpty(),
				UiTesting.describe(UiTesting.issues(editor, null)));
		String text = editor.getDocument().get();

		IHyperlink[] local = new NNetHyperlinkDetector(editor).detectHyperlinks(editor.viewer(),
				new Region(text.indexOf("data d\n}") + 5, 0), false);
		local[0].open();
		assertEquals(text.indexOf("data d {") + 5, ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset());

		int at = text.indexOf("shared.Net") + 8;
		IHyperlink[] links = new NNetHyperlinkDetector(editor).detectHyperlinks(editor.viewer(), new Region(at, 0), false);
		assertNotNull(links);
		assertEquals(new Region(text.indexOf("shared.Net"), "shared.Net".length()), links[0].getHyperlinkRegion());
		links[0].open();
		NNetEditor target = assertInstanceOf(NNetEditor.class, UiTesting.page().getActiveEditor());
		assertEquals(nets, target.getEditorInput().getAdapter(IFile.class));
		assertEquals("Net", ((ITextSelection) target.getSelectionProvider().getSelection()).getText());
	}
}

package dev.nnet.ui.editor.outline;

import java.util.List;

import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.eclipse.xtext.resource.ILocationInFileProvider;

import dev.nnet.lang.shapes.ShapeInference;
import dev.nnet.ui.editor.NNetEditor;
import dev.nnet.ui.internal.NNetUiPlugin;

/**
 * The outline of an NNet editor: networks with their layers and inferred shapes, data sets and trainings.
 * Linked both ways: selecting a row selects its name in the editor; moving the caret selects the row.
 */
public class NNetOutlinePage extends ContentOutlinePage {

	private final NNetEditor editor;
	private final ISelectionChangedListener caretListener = this::editorSelectionChanged;
	private List<OutlineNode> roots = List.of();
	private boolean syncing;

	/** @param editor the editor outlined */
	public NNetOutlinePage(NNetEditor editor) {
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return roots.toArray();
			}

			@Override
			public Object[] getChildren(Object parent) {
				return ((OutlineNode) parent).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return !((OutlineNode) element).children().isEmpty();
			}
		});
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return ((OutlineNode) element).label();
			}

			@Override
			public Image getImage(Object element) {
				String image = switch (((OutlineNode) element).kind()) {
				case "network", "perceptron" -> ISharedImages.IMG_OBJ_FOLDER;
				case "layer" -> ISharedImages.IMG_OBJ_ELEMENT;
				case "data" -> ISharedImages.IMG_OBJ_FILE;
				default -> ISharedImages.IMG_TOOL_FORWARD;
				};
				return PlatformUI.getWorkbench().getSharedImages().getImage(image);
			}
		});
		viewer.setInput(this);
		editor.getSelectionProvider().addSelectionChangedListener(caretListener);
		refresh();
	}

	/** Rebuilds the rows from the editor's current model (UI thread). */
	public void refresh() {
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		OutlineBuilder builder = new OutlineBuilder(NNetUiPlugin.injector().getInstance(ShapeInference.class),
				NNetUiPlugin.injector().getInstance(ILocationInFileProvider.class));
		List<OutlineNode> fresh = editor.readOnly(resource -> builder.build(editor.getDocumentModel().root()));
		roots = fresh == null ? List.of() : fresh;
		viewer.refresh();
		viewer.expandAll();
	}

	/** @return the rows shown (top level) */
	public List<OutlineNode> roots() {
		return roots;
	}

	@Override
	public void selectionChanged(SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (syncing || !(event.getSelection() instanceof IStructuredSelection s)
				|| !(s.getFirstElement() instanceof OutlineNode node)) {
			return;
		}
		syncing = true;
		try {
			editor.selectAndReveal(node.offset(), node.length());
		} finally {
			syncing = false;
		}
	}

	private void editorSelectionChanged(SelectionChangedEvent event) {
		if (syncing || !(event.getSelection() instanceof ITextSelection text) || getTreeViewer() == null
				|| getTreeViewer().getControl().isDisposed()) {
			return;
		}
		OutlineNode innermost = innermost(roots, text.getOffset());
		syncing = true;
		try {
			getTreeViewer().setSelection(innermost == null ? StructuredSelection.EMPTY
					: new StructuredSelection(innermost), true);
		} finally {
			syncing = false;
		}
	}

	private static OutlineNode innermost(List<OutlineNode> nodes, int offset) {
		for (OutlineNode n : nodes) {
			if (n.contains(offset)) {
				OutlineNode child = innermost(n.children(), offset);
				return child != null ? child : n;
			}
		}
		return null;
	}

	@Override
	public void dispose() {
		if (editor.getSelectionProvider() != null) {
			editor.getSelectionProvider().removeSelectionChangedListener(caretListener);
		}
		super.dispose();
	}
}

package dev.nnet.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Path;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

import dev.nnet.ui.internal.NNetUiPlugin;

/** Ctrl+click on a reference to a network or data set opens its declaration, also in another file. */
public class NNetHyperlinkDetector extends AbstractHyperlinkDetector {

	private final NNetEditor editor;

	/** @param editor the editor whose references are linked */
	public NNetHyperlinkDetector(NNetEditor editor) {
		this.editor = editor;
	}

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		IHyperlink link = editor.readOnly(resource -> {
			if (resource.getParseResult() == null) {
				return null;
			}
			EObjectAtOffsetHelper helper = NNetUiPlugin.injector().getInstance(EObjectAtOffsetHelper.class);
			INode node = helper.getCrossReferenceNode(resource, new TextRegion(region.getOffset(), 0));
			if (node == null) {
				return null;
			}
			EObject target = helper.getCrossReferencedElement(node);
			if (target == null || target.eIsProxy() || target.eResource() == null) {
				return null;
			}
			ITextRegion at = NNetUiPlugin.injector().getInstance(ILocationInFileProvider.class)
					.getSignificantTextRegion(target);
			return new Link(new Region(node.getOffset(), node.getLength()), target.eResource().getURI(), at,
					target.eResource() == resource);
		});
		return link == null ? null : new IHyperlink[] { link };
	}

	private final class Link implements IHyperlink {
		private final IRegion region;
		private final URI uri;
		private final ITextRegion target;
		private final boolean local;

		Link(IRegion region, URI uri, ITextRegion target, boolean local) {
			this.region = region;
			this.uri = uri;
			this.target = target;
			this.local = local;
		}

		@Override
		public IRegion getHyperlinkRegion() {
			return region;
		}

		@Override
		public String getTypeLabel() {
			return "Open Declaration";
		}

		@Override
		public String getHyperlinkText() {
			return "Open Declaration in " + uri.lastSegment();
		}

		@Override
		public void open() {
			ITextEditor destination = editor;
			if (!local) {
				destination = openFile();
			}
			if (destination != null && target != null) {
				destination.selectAndReveal(target.getOffset(), target.getLength());
			}
		}

		private ITextEditor openFile() {
			if (!uri.isPlatformResource()) {
				return null;
			}
			IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(uri.toPlatformString(true)));
			try {
				IEditorPart part = IDE.openEditor(
						PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
				return part instanceof ITextEditor t ? t : null;
			} catch (PartInitException e) {
				NNetUiPlugin.log("Cannot open " + file.getFullPath(), e);
				return null;
			}
		}
	}
}

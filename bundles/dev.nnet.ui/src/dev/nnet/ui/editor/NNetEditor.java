package dev.nnet.ui.editor;

import org.eclipse.ui.editors.text.TextEditor;

/**
 * The editor for {@code .nnet} files, registered for the {@code dev.nnet.ui.nnetSource}
 * content type. It is built on the platform text framework because the Xtext Eclipse UI
 * bundles are not available; the language services come from {@code dev.nnet.lang.ide}.
 */
public class NNetEditor extends TextEditor {

	/** The id under which plugin.xml registers this editor. */
	public static final String ID = "dev.nnet.ui.editor";

	/** The content type of {@code .nnet} files. */
	public static final String CONTENT_TYPE_ID = "dev.nnet.ui.nnetSource";

	@Override
	protected void initializeEditor() {
		super.initializeEditor();
		setEditorContextMenuId("#NNetEditorContext");
		setRulerContextMenuId("#NNetRulerContext");
	}
}

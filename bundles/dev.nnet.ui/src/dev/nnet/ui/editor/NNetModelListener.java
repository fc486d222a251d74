package dev.nnet.ui.editor;

/**
 * Told when an {@link NNetEditor}'s text has been parsed and validated again. Called in the UI thread, at most
 * once per reconcile: the editor reparses about 300 ms after the last keystroke (off the UI thread), so a burst
 * of typing produces one notification. Read the new model with {@link NNetEditor#readOnly}.
 *
 * <pre>
 * editor.addModelListener(e -&gt; e.readOnly(resource -&gt; { redraw((Model) resource.getContents().get(0)); return null; }));
 * </pre>
 */
@FunctionalInterface
public interface NNetModelListener {

	/**
	 * @param editor the editor whose model changed; its model reflects the document text of the last reconcile
	 */
	void modelChanged(NNetEditor editor);
}

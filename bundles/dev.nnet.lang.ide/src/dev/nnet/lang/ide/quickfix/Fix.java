package dev.nnet.lang.ide.quickfix;

import java.util.List;

/**
 * A quick fix: what it does, and the text edits that do it.
 *
 * @param label shown in the quick-fix list, e.g. {@code Set 'input 4'}
 * @param edits edits of the resource that has the issue
 */
public record Fix(String label, List<TextEdit> edits) {
}

package dev.nnet.lang.ide.references;

import org.eclipse.emf.common.util.URI;

/**
 * Where a name appears: its declaration or a reference to it.
 *
 * @param uri         the resource
 * @param offset      where the simple name starts (for a qualified reference {@code a.b.N}: where {@code N} starts)
 * @param length      the simple name's length
 * @param declaration true for the declaration, false for a reference
 */
public record Occurrence(URI uri, int offset, int length, boolean declaration) {
}

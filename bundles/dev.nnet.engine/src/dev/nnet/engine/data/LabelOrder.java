package dev.nnet.engine.data;

/** How string class labels are numbered. */
public enum LabelOrder {
    /** In order of first appearance in the file: the first label seen is class 0. */
    FIRST_SEEN,
    /**
     * Sorted: numerically if every label is a number (so "10" comes after "9"), otherwise by
     * {@link String#compareTo} (Unicode code points).
     */
    SORTED
}

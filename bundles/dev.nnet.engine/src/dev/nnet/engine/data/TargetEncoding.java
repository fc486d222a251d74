package dev.nnet.engine.data;

/** How class indices become target columns. */
public enum TargetEncoding {
    /** One column per class, 1 for the sample's class and 0 elsewhere (for softmax cross-entropy, MSE). */
    ONE_HOT,
    /** One column holding the class index (0, 1, 2, ...). */
    INDEX,
    /** One column, class 0 → -1 and class 1 → +1 (two classes only; for the perceptron, hinge, tanh). */
    SIGNED,
    /** One column, class 0 → 0 and class 1 → 1 (two classes only; for binary cross-entropy). */
    BINARY;

    /**
     * @param classCount number of classes
     * @return number of target columns
     */
    public int columns(int classCount) {
        return this == ONE_HOT ? classCount : 1;
    }

    /**
     * @param classes class index per sample
     * @param classCount number of classes
     * @return flat target matrix
     */
    public double[] encode(int[] classes, int classCount) {
        if ((this == SIGNED || this == BINARY) && classCount != 2) {
            throw new IllegalArgumentException(name() + " target encoding needs exactly 2 classes, got " + classCount);
        }
        int cols = columns(classCount);
        double[] out = new double[classes.length * cols];
        for (int r = 0; r < classes.length; r++) {
            int c = classes[r];
            if (c < 0 || c >= classCount) {
                throw new IllegalArgumentException("class index " + c + " of sample " + r + " is outside [0, " + classCount + ")");
            }
            switch (this) {
                case ONE_HOT: out[r * cols + c] = 1; break;
                case INDEX: out[r] = c; break;
                case SIGNED: out[r] = c == 1 ? 1 : -1; break;
                default: out[r] = c; break;
            }
        }
        return out;
    }
}

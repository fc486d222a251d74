package dev.nnet.onnx.imports;

/** One dense layer read from an ONNX graph: {@code W} ({@code units × inputs}, row-major), {@code b}, activation. */
final class ImportedLayer {
    private final int inputs;
    private final int units;
    private final double[] weights;
    private final double[] bias;
    private String activation;
    private Double alpha;
    private String activationOp;

    ImportedLayer(int inputs, int units, double[] weights, double[] bias) {
        this.inputs = inputs;
        this.units = units;
        this.weights = weights;
        this.bias = bias;
    }

    int inputs() {
        return inputs;
    }

    int units() {
        return units;
    }

    double[] weights() {
        return weights;
    }

    double[] bias() {
        return bias;
    }

    /** @return the NNet activation name, or null for none yet (identity) */
    String activation() {
        return activation;
    }

    /** @return the activation's alpha, or null */
    Double alpha() {
        return alpha;
    }

    /** @return the ONNX operator the activation came from */
    String activationOp() {
        return activationOp;
    }

    void setActivation(String name, Double alphaValue, String op) {
        this.activation = name;
        this.alpha = alphaValue;
        this.activationOp = op;
    }
}

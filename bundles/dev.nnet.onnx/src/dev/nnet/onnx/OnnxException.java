package dev.nnet.onnx;

/**
 * A file that cannot be exported, read or imported. The message starts with the file and, where known, the node
 * ({@code model.onnx: node 3 '/2/Conv' (Conv): ...}); it never carries a stack trace to the user.
 */
public final class OnnxException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message the whole located message */
    public OnnxException(String message) {
        super(message);
    }
}

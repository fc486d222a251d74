package dev.nnet.onnx.imports;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.onnx.OnnxException;

/** The element type and sample shape of a graph's input, as the imported network's precision and input shape. */
final class GraphInput {
    private GraphInput() {
    }

    static Precision precision(ValueInfoProto input, String source) throws OnnxException {
        TypeProto t = input.getType();
        int type = t.hasTensorType() ? t.getTensorType().getElemType() : -1;
        if (type == TensorProto.DataType.FLOAT_VALUE) {
            return Precision.FLOAT32;
        }
        if (type == TensorProto.DataType.DOUBLE_VALUE) {
            return Precision.FLOAT64;
        }
        throw new OnnxException(source + ": input '" + input.getName() + "' is not a tensor of FLOAT or DOUBLE");
    }

    /** @return [N, F] as a vector (null for an unknown F), [N, C, H, W] of known sizes as an image */
    static Shape shape(ValueInfoProto input, String source) throws OnnxException {
        var tensor = input.getType().getTensorType();
        if (!tensor.hasShape()) {
            return null;
        }
        var shape = tensor.getShape();
        int dims = shape.getDimCount();
        if (dims != 2 && dims != 4) {
            throw new OnnxException(source + ": input '" + input.getName() + "' has " + dims + " dimensions; NNet"
                    + " imports networks on a batch of feature vectors [N, F] or images [N, C, H, W]");
        }
        int[] size = new int[dims];
        for (int i = 1; i < dims; i++) {
            var dim = shape.getDim(i);
            long v = dim.hasDimValue() ? dim.getDimValue() : -1;
            size[i] = v > 0 && v <= Tensors.MAX_ELEMENTS ? (int) v : -1;
            if (size[i] < 0 && dims == 4) {
                throw new OnnxException(source + ": input '" + input.getName() + "' has no fixed size in dimension "
                        + (i + 1) + "; NNet imports images of a fixed C x H x W");
            }
        }
        try {
            return dims == 2 ? (size[1] < 0 ? null : Shape.vector(size[1])) : Shape.image(size[1], size[2], size[3]);
        } catch (IllegalArgumentException e) {
            throw new OnnxException(source + ": input '" + input.getName() + "': " + e.getMessage());
        }
    }
}

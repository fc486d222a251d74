package dev.nnet.onnx.export;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.nnet.engine.matrix.Precision;
import java.util.List;

/**
 * Appends nodes, initializers and typed inputs/outputs to an ONNX graph, with tensors in the precision of the
 * network (FLOAT for float32 networks, DOUBLE for float64 ones).
 */
final class GraphBuilder {
    /** Name of the batch dimension of inputs and outputs. */
    static final String BATCH = "N";

    private final GraphProto.Builder graph;
    private final Precision precision;

    GraphBuilder(GraphProto.Builder graph, Precision precision) {
        this.graph = graph;
        this.precision = precision;
    }

    /** @return the ONNX element type of the network's tensors */
    int elementType() {
        return precision == Precision.FLOAT64 ? TensorProto.DataType.DOUBLE_VALUE : TensorProto.DataType.FLOAT_VALUE;
    }

    Precision precision() {
        return precision;
    }

    /**
     * Adds a node.
     *
     * @param op the operator
     * @param name node name
     * @param inputs input tensor names
     * @param output output tensor name
     * @param attributes its attributes
     * @return the output name
     */
    String node(String op, String name, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(output);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return output;
    }

    static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto intsAttribute(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto floatAttribute(String name, double value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF((float) value)
                .build();
    }

    /**
     * Adds an initializer of the network's precision.
     *
     * @param name tensor name
     * @param dims its shape (empty for a scalar)
     * @param values row-major values
     * @return the name
     */
    String initializer(String name, long[] dims, double[] values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(elementType());
        for (long d : dims) {
            t.addDims(d);
        }
        for (double v : values) {
            if (precision == Precision.FLOAT64) {
                t.addDoubleData(v);
            } else {
                t.addFloatData((float) v);
            }
        }
        graph.addInitializer(t);
        return name;
    }

    /** @return a scalar initializer */
    String scalar(String name, double value) {
        return initializer(name, new long[0], new double[] { value });
    }

    /** Adds an int64 initializer. */
    String int64Initializer(String name, long[] dims, long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return name;
    }

    /** Adds a string initializer of shape [n]. */
    String stringInitializer(String name, List<String> values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.STRING_VALUE)
                .addDims(values.size());
        for (String v : values) {
            t.addStringData(com.google.protobuf.ByteString.copyFromUtf8(v));
        }
        graph.addInitializer(t);
        return name;
    }

    /**
     * @param name tensor name
     * @param elementType ONNX element type
     * @param width second dimension, or 0 for a tensor of shape [N]
     * @param doc its documentation
     * @return the typed value
     */
    static ValueInfoProto value(String name, int elementType, long width, String doc) {
        return value(name, elementType, width > 0 ? new long[] { width } : new long[0], doc);
    }

    /**
     * @param name tensor name
     * @param elementType ONNX element type
     * @param sample the dimensions of one sample after the batch dimension N ({@code C, H, W} for images)
     * @param doc its documentation
     * @return the typed value
     */
    static ValueInfoProto value(String name, int elementType, long[] sample, String doc) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (long d : sample) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TypeProto type = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elementType).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).setDocString(doc).build();
    }
}

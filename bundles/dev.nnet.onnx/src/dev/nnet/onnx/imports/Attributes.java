package dev.nnet.onnx.imports;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.List;

/** Reads the attributes of an ONNX node, with the operator's default when absent. */
final class Attributes {
    private Attributes() {
    }

    static long attribute(NodeProto node, String name, long otherwise) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getI();
            }
        }
        return otherwise;
    }

    /** A float attribute as the decimal it was written from (0.2f reads as 0.2, not 0.20000000298...). */
    static double floatAttribute(NodeProto node, String name, double otherwise) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return Double.parseDouble(Float.toString(a.getF()));
            }
        }
        return otherwise;
    }

    /** @return an INTS attribute, empty when absent */
    static List<Long> ints(NodeProto node, String name) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getIntsList();
            }
        }
        return List.of();
    }
}

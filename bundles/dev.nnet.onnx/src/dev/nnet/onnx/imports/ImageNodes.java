package dev.nnet.onnx.imports;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.nnet.engine.layer.Conv2dSpec;
import dev.nnet.engine.layer.Padding;
import dev.nnet.engine.layer.PoolSpec;
import dev.nnet.engine.layer.Shape;
import java.util.List;

/**
 * The image operators of a chain: {@code Conv} (square kernel, equal strides, the same pads on every side that are
 * NNet's valid (0) or same ((k - 1) / 2) padding, no dilation or groups), {@code MaxPool} / {@code AveragePool}
 * (square, no padding, no ceil mode). Each throws an IllegalArgumentException saying what is not imported.
 */
final class ImageNodes {
    private ImageNodes() {
    }

    /** @return the conv2d layer of {@code Conv(x, W[F, C, k, k], B?)} on images of {@code shape} */
    static ImportedLayers.Conv conv(NodeProto node, Shape shape, TensorProto w, TensorProto b) {
        image(node, shape);
        if (w.getDimsCount() != 4) {
            throw new IllegalArgumentException("weight '" + w.getName() + "' has " + w.getDimsCount()
                    + " dimensions, expected 4 [filters, channels, k, k]");
        }
        Tensors.size(w);
        int filters = (int) w.getDims(0);
        int channels = (int) w.getDims(1);
        int k = square(node, "kernel_shape", (int) w.getDims(2), (int) w.getDims(3));
        if (channels != shape.channels()) {
            throw new IllegalArgumentException("weight '" + w.getName() + "' takes " + channels + " channels, the"
                    + " input has " + shape.channels());
        }
        for (long v : Attributes.ints(node, "dilations")) {
            if (v != 1) {
                throw new IllegalArgumentException("dilations " + Attributes.ints(node, "dilations")
                        + "; NNet's conv2d has no dilation");
            }
        }
        if (Attributes.attribute(node, "group", 1) != 1) {
            throw new IllegalArgumentException("group " + Attributes.attribute(node, "group", 1)
                    + "; NNet's conv2d connects every channel (group 1)");
        }
        noAutoPad(node);
        int stride = stride(node);
        Padding padding = padding(node, k);
        double[] bias = b == null ? new double[filters] : Tensors.values(b);
        if (bias.length != filters) {
            throw new IllegalArgumentException("bias '" + b.getName() + "' has " + bias.length + " values for "
                    + filters + " filters");
        }
        ImportedLayers.Conv conv = new ImportedLayers.Conv(filters, k, stride, padding, Tensors.values(w), bias);
        conv.output = new Conv2dSpec("conv", filters, k, stride, padding,
                dev.nnet.engine.activation.Activations.identity(), dev.nnet.engine.init.Initializers.zeros(),
                dev.nnet.engine.init.Initializers.zeros()).outputShape(shape);
        return conv;
    }

    /** @return the pool layer of {@code MaxPool} / {@code AveragePool} on images of {@code shape} */
    static ImportedLayers.Pool pool(NodeProto node, Shape shape, PoolSpec.Kind kind) {
        image(node, shape);
        List<Long> kernel = Attributes.ints(node, "kernel_shape");
        if (kernel.size() != 2) {
            throw new IllegalArgumentException("kernel_shape " + kernel + "; NNet pools 2-d windows");
        }
        int size = square(node, "kernel_shape", kernel.get(0).intValue(), kernel.get(1).intValue());
        noAutoPad(node);
        if (padding(node, size) != Padding.VALID) {
            throw new IllegalArgumentException("pads " + Attributes.ints(node, "pads") + "; NNet pools without padding");
        }
        if (Attributes.attribute(node, "ceil_mode", 0) != 0) {
            throw new IllegalArgumentException("ceil_mode 1; NNet's pools round the output size down");
        }
        for (long v : Attributes.ints(node, "dilations")) {
            if (v != 1) {
                throw new IllegalArgumentException("dilations " + Attributes.ints(node, "dilations") + "; NNet's pools have none");
            }
        }
        if (kind == PoolSpec.Kind.MAX && node.getOutputCount() > 1 && !node.getOutput(1).isEmpty()) {
            throw new IllegalArgumentException("the Indices output is not imported");
        }
        ImportedLayers.Pool pool = new ImportedLayers.Pool(kind, size, stride(node));
        pool.output = new PoolSpec("pool", kind, size, pool.stride).outputShape(shape);
        return pool;
    }

    private static void image(NodeProto node, Shape shape) {
        if (shape == null || !shape.image()) {
            throw new IllegalArgumentException("its input is " + (shape == null ? "of unknown shape" : "a vector of "
                    + shape) + "; NNet imports " + node.getOpType() + " on images [N, C, H, W]");
        }
    }

    private static int square(NodeProto node, String what, int h, int w) {
        List<Long> given = Attributes.ints(node, what);
        if (h != w || !given.isEmpty() && (given.size() != 2 || given.get(0) != h || given.get(1) != w)) {
            throw new IllegalArgumentException(what + " " + (given.isEmpty() ? List.of(h, w) : given)
                    + "; NNet imports square kernels");
        }
        return h;
    }

    private static int stride(NodeProto node) {
        List<Long> s = Attributes.ints(node, "strides");
        if (s.isEmpty()) {
            return 1;
        }
        if (s.size() != 2 || !s.get(0).equals(s.get(1)) || s.get(0) < 1 || s.get(0) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("strides " + s + "; NNet imports one positive stride for both axes");
        }
        return s.get(0).intValue();
    }

    /** @return VALID for no pads, SAME for (k - 1) / 2 on every side of an odd kernel */
    private static Padding padding(NodeProto node, int k) {
        List<Long> p = Attributes.ints(node, "pads");
        long first = p.isEmpty() ? 0 : p.get(0);
        for (long v : p) {
            if (v != first) {
                throw new IllegalArgumentException("pads " + p + "; NNet pads every side alike");
            }
        }
        if (first == 0) {
            return Padding.VALID;
        }
        if (k % 2 == 1 && first == (k - 1) / 2) {
            return Padding.SAME;
        }
        throw new IllegalArgumentException("pads " + p + " for a kernel of " + k + "; NNet pads 0 (valid) or "
                + "(k - 1) / 2 of an odd kernel (same)");
    }

    private static void noAutoPad(NodeProto node) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals("auto_pad") && !a.getS().toStringUtf8().equals("NOTSET")) {
                throw new IllegalArgumentException("auto_pad " + a.getS().toStringUtf8() + "; NNet imports explicit pads");
            }
        }
    }
}

package dev.nnet.onnx.imports;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.nnet.engine.layer.PoolSpec;
import dev.nnet.engine.layer.Shape;
import dev.nnet.engine.matrix.Precision;
import dev.nnet.onnx.OnnxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the chain of nodes that {@code torch.onnx.export} writes for an {@code nn.Sequential}: from the one graph
 * input ({@code [N, F]} or images {@code [N, C, H, W]}) to the one graph output, {@code Gemm} or {@code MatMul}
 * (+ {@code Add} of a bias) per dense layer and {@code Conv} per conv2d layer ({@link ImageNodes}), each optionally
 * followed by one activation; {@code MaxPool}, {@code AveragePool}, {@code BatchNormalization} (inference form) and
 * {@code Flatten} of images as layers; {@code Flatten} of vectors, {@code Dropout}, {@code Identity} and a
 * {@code Pad} of zeros are no-ops; {@code Constant} nodes count as initializers. Anything else is reported with the node, its operator and the list of what is supported.
 */
public final class OnnxImporter {
    /** The operators that are imported. */
    public static final List<String> SUPPORTED = List.of("Gemm", "MatMul (+ Add)", "Conv", "MaxPool", "AveragePool",
            "BatchNormalization", "Relu",
            "Sigmoid", "Tanh", "LeakyRelu", "Elu", "Softplus", "Abs", "Sign", "Softmax", "Flatten", "Dropout",
            "Identity", "Pad (of zeros)");
    private static final Map<String, String> ACTIVATIONS = Map.of("Relu", "relu", "Sigmoid", "sigmoid", "Tanh", "tanh",
            "LeakyRelu", "leaky_relu", "Elu", "elu", "Softplus", "softplus", "Abs", "abs", "Sign", "sign", "Softmax",
            "softmax");

    private final String source;
    private final GraphProto graph;
    private final Map<String, TensorProto> initializers = new HashMap<>();
    private final Map<String, List<Integer>> consumers = new HashMap<>();
    private final List<ImportedLayer> layers = new ArrayList<>();
    private Shape inputShape;
    /** The shape of one sample of the tensor the chain is at; null while unknown (input of unknown width). */
    private Shape shape;

    private OnnxImporter(ModelProto model, String source) {
        this.source = source;
        this.graph = model.getGraph();
        for (TensorProto t : graph.getInitializerList()) {
            initializers.put(t.getName(), t);
        }
        for (NodeProto n : graph.getNodeList()) {
            if (n.getOpType().equals("Constant") && n.getOutputCount() == 1 && n.getAttributeCount() == 1
                    && n.getAttribute(0).hasT()) {
                initializers.put(n.getOutput(0), n.getAttribute(0).getT()); // a constant like an initializer
            }
        }
        for (int i = 0; i < graph.getNodeCount(); i++) {
            for (String in : graph.getNode(i).getInputList()) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(i);
            }
        }
    }

    /**
     * @param model an ONNX model
     * @param source file name for messages
     * @return the dense layers and precision of the network
     * @throws OnnxException naming the file, the node and the cause for graphs NNet cannot represent
     */
    public static ImportedNetwork read(ModelProto model, String source) throws OnnxException {
        return new OnnxImporter(model, source).read();
    }

    private ImportedNetwork read() throws OnnxException {
        List<ValueInfoProto> inputs = new ArrayList<>();
        for (ValueInfoProto v : graph.getInputList()) {
            if (!initializers.containsKey(v.getName())) {
                inputs.add(v);
            }
        }
        if (inputs.size() != 1 || graph.getOutputCount() != 1) {
            throw new OnnxException(source + ": the graph has " + inputs.size() + " inputs and " + graph.getOutputCount()
                    + " outputs; NNet imports networks with one input and one output");
        }
        ValueInfoProto input = inputs.get(0);
        Precision precision = GraphInput.precision(input, source);
        shape = GraphInput.shape(input, source);
        String output = graph.getOutput(0).getName();
        String current = input.getName();
        Set<Integer> seen = new HashSet<>();
        while (!current.equals(output)) {
            List<Integer> users = consumers.getOrDefault(current, List.of());
            if (users.size() != 1) {
                throw new OnnxException(source + ": tensor '" + current + "' feeds " + users.size()
                        + " nodes; NNet imports a chain of layers (nn.Sequential) from the input to the output");
            }
            int index = users.get(0);
            if (!seen.add(index)) {
                throw new OnnxException(source + ": the graph has a cycle at node " + (index + 1));
            }
            current = step(index, current);
        }
        if (layers.isEmpty()) {
            throw new OnnxException(source + ": the graph has no Gemm or MatMul, so no dense layer to import");
        }
        return new ImportedNetwork(inputShape, precision, layers);
    }

    /** Handles one node; returns the tensor the chain continues with. */
    private String step(int index, String current) throws OnnxException {
        NodeProto node = graph.getNode(index);
        String op = node.getOpType();
        try {
            if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
                throw unsupported(node);
            }
            if (node.getInputCount() == 0 || !node.getInput(0).equals(current)) {
                throw new IllegalArgumentException("the chain enters this node as input '" + current
                        + "', not as its first input");
            }
            switch (op) {
                case "Gemm" -> gemm(node);
                case "BatchNormalization" -> batchNorm(node);
                case "Conv" -> {
                    ImportedLayers.Conv c = ImageNodes.conv(node, shape, initializer(node, 1),
                            node.getInputCount() > 2 && !node.getInput(2).isEmpty() ? initializer(node, 2) : null);
                    add(c, c.output);
                }
                case "MaxPool", "AveragePool" -> {
                    ImportedLayers.Pool p = ImageNodes.pool(node, shape, op.equals("MaxPool") ? PoolSpec.Kind.MAX
                            : PoolSpec.Kind.AVG);
                    add(p, p.output);
                }
                case "MatMul" -> {
                    return matMul(node, index);
                }
                case "Flatten" -> flatten(node);
                case "Pad" -> zeroPad(node);
                case "Dropout", "Identity" -> {
                    // inference: no-op
                }
                default -> {
                    String activation = ACTIVATIONS.get(op);
                    if (activation == null) {
                        throw unsupported(node);
                    }
                    activation(node, activation);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new OnnxException(where(node, index) + e.getMessage());
        }
        return node.getOutput(0);
    }

    private void gemm(NodeProto node) {
        if (Attributes.attribute(node, "transA", 0) != 0) {
            throw new IllegalArgumentException("transA=1 is not imported");
        }
        double alpha = Attributes.floatAttribute(node, "alpha", 1);
        double beta = Attributes.floatAttribute(node, "beta", 1);
        TensorProto b = initializer(node, 1);
        boolean transB = Attributes.attribute(node, "transB", 0) == 1;
        double[] w = weights(b, transB);
        int units = units(b, transB);
        for (int i = 0; i < w.length; i++) {
            w[i] *= alpha;
        }
        double[] bias = node.getInputCount() > 2 && !node.getInput(2).isEmpty() ? bias(initializer(node, 2), units, beta)
                : new double[units];
        add(new ImportedLayers.Dense(inputs(b, transB), units, w, bias), Shape.vector(units));
    }

    private String matMul(NodeProto node, int index) {
        TensorProto b = initializer(node, 1);
        double[] w = weights(b, false);
        int units = units(b, false);
        double[] bias = new double[units];
        String out = node.getOutput(0);
        List<Integer> next = consumers.getOrDefault(out, List.of());
        if (next.size() == 1 && !out.equals(graph.getOutput(0).getName())) {
            NodeProto add = graph.getNode(next.get(0));
            if (add.getOpType().equals("Add") && add.getInputCount() == 2) {
                String other = add.getInput(0).equals(out) ? add.getInput(1) : add.getInput(0);
                if (initializers.containsKey(other)) {
                    bias = bias(initializers.get(other), units, 1);
                    out = add.getOutput(0);
                }
            }
        }
        add(new ImportedLayers.Dense(inputs(b, false), units, w, bias), Shape.vector(units));
        return out;
    }

    private void add(ImportedLayer layer, Shape output) {
        if (layers.isEmpty() && inputShape == null) {
            inputShape = shape;
        }
        layers.add(layer);
        shape = output;
    }

    /**
     * {@code BatchNormalization(x, scale, B, mean, var)} in inference mode; ONNX's momentum weighs the old running
     * value, NNet's (PyTorch's) the batch, so NNet's is {@code 1 - momentum}.
     */
    private void batchNorm(NodeProto node) {
        if (Attributes.attribute(node, "training_mode", 0) != 0) {
            throw new IllegalArgumentException("training_mode=1; NNet imports BatchNormalization in inference mode");
        }
        if (shape == null) {
            throw new IllegalArgumentException("the width of its input is unknown (give the graph input a shape)");
        }
        int features = shape.features();
        double[][] v = new double[4][];
        for (int i = 0; i < 4; i++) {
            TensorProto t = initializer(node, i + 1);
            v[i] = Tensors.values(t);
            if (v[i].length != features) {
                throw new IllegalArgumentException("'" + t.getName() + "' has " + v[i].length + " values for "
                        + features + " features");
            }
        }
        double eps = Attributes.floatAttribute(node, "epsilon", 1e-5);
        double momentum = 1 - Attributes.floatAttribute(node, "momentum", 0.9);
        if (!(momentum > 0 && momentum <= 1) || !(eps > 0)) {
            throw new IllegalArgumentException("momentum " + (1 - momentum) + " and epsilon " + eps + "; NNet needs"
                    + " momentum in [0, 1) (1 - NNet's) and a positive epsilon");
        }
        add(new ImportedLayers.BatchNorm(Double.parseDouble(Float.toString((float) momentum)), eps, v[0], v[1], v[2],
                v[3]), shape);
    }

    /** A Pad of zeros everywhere (PyTorch writes one before AveragePool) is a no-op; others are not imported. */
    private void zeroPad(NodeProto node) {
        for (long p : Tensors.longs(initializer(node, 1))) {
            if (p != 0) {
                throw new IllegalArgumentException("Pad by " + p + "; NNet imports padding only as a Conv's pads");
            }
        }
    }

    /** Flatten of a batch of vectors is a no-op; of images a flatten layer. */
    private void flatten(NodeProto node) {
        if (Attributes.attribute(node, "axis", 1) != 1) {
            throw new IllegalArgumentException("Flatten with axis " + Attributes.attribute(node, "axis", 1)
                    + "; only axis 1 (keep the batch) is imported");
        }
        if (shape != null && shape.image()) {
            add(new ImportedLayers.Flatten(), Shape.vector(shape.size()));
        }
    }

    private void activation(NodeProto node, String name) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException(node.getOpType() + " before the first dense layer is not imported");
        }
        ImportedLayer last = layers.get(layers.size() - 1);
        if (!last.takesActivation()) {
            throw new IllegalArgumentException(node.getOpType() + " after a " + last.prefix() + " layer; NNet has"
                    + " activations on dense (and conv2d) layers only");
        }
        if (last.activation() != null) {
            throw new IllegalArgumentException("a second activation after " + last.activationOp() + "; a dense layer"
                    + " of NNet has one activation");
        }
        if (name.equals("softmax")) {
            long axis = Attributes.attribute(node, "axis", -1);
            if (axis != 1 && axis != -1) {
                throw new IllegalArgumentException("Softmax over axis " + axis + "; NNet's softmax is over the units (axis 1)");
            }
        }
        Double alpha = null;
        if (name.equals("leaky_relu")) {
            alpha = Attributes.floatAttribute(node, "alpha", 0.01);
        } else if (name.equals("elu")) {
            alpha = Attributes.floatAttribute(node, "alpha", 1);
        }
        last.setActivation(name, alpha, node.getOpType());
    }

    private TensorProto initializer(NodeProto node, int input) {
        if (node.getInputCount() <= input || !initializers.containsKey(node.getInput(input))) {
            throw new IllegalArgumentException("input " + (input + 1) + " is not a constant (initializer); NNet imports"
                    + " trained weights stored in the model");
        }
        return initializers.get(node.getInput(input));
    }

    private double[] weights(TensorProto b, boolean transposed) {
        if (b.getDimsCount() != 2) {
            throw new IllegalArgumentException("weight '" + b.getName() + "' has " + b.getDimsCount()
                    + " dimensions, expected 2");
        }
        Tensors.size(b); // bounded before its dimensions are used
        int rows = (int) b.getDims(0);
        int cols = (int) b.getDims(1);
        int inputs = transposed ? cols : rows;
        if (shape != null && shape.image()) {
            throw new IllegalArgumentException("a dense layer on images " + shape + " needs a Flatten before it");
        }
        if (shape != null && inputs != shape.width()) {
            throw new IllegalArgumentException("weight '" + b.getName() + "' takes " + inputs + " inputs, the layer"
                    + " before gives " + shape.width());
        }
        if (shape == null) {
            shape = Shape.vector(inputs);
        }
        double[] v = Tensors.values(b);
        if (transposed) {
            return v;
        }
        double[] w = new double[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w[c * rows + r] = v[r * cols + c];
            }
        }
        return w;
    }

    private static int inputs(TensorProto b, boolean transposed) {
        return (int) b.getDims(transposed ? 1 : 0);
    }

    private static int units(TensorProto b, boolean transposed) {
        return (int) b.getDims(transposed ? 0 : 1);
    }

    private static double[] bias(TensorProto c, int units, double beta) {
        double[] v = Tensors.values(c);
        if (v.length != units && v.length != 1) {
            throw new IllegalArgumentException("bias '" + c.getName() + "' has " + v.length + " values for " + units
                    + " units");
        }
        double[] b = new double[units];
        for (int i = 0; i < units; i++) {
            b[i] = beta * v[v.length == 1 ? 0 : i];
        }
        return b;
    }

    private String where(NodeProto node, int index) {
        return source + ": node " + (index + 1) + " '" + node.getName() + "' (" + node.getOpType() + "): ";
    }

    private IllegalArgumentException unsupported(NodeProto node) {
        String op = node.getDomain().isEmpty() ? node.getOpType() : node.getDomain() + "." + node.getOpType();
        return new IllegalArgumentException("operator " + op + " is not supported; NNet imports "
                + String.join(", ", SUPPORTED));
    }
}

package dev.nnet.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.nnet.engine.Network;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.onnx.export.OnnxExporter;
import dev.nnet.onnx.imports.ImportedNetwork;
import dev.nnet.onnx.imports.OnnxImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The service the command line and the IDE call: export a model to an ONNX file, import an ONNX file. */
public final class Onnx {
    private Onnx() {
    }

    /**
     * Exports and writes atomically.
     *
     * @param model what to export
     * @param file the .onnx file
     * @return one line saying what was written
     * @throws IOException if writing fails
     */
    public static String export(ExportModel model, Path file) throws IOException {
        ModelProto m = OnnxExporter.export(model);
        OnnxFiles.write(m, file);
        return "wrote " + file + ": " + describe(m.getGraph()) + ", " + Files.size(file) + " bytes";
    }

    /** @return {@code N nodes, input features[N,4], outputs probabilities[N,3], class[N]} */
    static String describe(GraphProto g) {
        List<String> outs = new ArrayList<>();
        for (ValueInfoProto o : g.getOutputList()) {
            outs.add(shape(o));
        }
        return String.format(Locale.ROOT, "IR %d, opset %d, %d nodes, input %s, outputs %s", OnnxExporter.IR_VERSION,
                OnnxExporter.OPSET, g.getNodeCount(), shape(g.getInput(0)), String.join(", ", outs));
    }

    private static String shape(ValueInfoProto v) {
        List<String> dims = new ArrayList<>();
        for (var d : v.getType().getTensorType().getShape().getDimList()) {
            dims.add(d.hasDimValue() ? Long.toString(d.getDimValue()) : d.getDimParam());
        }
        return v.getName() + "[" + String.join(",", dims) + "]";
    }

    /**
     * Reads an ONNX file as an NNet network.
     *
     * @param file the .onnx file
     * @return the imported network
     * @throws OnnxException naming the file (and node) when it cannot be read or represented
     */
    public static ImportedNetwork read(Path file) throws OnnxException {
        ImportedNetwork imported = OnnxImporter.read(OnnxFiles.read(file), file.toString());
        network(imported, file);
        return imported;
    }

    /** @return the engine network, or the engine's objection (e.g. a layer of 0 units) located in the file */
    private static Network network(ImportedNetwork imported, Path file) throws OnnxException {
        try {
            return imported.toNetwork();
        } catch (IllegalArgumentException e) {
            throw new OnnxException(file + ": " + e.getMessage());
        }
    }

    /**
     * Imports an ONNX file into {@code dir}: {@code NAME.nnet} (the network declaration) and
     * {@code NAME-model.json} (its weights), NAME being the file's base name.
     *
     * @param file the .onnx file
     * @param dir the output directory (created when missing)
     * @return the lines saying what was written
     * @throws OnnxException if the file cannot be imported
     * @throws IOException if writing fails
     */
    public static List<String> importTo(Path file, Path dir) throws OnnxException, IOException {
        ModelProto m = OnnxFiles.read(file);
        ImportedNetwork imported = OnnxImporter.read(m, file.toString());
        Network network = network(imported, file);
        String base = file.getFileName().toString().replaceFirst("\\.onnx$", "");
        String name = networkName(base);
        Files.createDirectories(dir);
        Path nnet = dir.resolve(base + ".nnet");
        Path json = dir.resolve(base + "-model.json");
        String producer = m.getProducerName().isEmpty() ? "" : " (" + (m.getProducerName() + " "
                + m.getProducerVersion()).strip() + ")";
        String text = imported.declaration(name, "Imported from " + file.getFileName() + producer + " by nnet import;"
                + " weights in " + json.getFileName());
        Files.writeString(nnet, text, StandardCharsets.UTF_8);
        ModelIO.save(network, json);
        return List.of("network " + name + ": " + network.inputShape() + " inputs, " + network.allLayers().size()
                + " layers, " + network.parameterCount() + " parameters, " + imported.precision().fileName(),
                "wrote " + nnet, "wrote " + json);
    }

    /** @return an identifier from a file name: {@code iris_mlp} gives {@code IrisMlp} */
    static String networkName(String base) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : base.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (b.length() == 0 || !Character.isLetter(b.charAt(0))) {
            b.insert(0, "Net");
        }
        return b.toString();
    }
}

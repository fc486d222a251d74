package dev.nnet.engine.io;

import dev.nnet.engine.DenseLayer;
import dev.nnet.engine.Network;
import dev.nnet.engine.layer.Layer;
import dev.nnet.engine.matrix.Precision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Reads and writes model files: UTF-8 JSON, format {@value #FORMAT} version {@value #VERSION}, described in
 * {@code docs/model-format.md}. Numbers are written in the shortest form that reads back to the same float or
 * double, so save → load → save is byte-identical. Saving is atomic (temporary file in the target directory, then
 * an atomic rename): readers never see a half-written model.
 */
public final class ModelIO {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "nnet-model";
    /** The format version written (with metadata) and read by this engine; version 1 files are read too. */
    public static final int VERSION = 2;

    private ModelIO() {
    }

    /**
     * @param network the network
     * @return its model file content
     * @throws IllegalArgumentException if a parameter is NaN or infinite (not representable in JSON)
     */
    public static String toJson(Network network) {
        return toJson(network, null);
    }

    /**
     * @param network the network
     * @param metadata features, preprocessing, outputs and provenance (version 2), or null for a version 1 file
     * @return its model file content
     * @throws IllegalArgumentException if a parameter is NaN or infinite (not representable in JSON)
     */
    public static String toJson(Network network, ModelMetadata metadata) {
        JsonOut o = new JsonOut((int) Math.min(Integer.MAX_VALUE - 16, 64 + 12L * network.parameterCount()));
        write(o, network, metadata);
        return o.b.append('\n').toString();
    }

    /** The model's JSON object, without a newline after its closing brace. */
    static void write(JsonOut o, Network network, ModelMetadata metadata) {
        final StringBuilder b = o.b;
        b.append("{\n");
        b.append("  \"format\": \"").append(FORMAT).append("\",\n");
        b.append("  \"version\": ").append(metadata == null ? 1 : VERSION).append(",\n");
        b.append("  \"precision\": \"").append(network.precision().fileName()).append("\",\n");
        b.append("  \"inputs\": ").append(network.inputs()).append(",\n");
        if (network.inputShape().image()) {
            b.append("  \"inputShape\": [").append(network.inputShape().channels()).append(", ")
                    .append(network.inputShape().height()).append(", ").append(network.inputShape().width())
                    .append("],\n");
        }
        if (metadata != null) {
            ModelMetadataWriter.write(b, metadata);
        }
        b.append("  \"layers\": [\n");
        for (int i = 0; i < network.allLayers().size(); i++) {
            Layer layer = network.allLayers().get(i);
            b.append("    {\n");
            b.append("      \"name\": ").append(quote(layer.name())).append(",\n");
            b.append("      \"type\": ").append(quote(layer.type()));
            LayerJson.append(o, layer);
            b.append("\n    }").append(i + 1 < network.allLayers().size() ? ",\n" : "\n");
        }
        b.append("  ]\n}");
    }

    /**
     * @param s a string
     * @return it as a JSON string literal (quotes, backslashes and control characters escaped)
     */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * Saves atomically: writes a temporary file next to {@code file}, forces it to disk, then renames it over
     * {@code file} with {@link StandardCopyOption#ATOMIC_MOVE}. On failure the temporary file is removed and an
     * existing {@code file} is left unchanged.
     *
     * @param network the network
     * @param file the target file
     * @throws IOException if writing or renaming fails
     */
    public static void save(Network network, Path file) throws IOException {
        save(network, null, file);
    }

    /**
     * Saves atomically like {@link #save(Network, Path)}, with metadata (a version 2 file).
     *
     * @param network the network
     * @param metadata the metadata, or null for a version 1 file
     * @param file the target file
     * @throws IOException if writing or renaming fails
     */
    public static void save(Network network, ModelMetadata metadata, Path file) throws IOException {
        writeAtomically(o -> {
            write(o, network, metadata);
            o.b.append('\n');
        }, file);
    }

    /**
     * Writes JSON text to a temporary file next to {@code file} as it is made (pieces of {@link JsonOut}), forces it
     * to disk and renames it over {@code file}.
     */
    static void writeAtomically(Consumer<JsonOut> text, Path file) throws IOException {
        try {
            AtomicFiles.write(file, ch -> {
                JsonOut o = new JsonOut(ch);
                text.accept(o);
                o.flush();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Loads a model in the precision written in the file.
     *
     * @param file the model file
     * @return the network
     * @throws ModelFormatException if the file is missing, unreadable, truncated, corrupt or inconsistent
     */
    public static Network load(Path file) throws ModelFormatException {
        return readFile(file, (root, reader) -> reader.read(root, null));
    }

    /**
     * Loads a model with its metadata ({@link ModelMetadata#NONE} for a version 1 file).
     *
     * @param file the model file
     * @return network and metadata
     * @throws ModelFormatException if the file is missing, unreadable, truncated, corrupt or inconsistent
     */
    public static TrainedModel loadModel(Path file) throws ModelFormatException {
        return readFile(file, ModelIO::model);
    }

    /**
     * Parses model file content with its metadata.
     *
     * @param json the content
     * @param sourceName file name for error messages
     * @return network and metadata
     * @throws ModelFormatException if the content is truncated, corrupt or inconsistent
     */
    public static TrainedModel modelFromJson(String json, String sourceName) throws ModelFormatException {
        return readText(json, sourceName, ModelIO::model);
    }

    private static TrainedModel model(JsonValue root, ModelReader reader) throws ModelFormatException {
        Network network = reader.read(root, null);
        return new TrainedModel(network, new ModelMetadataReader(reader).read(root, network));
    }

    /**
     * @param file the model file
     * @param precision precision of the returned network (values are converted)
     * @return the network
     * @throws ModelFormatException if the file is missing, unreadable, truncated, corrupt or inconsistent
     */
    public static Network load(Path file, Precision precision) throws ModelFormatException {
        return readFile(file, (root, reader) -> reader.read(root, precision));
    }

    /**
     * Replaces the parameters of {@code network} with those of a model file of the same architecture
     * (layer count and shapes), e.g. to start training from given weights.
     *
     * @param network the network to re-initialise
     * @param file the model file
     * @throws ModelFormatException if the file is bad or its shapes differ from the network's
     */
    public static void loadParametersInto(Network network, Path file) throws ModelFormatException {
        Network loaded = load(file, network.precision());
        if (!loaded.inputShape().equals(network.inputShape()) || loaded.allLayers().size() != network.allLayers().size()) {
            throw new ModelFormatException(file.toString(), 0, 0, "model has " + loaded.inputShape() + " inputs and "
                    + loaded.allLayers().size() + " layers, network has " + network.inputShape() + " and "
                    + network.allLayers().size());
        }
        for (int i = 0; i < loaded.allLayers().size(); i++) {
            Layer a = loaded.allLayers().get(i);
            Layer b = network.allLayers().get(i);
            if (!a.type().equals(b.type()) || !a.outputShape().equals(b.outputShape())) {
                String what = a instanceof DenseLayer ? ((DenseLayer) a).units() + " units" : "output " + a.outputShape();
                String theirs = b instanceof DenseLayer ? ((DenseLayer) b).units() + " units" : "output " + b.outputShape();
                throw new ModelFormatException(file.toString(), 0, 0, "layer " + (i + 1) + " ('" + a.name() + "') is "
                        + a.type() + " with " + what + " in the file, the network's layer '" + b.name() + "' is "
                        + b.type() + " with " + theirs);
            }
        }
        network.copyParametersFrom(loaded);
    }

    /** What is made of a parsed model or checkpoint document. */
    interface Reading<T> {
        T read(JsonValue root, ModelReader reader) throws ModelFormatException;
    }

    /**
     * Reads a model or checkpoint file through a buffer (never whole): parsed once with the layers' weights only
     * checked and counted, then those read a second time straight into the network.
     */
    static <T> T readFile(Path file, Reading<T> reading) throws ModelFormatException {
        long limit = InputFiles.modelLimit();
        String problem = InputFiles.problem(file, limit);
        if (problem != null) {
            throw new ModelFormatException(file.toString(), 0, 0, problem);
        }
        try (ByteInput in = ByteInput.open(file, limit)) {
            return reading.read(JsonParser.parse(in), new ModelReader(file.toString(), in));
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(file.toString(), 0, 0, "cannot read file: " + e.getMessage());
        }
    }

    static <T> T readText(String json, String sourceName, Reading<T> reading) throws ModelFormatException {
        ByteInput in = ByteInput.of(sourceName, json.getBytes(StandardCharsets.UTF_8));
        return reading.read(JsonParser.parse(in), new ModelReader(sourceName, in));
    }

    /**
     * Parses model file content.
     *
     * @param json the content
     * @param sourceName file name for error messages
     * @param precision precision of the network, or null for the file's
     * @return the network
     * @throws ModelFormatException if the content is truncated, corrupt or inconsistent
     */
    public static Network fromJson(String json, String sourceName, Precision precision) throws ModelFormatException {
        return readText(json, sourceName, (root, reader) -> reader.read(root, precision));
    }
}

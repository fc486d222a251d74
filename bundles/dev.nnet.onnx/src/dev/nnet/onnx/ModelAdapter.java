package dev.nnet.onnx;

import dev.nnet.engine.Network;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import java.nio.file.Path;

/**
 * Fills an {@link ExportModel} from an engine model file: the network, and the provenance NNet knows (source
 * file, precision, parameter count). Model format version 1 stores no preprocessing or class names, so these stay
 * empty until the file carries them.
 */
public final class ModelAdapter {
    private ModelAdapter() {
    }

    /**
     * @param modelFile a model file written by NNet
     * @return the export model
     * @throws ModelFormatException if the file is not a valid model (message located in the file)
     */
    public static ExportModel fromModelFile(Path modelFile) throws ModelFormatException {
        Network network = ModelIO.load(modelFile);
        String name = modelFile.getFileName().toString().replaceFirst("\\.json$", "");
        return fromNetwork(network, name).provenance("source", modelFile.getFileName().toString()).build();
    }

    /**
     * @param network a trained network
     * @param name the graph name (network or model name)
     * @return a builder with the network's provenance filled in
     */
    public static ExportModel.Builder fromNetwork(Network network, String name) {
        return ExportModel.builder(network).provenance("network", name)
                .provenance("parameters", Integer.toString(network.parameterCount()));
    }
}

package dev.nnet.onnx;

import dev.nnet.engine.Network;
import dev.nnet.engine.data.Preprocessing;
import dev.nnet.engine.data.TargetEncoding;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.io.ModelMetadata;
import dev.nnet.engine.io.TrainedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Fills an {@link ExportModel} from an engine model file: the network, and from the metadata of a version 2 file
 * the preprocessing (standardize: shift = mean, scale = 1/std; min-max: shift = min, scale = 1/(max - min); a
 * constant feature gets scale 0, as the engine maps it to 0), the feature names, the class names and the provenance.
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
        TrainedModel model = ModelIO.loadModel(modelFile);
        String name = modelFile.getFileName().toString().replaceFirst("\\.json$", "");
        ModelMetadata meta = model.metadata();
        if (meta.provenance() != null && meta.provenance().network() != null) {
            name = meta.provenance().network();
        }
        ExportModel.Builder b = fromNetwork(model.network(), name).provenance("source", modelFile.getFileName().toString());
        fill(b, model.network(), meta);
        return b.build();
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

    private static void fill(ExportModel.Builder b, Network network, ModelMetadata meta) {
        Preprocessing p = meta.preprocessing();
        if (p.kind() != Preprocessing.Kind.NONE && p.features() == network.inputs()) {
            double[] first = p.first();
            double[] second = p.second();
            double[] scale = new double[first.length];
            for (int i = 0; i < first.length; i++) {
                double range = p.kind() == Preprocessing.Kind.STANDARDIZE ? second[i] : second[i] - first[i];
                scale[i] = range == 0 ? 0 : 1 / range;
            }
            b.preprocessing(first, scale).provenance("preprocessing", p.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (meta.features() != null && meta.features().size() == network.inputs()) {
            b.featureNames(meta.features());
        }
        ModelMetadata.Outputs out = meta.outputs();
        boolean indexColumn = out != null && out.encoding() == TargetEncoding.INDEX && network.outputs() == 1;
        if (out != null && out.classes() && !indexColumn) {
            b.task(ExportModel.Task.CLASSIFICATION);
            List<String> names = out.names();
            if (names.size() == (network.outputs() == 1 ? 2 : network.outputs())) {
                b.classNames(names);
            }
        }
        ModelMetadata.Provenance prov = meta.provenance();
        if (prov != null) {
            put(b, "nnet_source", prov.source());
            put(b, "training", prov.training());
            put(b, "data", prov.data());
            put(b, "status", prov.status());
            b.provenance("epochs", Integer.toString(prov.epochs()));
            for (Map.Entry<String, Double> m : prov.metrics().entrySet()) {
                b.provenance("metric." + m.getKey(), Double.toString(m.getValue()));
            }
        }
    }

    private static void put(ExportModel.Builder b, String key, String value) {
        if (value != null) {
            b.provenance(key, value);
        }
    }
}

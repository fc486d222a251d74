package dev.nnet.engine.tests.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnet.engine.Network;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.activation.Activations;
import dev.nnet.engine.data.DataSet;
import dev.nnet.engine.data.MinMaxScaler;
import dev.nnet.engine.data.Preprocessing;
import dev.nnet.engine.data.Standardizer;
import dev.nnet.engine.data.TargetEncoding;
import dev.nnet.engine.io.ModelFormatException;
import dev.nnet.engine.io.ModelIO;
import dev.nnet.engine.io.ModelMetadata;
import dev.nnet.engine.io.TrainedModel;
import dev.nnet.engine.matrix.Precision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Version 2 model files: metadata round trip, version 1 still loads, inconsistent metadata is located. */
class ModelMetadataTest {
    private static final DataSet DATA = DataSet.of(new double[][] { { 1, 10 }, { 2, 20 }, { 4, 20 } },
            new double[][] { { 0 }, { 1 }, { 0 } });

    private static Network net() {
        return NetworkSpec.builder(2).dense("h", 3, Activations.tanh()).dense("out", 3, Activations.softmax()).build()
                .build(Precision.FLOAT32, 5);
    }

    private static ModelMetadata metadata(Preprocessing p) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_accuracy", 0.9666666666666667);
        metrics.put("test_loss", Double.NaN);
        return new ModelMetadata(List.of("sepal \"length\"", "width"), p,
                new ModelMetadata.Outputs("label", TargetEncoding.ONE_HOT, List.of("setosa", "versicolor", "virginica")),
                new ModelMetadata.Provenance("iris.nnet", "irisRun", "IrisNet", "iris", 57, "CONVERGED", metrics));
    }

    @Test
    void roundTripIsByteIdenticalAndKeepsEveryField() throws ModelFormatException {
        for (Preprocessing p : List.of(Preprocessing.of(Standardizer.fit(DATA)), Preprocessing.of(MinMaxScaler.fit(DATA)),
                Preprocessing.NONE)) {
            String json = ModelIO.toJson(net(), metadata(p));
            assertTrue(json.contains("\"version\": 2"), json);
            TrainedModel m = ModelIO.modelFromJson(json, "m.json");
            assertEquals(json, ModelIO.toJson(m.network(), m.metadata()));
            assertEquals(List.of("sepal \"length\"", "width"), m.metadata().features());
            assertEquals(p.kind(), m.metadata().preprocessing().kind());
            assertArrayEquals(p.first(), m.metadata().preprocessing().first());
            assertArrayEquals(p.second(), m.metadata().preprocessing().second());
            assertEquals(List.of("setosa", "versicolor", "virginica"), m.metadata().outputs().names());
            assertEquals(TargetEncoding.ONE_HOT, m.metadata().outputs().encoding());
            assertEquals("label", m.metadata().outputs().column());
            assertEquals(57, m.metadata().provenance().epochs());
            assertEquals(Map.of("test_accuracy", 0.9666666666666667), m.metadata().provenance().metrics());
        }
    }

    @Test
    void standardizationIsStoredAndAppliedExactly() throws ModelFormatException {
        Standardizer s = Standardizer.fit(DATA);
        TrainedModel m = ModelIO.modelFromJson(ModelIO.toJson(net(), metadata(Preprocessing.of(s))), "m.json");
        DataSet scaled = s.apply(DATA);
        for (int r = 0; r < DATA.rows(); r++) {
            double[] row = { DATA.feature(r, 0), DATA.feature(r, 1) };
            m.metadata().preprocessing().applyInPlace(row);
            assertArrayEquals(new double[] { scaled.feature(r, 0), scaled.feature(r, 1) }, row);
        }
        DataSet again = m.metadata().preprocessing().apply(DATA);
        assertEquals(scaled.feature(2, 1), again.feature(2, 1));
    }

    @Test
    void versionOneFilesLoadWithoutMetadata() throws ModelFormatException {
        String v1 = ModelIO.toJson(net());
        assertTrue(v1.contains("\"version\": 1"));
        TrainedModel m = ModelIO.modelFromJson(v1, "old.json");
        assertEquals(ModelMetadata.NONE, m.metadata());
        assertEquals(Preprocessing.Kind.NONE, m.metadata().preprocessing().kind());
    }

    @Test
    void inconsistentMetadataIsLocated() {
        String json = ModelIO.toJson(net(), metadata(Preprocessing.of(Standardizer.fit(DATA))));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelIO.modelFromJson(json.replace("\"width\"]", "\"width\", \"extra\"]"), "m.json"));
        assertTrue(e.getMessage().matches("m\\.json:\\d+:\\d+: model: \"features\" names 3 features, the model has 2 inputs"),
                e.getMessage());
        e = assertThrows(ModelFormatException.class,
                () -> ModelIO.modelFromJson(json.replace("\"versicolor\", ", ""), "m.json"));
        assertTrue(e.getMessage().contains("outputs: 2 class names, expected 3 for encoding one_hot"), e.getMessage());
        e = assertThrows(ModelFormatException.class,
                () -> ModelIO.modelFromJson(json.replace("\"kind\": \"standardize\"", "\"kind\": \"pca\""), "m.json"));
        assertTrue(e.getMessage().contains("preprocessing: unknown kind \"pca\""), e.getMessage());
        String v1 = ModelIO.toJson(net()).replace("\"inputs\": 2,", "\"inputs\": 2,\n  \"features\": [\"a\", \"b\"],");
        e = assertThrows(ModelFormatException.class, () -> ModelIO.modelFromJson(v1, "m.json"));
        assertTrue(e.getMessage().contains("unknown field \"features\""), e.getMessage());
    }
}

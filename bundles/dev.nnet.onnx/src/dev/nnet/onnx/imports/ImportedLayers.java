package dev.nnet.onnx.imports;

import dev.nnet.engine.LayerSpec;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.layer.BatchNormSpec;
import dev.nnet.engine.layer.LayerDefinition;

/** The layer types the importer creates. */
final class ImportedLayers {
    private ImportedLayers() {
    }

    /** A dense layer: {@code W} ({@code units × inputs}, row-major) and {@code b}. */
    static final class Dense extends ImportedLayer {
        final int inputs;
        final int units;

        Dense(int inputs, int units, double[] weights, double[] bias) {
            this.inputs = inputs;
            this.units = units;
            value("weights", weights).value("bias", bias);
        }

        @Override
        String prefix() {
            return "dense";
        }

        @Override
        boolean takesActivation() {
            return true;
        }

        @Override
        LayerDefinition definition(String name) {
            return new LayerSpec(name, units, engineActivation(), NetworkSpec.defaultWeightInit(engineActivation()),
                    Initializers.zeros());
        }

        @Override
        String declaration(String name) {
            return "dense " + name + " " + units + " " + activationSource();
        }
    }

    /** Batch normalization in inference form: gamma, beta, running mean and variance, NNet's momentum and eps. */
    static final class BatchNorm extends ImportedLayer {
        final double momentum;
        final double eps;

        BatchNorm(double momentum, double eps, double[] gamma, double[] beta, double[] mean, double[] var) {
            this.momentum = momentum;
            this.eps = eps;
            value("gamma", gamma).value("beta", beta).value("running_mean", mean).value("running_var", var);
        }

        @Override
        String prefix() {
            return "bn";
        }

        @Override
        LayerDefinition definition(String name) {
            return new BatchNormSpec(name, momentum, eps);
        }

        @Override
        String declaration(String name) {
            return "batch_norm " + name + " momentum " + ImportedNetwork.decimal(momentum) + " eps "
                    + ImportedNetwork.decimal(eps);
        }
    }
}

package dev.nnet.onnx.imports;

import dev.nnet.engine.LayerSpec;
import dev.nnet.engine.NetworkSpec;
import dev.nnet.engine.init.Initializers;
import dev.nnet.engine.layer.BatchNormSpec;
import dev.nnet.engine.layer.Conv2dSpec;
import dev.nnet.engine.layer.FlattenSpec;
import dev.nnet.engine.layer.LayerDefinition;
import dev.nnet.engine.layer.Padding;
import dev.nnet.engine.layer.PoolSpec;
import dev.nnet.engine.layer.Shape;

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

    /** A conv2d layer: weights {@code [filters][C][k][k]} (ONNX's and NNet's order), bias per filter. */
    static final class Conv extends ImportedLayer {
        final int filters;
        final int kernel;
        final int stride;
        final Padding padding;
        Shape output;

        Conv(int filters, int kernel, int stride, Padding padding, double[] weight, double[] bias) {
            this.filters = filters;
            this.kernel = kernel;
            this.stride = stride;
            this.padding = padding;
            value("weight", weight).value("bias", bias);
        }

        @Override
        String prefix() {
            return "conv";
        }

        @Override
        boolean takesActivation() {
            return true;
        }

        @Override
        LayerDefinition definition(String name) {
            return new Conv2dSpec(name, filters, kernel, stride, padding, engineActivation(),
                    NetworkSpec.defaultWeightInit(engineActivation()), Initializers.zeros());
        }

        @Override
        String declaration(String name) {
            return "conv2d " + name + " " + filters + " kernel " + kernel + " stride " + stride + " padding "
                    + padding.fileName() + " " + activationSource();
        }
    }

    /** A max or average pool. */
    static final class Pool extends ImportedLayer {
        final PoolSpec.Kind kind;
        final int size;
        final int stride;
        Shape output;

        Pool(PoolSpec.Kind kind, int size, int stride) {
            this.kind = kind;
            this.size = size;
            this.stride = stride;
        }

        @Override
        String prefix() {
            return "pool";
        }

        @Override
        LayerDefinition definition(String name) {
            return new PoolSpec(name, kind, size, stride);
        }

        @Override
        String declaration(String name) {
            return kind.type() + " " + name + " " + size + " stride " + stride;
        }
    }

    /** Flatten of images. */
    static final class Flatten extends ImportedLayer {
        @Override
        String prefix() {
            return "flatten";
        }

        @Override
        LayerDefinition definition(String name) {
            return new FlattenSpec(name);
        }

        @Override
        String declaration(String name) {
            return "flatten " + name;
        }
    }
}

package dev.nnet.engine.io;

import dev.nnet.engine.Network;

/**
 * A loaded model file: the network and its metadata ({@link ModelMetadata#NONE} for a version 1 file).
 *
 * @param network the network
 * @param metadata features, preprocessing, output meaning and provenance
 */
public record TrainedModel(Network network, ModelMetadata metadata) {
}

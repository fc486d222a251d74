package dev.nnet.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes ONNX files: size-bounded reading, atomic writing (temporary file, then rename). */
public final class OnnxFiles {
    /** Largest ONNX file read (protobuf messages are limited to 2 GiB; NNet models are far smaller). */
    public static final long MAX_BYTES = 512L << 20;

    private OnnxFiles() {
    }

    /**
     * @param file an ONNX file
     * @return its model
     * @throws OnnxException naming the file and the cause when it is missing, too large or not an ONNX model
     */
    public static ModelProto read(Path file) throws OnnxException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new OnnxException(file + ": " + size + " bytes, more than the " + MAX_BYTES + " NNet reads");
            }
            if (size == 0) {
                throw new OnnxException(file + ": empty file, not an ONNX model");
            }
            try (InputStream in = Files.newInputStream(file)) {
                CodedInputStream coded = CodedInputStream.newInstance(in);
                coded.setSizeLimit((int) MAX_BYTES);
                ModelProto m = ModelProto.parseFrom(coded);
                if (!m.hasGraph()) {
                    throw new OnnxException(file + ": not an ONNX model (no graph)");
                }
                return m;
            }
        } catch (NoSuchFileException e) {
            throw new OnnxException(file + ": file not found");
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new OnnxException(file + ": not an ONNX model (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new OnnxException(file + ": cannot read file: " + e.getMessage());
        }
    }

    /**
     * Writes atomically: readers see the old or the new complete file, never a part.
     *
     * @param model the model
     * @param file the target
     * @throws IOException if writing fails (an existing file is left unchanged)
     */
    public static void write(ModelProto model, Path file) throws IOException {
        dev.nnet.engine.io.AtomicFiles.write(file, ch -> model.writeTo(java.nio.channels.Channels.newOutputStream(ch)));
    }
}

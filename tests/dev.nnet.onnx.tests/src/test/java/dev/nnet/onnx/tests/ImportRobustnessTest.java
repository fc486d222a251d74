package dev.nnet.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import dev.nnet.onnx.Onnx;
import dev.nnet.onnx.OnnxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Nothing NNet reads gives a stack trace: every truncation and 2,000 random corruptions of a PyTorch fixture
 * either import or fail with an {@link OnnxException} that names the file.
 */
class ImportRobustnessTest {

    @Test
    void truncatedAndCorruptedFilesFailWithALocatedMessage() throws Exception {
        byte[] good = Files.readAllBytes(PyTorchImportTest.FIXTURES.resolve("mlp_gemm_softmax.onnx"));
        Path file = Files.createTempFile("corrupt", ".onnx");
        int failures = 0;
        for (int n = 0; n < good.length; n++) {
            failures += tryImport(file, Arrays.copyOf(good, n));
        }
        Random random = new Random(14);
        for (int i = 0; i < 2000; i++) {
            byte[] bad = good.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            failures += tryImport(file, bad);
        }
        assertTrue(failures > good.length / 2, failures + " of the corrupt files were refused");
    }

    /** A weight that declares 2^32 elements (without the data) is refused before anything is allocated. */
    @Test
    void hugeDeclaredTensorIsRefusedWithTheNode() throws Exception {
        Path file = Files.createTempFile("huge", ".onnx");
        Files.write(file, gemm(TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(65536).addDims(65536).build()).toByteArray());
        OnnxException e = assertThrows(OnnxException.class, () -> Onnx.read(file));
        assertEquals(file + ": node 1 'fc' (Gemm): tensor 'w' has more than 67108864 elements", e.getMessage());
        Files.write(file, gemm(TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(4).addDims(-3).build()).toByteArray());
        e = assertThrows(OnnxException.class, () -> Onnx.read(file));
        assertEquals(file + ": node 1 'fc' (Gemm): tensor 'w' has dimension -3", e.getMessage());
    }

    /** A file cut inside a tensor that says 400 MB of data follow: refused quickly, without reserving 400 MB. */
    @Test
    void truncatedHugeFieldIsRefusedInBoundedMemory() throws Exception {
        byte[] good = gemm(TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(1).addDims(4).setRawData(ByteString.copyFrom(new byte[16])).build()).toByteArray();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(good);
        bytes.write(7 << 3 | 2); // a second field 7 (graph), length-delimited, 400 MB long: the varint of 400 << 20
        int n = 400 << 20;
        while ((n & ~0x7F) != 0) {
            bytes.write((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        bytes.write(n);
        bytes.write(new byte[] { 0x08, 0x08 }); // and then only 2 bytes of it (ir_version 8)
        Path file = Files.createTempFile("cut", ".onnx");
        Files.write(file, bytes.toByteArray());
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        OnnxException e = assertThrows(OnnxException.class, () -> Onnx.read(file));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long grown = (rt.totalMemory() - rt.freeMemory() - before) >> 20;
        System.out.println("truncated 400 MB field: refused in " + ms + " ms, heap grew by ~" + grown + " MB: "
                + e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": not an ONNX model (") && e.getMessage().contains("truncated"),
                e.getMessage());
        assertTrue(grown < 200, "heap grew by " + grown + " MB");
    }

    /** A model: input [N, 4] -> Gemm 'fc' with weight {@code w} -> output. */
    private static ModelProto gemm(TensorProto w) {
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(TensorShapeProto.newBuilder()
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(4)))).build();
        GraphProto g = GraphProto.newBuilder().setName("g")
                .addInput(ValueInfoProto.newBuilder().setName("x").setType(type))
                .addOutput(ValueInfoProto.newBuilder().setName("y"))
                .addInitializer(w)
                .addNode(NodeProto.newBuilder().setName("fc").setOpType("Gemm").addInput("x").addInput("w").addOutput("y")
                        .addAttribute(AttributeProto.newBuilder().setName("transB").setType(AttributeProto.AttributeType.INT)
                                .setI(1)))
                .build();
        return ModelProto.newBuilder().setIrVersion(8).setGraph(g).build();
    }

    private static int tryImport(Path file, byte[] bytes) throws Exception {
        Files.write(file, bytes);
        try {
            Onnx.read(file);
            return 0;
        } catch (OnnxException e) {
            assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
            return 1;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            fail("importing a corrupt file threw " + e, e);
            return 0;
        }
    }
}

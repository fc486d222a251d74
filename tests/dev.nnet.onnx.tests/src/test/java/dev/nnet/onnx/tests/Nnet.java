package dev.nnet.onnx.tests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code dev.nnet.cli.Main} (what ./nnet runs) in a JVM of its own on the jars of releng/dev.nnet.cli. */
final class Nnet {
    static final Path PLUGINS = Exports.HOME.resolve("releng/dev.nnet.cli/target/repository/plugins");

    /** Exit code, standard output and standard error of one command. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Nnet() {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        if (!Files.isDirectory(PLUGINS)) {
            throw new IllegalStateException(PLUGINS + " is missing: build releng/dev.nnet.cli first");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "-cp", PLUGINS + File.separator + "*", "dev.nnet.cli.Main"));
        if (Runtime.version().feature() >= 24) {
            cmd.add(1, "--sun-misc-unsafe-memory-access=allow"); // as ./nnet: Guice and protobuf use sun.misc.Unsafe
        }
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("nnet", ".out");
        Path err = Files.createTempFile("nnet", ".err");
        Process p = new ProcessBuilder(cmd).directory(Exports.HOME.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("nnet " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8).replaceAll("WARNING: Using incubator modules.*\n", ""));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
